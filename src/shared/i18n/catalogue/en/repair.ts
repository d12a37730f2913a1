/** Repair management: repair setup, repair lines on orders, service object structures (service BOM). */
export const repair = {
  kinds: {
    condition: 'Condition',
    symptomArea: 'Symptom area',
    symptomCode: 'Symptom',
    diagnosisArea: 'Diagnosis area',
    diagnosisCode: 'Diagnosis',
    resolution: 'Resolution',
    stage: 'Repair stage'
  },
  codes: {
    title: 'Repair codes',
    one: 'Repair code',
    new: 'New repair code',
    kind: 'Kind',
    allKinds: 'All kinds',
    area: 'Area',
    objectGroup: 'Only for object group',
    anyGroup: 'Any object group',
    finished: 'Finishes',
    finishesRepair: 'Setting this stage finishes the repair (stamps the finish time)',
    deleteWhat: 'the repair code (refused while repair lines or codes use it)'
  },
  settings: {
    title: 'Repair settings',
    window: 'Repeat failure within (days)',
    resolutionRequired: 'A finished repair needs a resolution'
  },
  lines: {
    title: 'Repair lines',
    add: 'Add repair line',
    editTitle: 'Repair line {{lineNo}}',
    none: 'No repair lines yet.',
    no: 'No.',
    object: 'Service object',
    objectNeeded: 'Choose the service object',
    noObjects: 'Relate a service object to the order first.',
    technician: 'Technician',
    note: 'Note',
    finishedAt: 'Finished',
    repeatOf: 'Repeat of {{order}}'
  },
  suggest: {
    repeatTitle: 'Repeat failure',
    repeatText: 'The same symptom was entered on {{date}} on order {{order}}; resolution: {{resolution}}.',
    noResolution: 'none yet',
    fixedBefore: 'What fixed it before on this model',
    held: '{{name}} — held {{held}} of {{times}} times'
  },
  replace: {
    button: 'Replace a part',
    title: 'Replace a part of {{object}}',
    component: 'Component',
    componentNeeded: 'Choose the component that was replaced',
    newItem: 'New part',
    itemNeeded: 'Choose the new part',
    addToOrder: 'Add the part to the order (invoiced)',
    labour: 'Labour category',
    labourHours: 'Labour hours',
    save: 'Replace',
    noStructure: 'This object has no structure yet: attach a template on the object’s page.'
  },
  structure: {
    title: 'Structure',
    fromTemplate: 'From template {{number}}',
    asOf: 'As of',
    now: 'Now',
    position: 'Position',
    item: 'Item',
    quantity: 'Qty',
    serial: 'Serial number',
    empty: 'No components.',
    attach: 'Template',
    attachButton: 'Attach template',
    add: 'Add component',
    remove: 'Remove with its sub-components',
    compare: 'Changes between two dates',
    from: 'From',
    to: 'To',
    noDifferences: 'No differences.',
    what: 'Change',
    before: 'Before',
    after: 'After',
    change: { added: 'Added', removed: 'Removed', changed: 'Changed' },
    history: 'Component history',
    noHistory: 'No changes yet.',
    when: 'When',
    who: 'By',
    order: 'Order',
    kind: { add: 'Added', remove: 'Removed', replace: 'Replaced', serial: 'Serial number changed', move: 'Moved' }
  },
  templates: {
    title: 'BOM templates',
    one: 'BOM template',
    new: 'New BOM template',
    search: 'Number or name',
    number: 'Number',
    model: 'Item model',
    components: 'Components',
    attached: 'Attached to objects',
    unit: 'Unit',
    parent: 'Under',
    deleteWhat: 'the BOM template and its components',
    attachedNote: 'Attached to service objects ({{count}}): kept as it was when they were built. Edit the objects’ structures instead.'
  },
  history: {
    title: 'Repair history',
    search: 'Service object',
    entered: 'Entered',
    repeatsOnly: 'Repeat failures only'
  }
}
