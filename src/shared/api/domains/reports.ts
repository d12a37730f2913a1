import { listInput, pageOf } from '../common'
import { method } from '../define'
import { pdfFile } from '../../domain/orders'
import {
  marginInput,
  marginRow,
  progressInput,
  progressRow,
  scheduleInput,
  scheduleRow,
  utilisationInput,
  utilisationRow
} from '../../domain/reports'

/** The manager's reports (docs/adr/0028-reports.md): list methods, so that each exports to CSV like every list, and a PDF each. */
export const reportsContract = {
  'marginReport.list': method(listInput(marginInput.shape), pageOf(marginRow), 'reports.read'),
  'reports.marginPdf': method(marginInput, pdfFile, 'reports.read'),
  'progressReport.list': method(listInput(progressInput.shape), pageOf(progressRow), 'reports.read'),
  'reports.progressPdf': method(progressInput, pdfFile, 'reports.read'),
  'utilisationReport.list': method(listInput(utilisationInput.shape), pageOf(utilisationRow), 'reports.read'),
  'reports.utilisationPdf': method(utilisationInput, pdfFile, 'reports.read'),
  'scheduleReport.list': method(listInput(scheduleInput.shape), pageOf(scheduleRow), 'reports.read'),
  /** The schedule to send: in the customer's language when it is one customer's. */
  'reports.schedulePdf': method(scheduleInput, pdfFile, 'reports.read')
}
