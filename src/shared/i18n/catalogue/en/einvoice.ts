/** E-invoices (EN 16931, UBL): the download on the invoice page and the texts an e-invoice carries. */
export const einvoice = {
  download: 'Download e-invoice',
  downloadHint: 'EN 16931 XML (Peppol BIS Billing 3.0) for the buyer’s accounting software or e-invoice operator',
  lineOrder: 'Service order {{number}}',
  paymentTerms: 'Payment within {{days}} days, by {{date}}',
  creditTerms: 'Credits invoice {{number}} of {{date}} and is settled against it',
  reverseCharge: 'Reverse charge: the buyer accounts for the VAT (VAT Directive 2006/112/EC, art. 196)',
  exempt: 'Exempt from VAT'
}
