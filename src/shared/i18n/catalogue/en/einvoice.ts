/** E-invoices (EN 16931, UBL): the texts an e-invoice carries. */
export const einvoice = {
  lineOrder: 'Service order {{number}}',
  paymentTerms: 'Payment within {{days}} days, by {{date}}',
  creditTerms: 'Credits invoice {{number}} of {{date}} and is settled against it',
  reverseCharge: 'Reverse charge: the buyer accounts for the VAT (VAT Directive 2006/112/EC, art. 196)',
  exempt: 'Exempt from VAT'
}
