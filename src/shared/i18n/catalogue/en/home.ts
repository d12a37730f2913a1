/** Role home pages (docs/adr/0027). */
export const home = {
  dispatcher: {
    title: 'Today',
    board: 'Today’s board',
    planned: 'Planned',
    dispatched: 'Dispatched',
    done: 'Done',
    unassigned: 'Unassigned',
    unassignedHint: 'Open work with nobody named and nothing planned (the board’s Unassigned tab)',
    slaAtRisk: 'SLAs at risk',
    slaAtRiskHint: 'Breached, or due today or within the at-risk threshold',
    conflicts: 'Conflicts',
    conflictsHint: 'Cards on today’s board with a conflict',
    unplanned: 'Unplanned by priority',
    unplannedHint: 'Open orders that need a visit and have none planned',
    chart: 'Unplanned orders by priority'
  },
  manager: {
    title: 'Overview',
    openByStage: 'Open orders by stage',
    openByStageChart: 'Open orders by stage, bar chart',
    noOpenOrders: 'No open orders',
    compliance: 'SLA compliance',
    complianceHint: 'Targets met on time, of those decided, for clocks started in the month',
    complianceOf: '{{met}} of {{total}} targets',
    firstTimeFix: 'First-time fix',
    firstTimeFixHint: 'Orders posted {{from}} – {{to}} without another order on the same object within {{days}} days',
    firstTimeFixOf: '{{fixed}} of {{closed}} orders',
    utilisation: 'Technician utilisation',
    utilisationHint: 'Hours booked on the board of the technicians’ working hours, holidays off',
    utilisationOf: '{{booked}} of {{available}} h',
    revenue: 'Revenue by month',
    revenueChart: 'Net invoiced by month, bar chart',
    serviceOrders: 'Service orders',
    subscriptions: 'Subscriptions',
    other: 'Other',
    returnsOpen: 'Open returns',
    returnsOpenHint: 'Return orders not yet closed or cancelled',
    none: '—'
  }
}
