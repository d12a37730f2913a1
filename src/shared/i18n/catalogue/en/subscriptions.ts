/** Service subscriptions: setup, subscriptions, fees, invoicing, recognition, revenue. */
export const subscriptions = {
  /** Invoice line text per fee kind, in the customer's language. */
  invoiceLine: {
    regular: '{{number}} {{name}}, {{from}} – {{to}}',
    nonRegular: '{{number}} {{name}}, part period {{from}} – {{to}}',
    reductionDays: '{{number}} {{name}}, days removed {{from}} – {{to}}',
    priceReduction: '{{number}} {{name}}, price reduction {{from}} – {{to}}'
  }
}
