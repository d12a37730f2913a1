/** Bank statements (camt.053) and the incoming payments matched to invoices. */
export const bank = {
  title: 'Bank statements',
  /** The CSV file's name. */
  exportName: 'bank-statements',
  import: 'Import statement',
  importedNote: 'New payments: {{fresh}} · imported before: {{known}} · other entries: {{other}}',
  nothingNew: 'Nothing new: every payment in this file was imported before ({{known}}).',
  list: {
    searchPlaceholder: 'Statement, account or file',
    importedAt: 'Imported',
    statement: 'Statement',
    account: 'Account',
    file: 'File',
    importedBy: 'Imported by',
    entries: 'Payments',
    toReview: 'To review',
    confirmed: 'Confirmed',
    total: 'Received'
  },
  statement: {
    cannotOpen: 'Cannot open this statement',
    imported: 'imported {{at}} by {{name}}',
    all: 'All',
    date: 'Date',
    payer: 'Payer',
    details: 'Reference and explanation',
    reference: 'Ref. {{reference}}',
    amount: 'Amount',
    status: 'Status',
    invoice: 'Invoice',
    chooseInvoice: 'Choose an invoice',
    invoiceOption: '{{number}} · {{customer}} · open {{open}}',
    selectAll: 'Select all payments shown',
    selectEntry: 'Select the payment of {{payer}}',
    confirmSelected: 'Confirm selected ({{count}})',
    ignoreSelected: 'Ignore selected',
    needInvoice: 'Choose an invoice for every selected payment to confirm them.',
    confirmedNote: 'Payments confirmed: {{count}}',
    ignoredNote: 'Payments ignored: {{count}}',
    noEntries: 'No payments here.'
  },
  status: {
    matched: 'Matched',
    ambiguous: 'Ambiguous',
    unmatched: 'Unmatched',
    confirmed: 'Confirmed',
    ignored: 'Ignored'
  },
  matchedBy: {
    reference: 'by reference number',
    invoiceNumber: 'by invoice number',
    amountAndName: 'by amount and name'
  }
}
