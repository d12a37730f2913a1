import type { reportsContract } from '@shared/api/domains/reports'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { marginPdf, progressPdf, utilisationPdf } from './document'
import { iterateMargin, listMargin } from './margin'
import { iterateProgress, listProgress } from './progress'
import { iterateUtilisation, listUtilisation } from './utilisation'

type Slice = typeof reportsContract

export const reportsHandlers = {
  'marginReport.list': listMargin,
  'reports.marginPdf': marginPdf,
  'progressReport.list': listProgress,
  'reports.progressPdf': progressPdf,
  'utilisationReport.list': listUtilisation,
  'reports.utilisationPdf': utilisationPdf
} satisfies HandlersOf<Slice>

export const reportsExports = {
  'marginReport.list': iterateMargin,
  'progressReport.list': iterateProgress,
  'utilisationReport.list': iterateUtilisation
} satisfies ExportSourcesOf<Slice>
