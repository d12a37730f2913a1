import type { subscriptionsContract } from '@shared/api/domains/subscriptions'
import { crudHandlers, type ExportSourcesOf, type HandlersOf } from '../core/handlers'
import { creditFee, groupUpdate, invoiceFees, reduceDays, reducePrice, reverseRecognition } from './billing'
import { cancelFeeRun, getFeeRun, previewFees, startFeeGeneration } from './generate'
import { listFees, listSchedule, subscriptionService } from './records'
import { listRevenueRows, revenueReport, revenueRows } from './revenue'
import { revenuePdf } from './revenueDocument'
import { getParameters, setParameters, subscriptionGroupService, subscriptionPriceService } from './setup'

type Slice = typeof subscriptionsContract

export const subscriptionsHandlers = {
  ...crudHandlers('subscriptionGroups', subscriptionGroupService),
  ...crudHandlers('subscriptionPrices', subscriptionPriceService),
  ...crudHandlers('subscriptions', subscriptionService),
  'subscriptions.fees': listFees,
  'subscriptions.schedule': listSchedule,
  'subscriptions.preview': previewFees,
  'subscriptions.generate': startFeeGeneration,
  'subscriptions.run': getFeeRun,
  'subscriptions.cancelRun': cancelFeeRun,
  'subscriptions.reduceDays': reduceDays,
  'subscriptions.reducePrice': reducePrice,
  'subscriptions.groupUpdate': groupUpdate,
  'subscriptions.invoice': invoiceFees,
  'subscriptions.credit': creditFee,
  'subscriptions.reverseRecognition': reverseRecognition,
  'subscriptions.revenue': revenueReport,
  'subscriptions.revenuePdf': revenuePdf,
  'subscriptionRevenue.list': listRevenueRows,
  'subscriptions.parameters': getParameters,
  'subscriptions.setParameters': setParameters
} satisfies HandlersOf<Slice>

export const subscriptionsExports = {
  'subscriptionGroups.list': subscriptionGroupService.iterate,
  'subscriptionPrices.list': subscriptionPriceService.iterate,
  'subscriptions.list': subscriptionService.iterate,
  'subscriptionRevenue.list': revenueRows
} satisfies ExportSourcesOf<Slice>
