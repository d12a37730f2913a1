import type { ParsedInput } from '@shared/api/contract'
import type { ServiceContext } from '../core/context'
import { AppError } from '../core/errors'

// Filled in by the documents work (pdfmake); until then the methods answer a clear error.
export async function orderPdf(_ctx: ServiceContext, _i: ParsedInput<'serviceOrders.pdf'>): Promise<{ fileName: string; contentBase64: string }> {
  throw new AppError('INTERNAL', 'PDF documents are not available yet.')
}

export async function invoicePdf(_ctx: ServiceContext, _i: { id: number }): Promise<{ fileName: string; contentBase64: string }> {
  throw new AppError('INTERNAL', 'PDF documents are not available yet.')
}
