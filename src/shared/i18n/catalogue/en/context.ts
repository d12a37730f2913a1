/** Records with their context: the customer, service object and order pages' related lists (docs/adr/0019). */
export const context = {
  customer: {
    ordersTab: 'Orders',
    agreementsTab: 'Agreements',
    slaTab: 'SLA',
    openBalance: 'Open balance {{amount}}',
    overdueBalance: '{{amount}} overdue',
    defaultSla: 'Default SLA',
    defaultSlaNone: 'None — orders without an agreement get no SLA clock',
    defaultSlaFrom: 'from customer group {{group}}',
    noGroup: 'The customer is in no group.',
    agreementSlas: 'Agreements in force and their SLA',
    compliance: 'Compliance, last 12 months',
    exportOrders: 'orders-{{number}}',
    exportAgreements: 'agreements-{{number}}',
    exportCompliance: 'sla-{{number}}'
  },
  object: {
    historyTab: 'Service history',
    lastVisit: 'Last visit',
    nextVisit: 'Next planned visit',
    none: 'none',
    orders: 'Orders',
    ordersCount: '{{count}} in all, {{open}} open',
    coveredBy: 'Agreement',
    notCovered: 'none in force',
    warranty: 'Warranty',
    search: 'Search orders and lines',
    exportName: 'history-{{number}}',
    col: {
      date: 'Date',
      order: 'Order',
      stage: 'Stage',
      type: 'Type',
      line: 'Work and parts',
      quantity: 'Qty',
      worker: 'Technician',
      lineDate: 'Done / planned'
    },
    noLines: 'no lines on this object yet'
  },
  order: {
    otherOpen: 'Other open orders on these objects',
    otherOpenCustomer: 'Other open orders of the customer',
    noneOpen: 'No other open orders.'
  }
}
