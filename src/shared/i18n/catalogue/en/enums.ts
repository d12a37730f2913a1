/** Labels of the values of the shared enums, by enum: t(`enums.priority.${p}`). */
export const enums = {
  role: {
    administrator: 'Administrator',
    serviceManager: 'Service manager',
    dispatcher: 'Dispatcher',
    technician: 'Service technician',
    serviceConsultant: 'Service consultant'
  },
  workerRole: {
    technician: 'Service technician',
    serviceConsultant: 'Service consultant',
    dispatcher: 'Dispatcher',
    serviceManager: 'Service manager'
  },
  combineRule: {
    agreement: 'One order per agreement and date',
    task: 'One order per service task and date',
    worker: 'One order per worker and date',
    object: 'One order per service object and date'
  },
  assignmentStatus: { planned: 'Planned', dispatched: 'Dispatched', travelling: 'Travelling', onSite: 'On site', done: 'Done' },
  priority: { high: 'High', normal: 'Normal', low: 'Low' },
  progress: { inProcess: 'In process', posted: 'Posted', cancelled: 'Cancelled' },
  lineType: { hour: 'Hours', expense: 'Expense', item: 'Item', fee: 'Fee' },
  customerLanguage: { et: 'Estonian', en: 'English', ru: 'Russian', fi: 'Finnish', lv: 'Latvian', de: 'German' },
  slaTarget: { response: 'Response', arrival: 'On site', resolution: 'Resolution' },
  returnStatus: { created: 'Created', open: 'Open', closed: 'Closed', cancelled: 'Cancelled' },
  returnLineStatus: { expected: 'Expected', registered: 'Registered', received: 'Received', credited: 'Credited', closed: 'Closed' },
  dispositionAction: {
    creditOnly: 'Credit only',
    credit: 'Credit',
    replaceCredit: 'Replace and credit',
    replaceScrap: 'Replace and scrap',
    returnToCustomer: 'Return to customer',
    scrap: 'Scrap',
    repairReturn: 'Repair and return'
  },
  stockLocation: { stock: 'Stock', quarantine: 'Quarantine', scrap: 'Scrap', atCustomer: 'At the customer' },
  periodCode: { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', halfYear: 'Half-year', year: 'Year' }
}
