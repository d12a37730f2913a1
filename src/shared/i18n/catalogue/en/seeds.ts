/**
 * The names of the starter data a new company gets (workflow stages, reason codes, intervals, time
 * windows, number sequences, VAT rates), by code, in the language chosen at first start.
 */
export const seeds = {
  stages: {
    NEW: 'New',
    SCHEDULED: 'Scheduled',
    'ON-HOLD': 'On hold',
    'IN-PROGRESS': 'In progress',
    'WAIT-PARTS': 'Waiting for parts',
    COMPLETED: 'Completed',
    CLOSED: 'Closed'
  },
  stageReasons: {
    'CUST-AWAY': 'Customer not available',
    'NO-ACCESS': 'No access to the site',
    PARTS: 'Parts on order',
    'CUST-REQ': 'At the customer’s request',
    WEATHER: 'Weather or safety',
    DUPLICATE: 'Duplicate order'
  },
  slaReasons: {
    'CUST-UNAVAIL': 'Customer not available',
    PARTS: 'Waiting for parts',
    WEATHER: 'Weather or safety',
    WORKLOAD: 'No technician free in time',
    OTHER: 'Other (see the note)'
  },
  intervals: {
    WEEKLY: 'Every week',
    BIWEEKLY: 'Every 2 weeks',
    MONTHLY: 'Every month',
    QUARTERLY: 'Every 3 months',
    HALFYEAR: 'Every 6 months',
    YEARLY: 'Every year'
  },
  windows: { WEEK: 'Within the week', MONTH: 'Within the month', PM3: '± 3 days' },
  sequences: {
    customer: 'Customers',
    serviceObject: 'Service objects',
    worker: 'Workers',
    serviceOrder: 'Service orders',
    invoice: 'Invoices',
    creditNote: 'Credit notes',
    agreement: 'Service agreements',
    returnOrder: 'Return orders (RMA)',
    subscription: 'Subscriptions'
  },
  vatRates: { S: 'Standard 24 %', R13: 'Reduced 13 %', R9: 'Reduced 9 %', Z: 'Zero 0 %' },
  dispositionCodes: {
    'CREDIT-ONLY': 'Credit only',
    CREDIT: 'Credit, back to stock',
    'REPLACE-CREDIT': 'Replace and credit',
    'REPLACE-SCRAP': 'Replace and scrap',
    RETURN: 'Return to customer',
    SCRAP: 'Credit and scrap',
    REPAIR: 'Repair and return'
  },
  returnReasonGroups: { QUALITY: 'Quality' },
  returnReasons: { DEFECT: 'Defective', WRONG: 'Wrong item delivered' }
}
