/** Invoices and credit notes on screen. */
export const invoices = {
  title: 'Invoices',
  /** The CSV file's name. */
  exportName: 'invoices',
  invoice: 'Invoice',
  creditNote: 'Credit note',
  cannotOpen: 'Cannot open this invoice',
  credits: 'credits',
  creditedBy: 'credited by',
  downloadPdf: 'Download PDF',
  createCreditNote: 'Create credit note',
  list: {
    searchPlaceholder: 'Number or customer',
    anyCustomer: 'Any customer',
    customerFilter: 'Customer filter',
    anyKind: 'Any kind',
    kindFilter: 'Kind filter',
    invoices: 'Invoices',
    creditNotes: 'Credit notes',
    number: 'No.',
    kind: 'Kind',
    customer: 'Customer',
    date: 'Date',
    due: 'Due',
    net: 'Net',
    vat: 'VAT',
    gross: 'Gross',
    credit: 'Credit',
    creditedBy: 'credited by {{number}}',
    credits: 'credits {{number}}'
  },
  parties: {
    seller: 'Seller',
    buyer: 'Buyer',
    regNo: 'Reg. no. {{number}}',
    vatNo: 'VAT no. {{number}}',
    date: 'Date',
    due: 'Due',
    currency: 'Currency',
    order: 'Order',
    orders: 'Orders'
  },
  lines: {
    order: 'Order',
    type: 'Type',
    description: 'Description',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    net: 'Net',
    vat: 'VAT',
    vatAmount: 'VAT amount',
    netTotal: 'Net total',
    vatOf: 'VAT {{rate}} of {{net}}',
    totalToPay: 'Total to pay',
    totalCredited: 'Total credited'
  },
  credit: {
    title: 'Credit {{number}}?',
    created: 'Credit note {{number}} created',
    message_one:
      'A credit note reverses the whole of {{number}}: {{count}} line, {{gross}} with VAT, to {{customer}}. The order lines ({{orders}}) become invoiceable again, to be corrected and invoiced anew. The invoice itself stays on record.',
    message_other:
      'A credit note reverses the whole of {{number}}: {{count}} lines, {{gross}} with VAT, to {{customer}}. The order lines ({{orders}}) become invoiceable again, to be corrected and invoiced anew. The invoice itself stays on record.',
    date: 'Credit note date',
    chooseDate: 'Choose the date',
    keep: 'Keep the invoice',
    create: 'Create credit note'
  }
}
