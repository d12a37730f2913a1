import type { repairContract } from '@shared/api/domains/repair'
import { crudHandlers, type ExportSourcesOf, type HandlersOf } from '../core/handlers'
import { repairAnalysis } from './analysis'
import { repairHistoryPdf, technicianRepairPdf } from './documents'
import * as lines from './lines'
import { getRepairSettings, repairCodeService, updateRepairSettings } from './setup'
import * as structure from './structure'
import * as templates from './templates'

type Slice = typeof repairContract

/** Repair setup, repair lines on orders, BOM templates and the versioned structures of service objects. */
export const repairHandlers = {
  ...crudHandlers('repairCodes', repairCodeService),
  'repairSettings.get': getRepairSettings,
  'repairSettings.update': updateRepairSettings,
  'repairLines.forOrder': lines.repairLinesOf,
  'repairLines.add': lines.addRepairLine,
  'repairLines.update': lines.updateRepairLine,
  'repairLines.delete': lines.deleteRepairLine,
  'repairLines.list': lines.listRepairLines,
  'repairLines.historyPdf': repairHistoryPdf,
  'repairLines.technicianPdf': technicianRepairPdf,
  'repairLines.suggest': lines.suggestRepairs,
  'repairAnalysis.get': repairAnalysis,
  'bomTemplates.list': templates.listTemplates,
  'bomTemplates.get': templates.getTemplate,
  'bomTemplates.create': templates.createTemplate,
  'bomTemplates.update': templates.updateTemplate,
  'bomTemplates.delete': templates.deleteTemplate,
  'bomTemplates.copy': templates.copyTemplate,
  'structures.get': structure.getStructure,
  'structures.history': structure.structureHistory,
  'structures.diff': structure.structureDiff,
  'structures.attach': structure.attachTemplate,
  'structures.add': structure.addComponent,
  'structures.remove': structure.removeComponent,
  'structures.replace': structure.replaceComponent,
  'structures.setSerial': structure.setSerial,
  'structures.move': structure.moveComponent,
  'structures.transfer': structure.transferStructure
} satisfies HandlersOf<Slice>

export const repairExports = {
  'repairCodes.list': repairCodeService.iterate,
  'repairLines.list': lines.iterateRepairLines,
  'bomTemplates.list': templates.iterateTemplates
} satisfies ExportSourcesOf<Slice>
