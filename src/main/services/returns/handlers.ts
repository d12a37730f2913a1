import type { returnsContract } from '@shared/api/domains/returns'
import { crudHandlers, type ExportSourcesOf, type HandlersOf } from '../core/handlers'
import { returnPdf } from './documents'
import {
  getReturn,
  returnFigures,
  inspectionQueue,
  iterateInspectionQueue,
  iterateReturns,
  iterateStock,
  listReturns,
  returnableLines,
  scan,
  serialHistory,
  stockList
} from './read'
import { dispositionService, returnReasonGroupService, returnReasonService } from './setup'
import {
  cancelReturn,
  createFromInvoices,
  createFromOrder,
  createManual,
  dispose,
  registerArrival,
  shipBack,
  upFrontReplacement
} from './write'

type Slice = typeof returnsContract

export const returnsHandlers = {
  ...crudHandlers('returnReasonGroups', returnReasonGroupService),
  ...crudHandlers('returnReasons', returnReasonService),
  ...crudHandlers('dispositionCodes', dispositionService),
  'returns.list': listReturns,
  'returns.get': getReturn,
  'returns.figures': returnFigures,
  'returns.returnable': returnableLines,
  'returns.createFromInvoices': createFromInvoices,
  'returns.createFromOrder': createFromOrder,
  'returns.createManual': createManual,
  'returns.register': registerArrival,
  'returns.dispose': dispose,
  'returns.shipBack': shipBack,
  'returns.upFrontReplacement': upFrontReplacement,
  'returns.cancel': cancelReturn,
  'returns.scan': scan,
  'returnInspection.list': inspectionQueue,
  'returnStock.list': stockList,
  'returns.serialHistory': serialHistory,
  'returns.pdf': returnPdf
} satisfies HandlersOf<Slice>

export const returnsExports = {
  'returnReasonGroups.list': returnReasonGroupService.iterate,
  'returnReasons.list': returnReasonService.iterate,
  'dispositionCodes.list': dispositionService.iterate,
  'returns.list': (ctx, i) => iterateReturns(ctx, i),
  'returnInspection.list': (ctx, i) => iterateInspectionQueue(ctx, i),
  'returnStock.list': (ctx, i) => iterateStock(ctx, i)
} satisfies ExportSourcesOf<Slice>
