/** Intake: the entitlement panel of a new order and copying an agreement's lines (docs/adr/0018). */
export const intake = {
  agreement: 'Agreement',
  agreementPlaceholder: 'Not under an agreement',
  panel: {
    title: 'Entitlement',
    pickCustomer: 'Choose the customer (and the service objects) to see what they are entitled to.',
    onDate: 'on {{date}}',
    agreements: 'Agreements in force',
    noAgreements: 'No agreement in force covers this.',
    coversAll: 'all objects',
    noSla: 'no SLA',
    slaFromGroup: '{{sla}} (from the group)',
    link: 'Link',
    linked: 'Linked',
    linkSaved: 'Order {{order}} linked to agreement {{agreement}}',
    linkAria: 'Link the order to agreement {{number}}',
    warranty: 'Warranty',
    noObjects: 'Pick service objects to see their warranty.',
    warrantyUntil: 'until {{date}}',
    warrantyFrom: 'from {{date}}',
    openOrders: 'Open orders on these objects',
    openOrdersCustomer: 'Open orders of the customer',
    noOpenOrders: 'None.',
    moreOpenOrders: 'and {{count}} more',
    subscriptions: 'Subscriptions',
    noSubscriptions: 'No subscription covers this.',
    wholeCustomer: 'whole customer',
    objectsCount_one: '{{count}} object',
    objectsCount_other: '{{count}} objects'
  },
  warrantyStatus: {
    active: 'In warranty',
    notStarted: 'Not started',
    expired: 'Expired',
    unknown: 'No warranty recorded'
  },
  copy: {
    menu: 'Copy from the agreement…',
    title: 'Copy lines of agreement {{number}}',
    intro: 'The chosen lines become open lines of {{number}}, with the agreement’s prices.',
    date: 'Scheduled date',
    dateHint: 'Within each line’s dates; empty = no date on the lines',
    none: 'The agreement has no lines.',
    stopped: 'stopped',
    runs: '{{from}} – {{to}}',
    quantity: 'quantity {{quantity}}',
    copy: 'Copy lines',
    chooseLine: 'Choose at least one line',
    done_one: '{{count}} line copied',
    done_other: '{{count}} lines copied'
  }
}
