import type { einvoice as en } from '../en/einvoice'
import type { Shape } from '../shape'

export const einvoice: Shape<typeof en> = {
  download: 'Laadi alla e-arve',
  downloadHint: 'EN 16931 XML (Peppol BIS Billing 3.0) ostja raamatupidamistarkvarale või e-arve operaatorile',
  lineOrder: 'Hooldustellimus {{number}}',
  paymentTerms: 'Tasuda {{days}} päeva jooksul, hiljemalt {{date}}',
  creditTerms: 'Krediteerib arvet {{number}} ({{date}}) ja tasaarveldatakse sellega',
  reverseCharge: 'Pöördmaksustamine: käibemaksu tasub ostja (direktiiv 2006/112/EÜ art 196)',
  exempt: 'Käibemaksuvaba'
}
