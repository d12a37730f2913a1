import type { reportsContract } from '@shared/api/domains/reports'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { marginPdf, progressPdf, schedulePdf, utilisationPdf } from './document'
import { iterateMargin, listMargin } from './margin'
import { iterateProgress, listProgress } from './progress'
import { iterateSchedule, listSchedule } from './schedule'
import { iterateUtilisation, listUtilisation } from './utilisation'

type Slice = typeof reportsContract

export const reportsHandlers = {
  'marginReport.list': listMargin,
  'reports.marginPdf': marginPdf,
  'progressReport.list': listProgress,
  'reports.progressPdf': progressPdf,
  'utilisationReport.list': listUtilisation,
  'reports.utilisationPdf': utilisationPdf,
  'scheduleReport.list': listSchedule,
  'reports.schedulePdf': schedulePdf
} satisfies HandlersOf<Slice>

export const reportsExports = {
  'marginReport.list': iterateMargin,
  'progressReport.list': iterateProgress,
  'utilisationReport.list': iterateUtilisation,
  'scheduleReport.list': iterateSchedule
} satisfies ExportSourcesOf<Slice>
