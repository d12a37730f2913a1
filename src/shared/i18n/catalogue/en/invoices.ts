/** Invoices and credit notes on screen. */
export const invoices = {}
