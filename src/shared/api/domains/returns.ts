import { z } from 'zod'
import { idInput, listInput, pageOf } from '../common'
import { crud } from '../crud'
import { method } from '../define'
import { id } from '../../domain/primitives'
import { pdfFile } from '../../domain/orders'
import {
  createFromInvoicesInput,
  createFromOrderInput,
  createManualInput,
  dispositionInput,
  dispositionRow,
  disposeInput,
  inspectionRow,
  registerArrivalInput,
  returnableLine,
  returnFigures,
  returnListFilters,
  returnListRow,
  returnReasonGroupInput,
  returnReasonGroupRow,
  returnReasonInput,
  returnReasonRow,
  returnRow,
  returnVersionInput,
  scanInput,
  scanResult,
  serialHistoryRow,
  shipBackInput,
  STOCK_LOCATIONS,
  stockRow,
  upFrontInput
} from '../../domain/returns'

const setup = { filters: {}, read: 'returns.read', write: 'returns.configure' } as const

export const returnsContract = {
  ...crud('returnReasonGroups', { row: returnReasonGroupRow, create: returnReasonGroupInput, ...setup }),
  ...crud('returnReasons', { row: returnReasonRow, create: returnReasonInput, ...setup }),
  ...crud('dispositionCodes', { row: dispositionRow, create: dispositionInput, ...setup }),
  'returns.list': method(listInput(returnListFilters), pageOf(returnListRow), 'returns.read'),
  'returns.get': method(idInput, returnRow, 'returns.read'),
  'returns.figures': method(z.object({}), returnFigures, 'returns.read'),
  /** "Find invoice": the customer's invoice lines with what may still be returned of each. */
  'returns.returnable': method(z.object({ customerId: id }), z.array(returnableLine), 'returns.write'),
  'returns.createFromInvoices': method(createFromInvoicesInput, returnRow, 'returns.write'),
  /** A technician brings a part back from their own order (checked in the service). */
  'returns.createFromOrder': method(createFromOrderInput, returnRow, 'orders.register'),
  'returns.createManual': method(createManualInput, returnRow, 'returns.write'),
  'returns.register': method(registerArrivalInput, returnRow, 'returns.write'),
  /** Dispositions that credit money also need returns.credit (checked in the service, it depends on the code). */
  'returns.dispose': method(disposeInput, returnRow, 'returns.write'),
  'returns.shipBack': method(shipBackInput, returnRow, 'returns.write'),
  'returns.upFrontReplacement': method(upFrontInput, returnRow, 'returns.write'),
  'returns.cancel': method(returnVersionInput, returnRow, 'returns.write'),
  'returns.scan': method(scanInput, scanResult, 'returns.write'),
  'returnInspection.list': method(listInput({}), pageOf(inspectionRow), 'returns.read'),
  'returnStock.list': method(listInput({ location: z.enum(STOCK_LOCATIONS).nullable().default(null) }), pageOf(stockRow), 'returns.read'),
  'returns.serialHistory': method(z.object({ serviceObjectId: id }), z.array(serialHistoryRow), 'returns.read'),
  /** The RMA document (with the barcode for the parcel) or the return acknowledgement, in the customer's language. */
  'returns.pdf': method(z.object({ id, document: z.enum(['rma', 'acknowledgement']) }), pdfFile, 'returns.read')
}
