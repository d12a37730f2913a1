/** The manager's reports: margin, progress and utilisation, on screen and on paper (ADR 0028). */
export const reports = {
  title: 'Reports',
  from: 'From',
  to: 'To',
  groupBy: 'Group by',
  customer: 'Customer',
  anyCustomer: 'All customers',
  team: 'Team',
  anyTeam: 'All teams',
  pdf: 'PDF',
  empty: 'Nothing in this period.',
  bothDates: 'Give both dates of the period.',
  fromAfterTo: 'The period ends before it starts.',
  firstOf: 'The first {{shown}} of {{total}} rows; the CSV file has them all.',
  kinds: { margin: 'Margin', progress: 'Progress', utilisation: 'Utilisation', schedule: 'Customer schedule' },
  margin: {
    title: 'Service order margin',
    group: { order: 'Service order', customer: 'Customer', task: 'Task' },
    by: { order: 'By service order', customer: 'By customer', task: 'By task' },
    noTask: 'No task',
    orders: 'Orders',
    revenue: 'Revenue',
    cost: 'Cost',
    margin: 'Margin',
    marginShare: 'Margin %',
    costMissing: '{{count}} lines have no cost price; they count at zero cost.',
    explain:
      'Orders whose work ended (else is planned to end) in the period; cancelled orders and lines left out. Revenue: quantity × unit price. Cost: quantity × the line’s cost price, else the item’s or category’s cost price today.'
  },
  progress: {
    title: 'Service order progress',
    group: { order: 'Service order', stage: 'Stage' },
    by: { order: 'By service order', stage: 'By stage' },
    order: 'Service order',
    orders: 'Orders',
    stage: 'Stage',
    stays: 'Times entered',
    total: 'Total time',
    average: 'Average time',
    reasons: 'Reason codes',
    explain:
      'Orders made in the period. A stage’s time runs from entering it until the next stage change, or until now while the order is still there; reason codes are those given on entering the stage.'
  },
  utilisation: {
    title: 'Technician utilisation',
    perWeek: 'Per ISO week',
    technician: 'Technician',
    week: 'Week',
    weekStart: 'From',
    available: 'Available h',
    booked: 'Booked h',
    share: 'Utilisation',
    explain:
      'Available: the technician’s working hours (their own, else the company’s) less public holidays. Booked: the time of their cards on the dispatch board within the week.'
  },
  schedule: {
    title: 'Service schedule',
    visits: 'Visits',
    date: 'Date',
    time: 'Time',
    what: 'Work',
    where: 'Address',
    reference: 'Reference',
    dayToBeAgreed: 'time to be agreed',
    explain:
      'Service orders planned in the period, and the visits the service agreements will make in it (their day; the time is agreed before the visit).'
  }
}
