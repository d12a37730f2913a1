/** Return management (RMA): screens and the return documents. */
export const returns = {
  document: {
    rmaTitle: 'Return authorisation (RMA)',
    ackTitle: 'Return acknowledgement',
    created: 'Created',
    deadline: 'Return by',
    reason: 'Reason',
    status: 'Status',
    customer: 'Customer',
    item: 'Item',
    serial: 'Serial number',
    quantity: 'Quantity',
    price: 'Return price',
    invoice: 'Invoice',
    outcome: 'Outcome',
    instructionsTitle: 'How to return',
    instructions: 'Pack the items listed above, put this page in the parcel and write {{number}} on the label. Send it by {{deadline}}.'
  }
}
