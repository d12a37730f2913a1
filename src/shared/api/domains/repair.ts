import { z } from 'zod'
import { crud } from '../crud'
import { idInput, listInput, pageOf } from '../common'
import { id, isoDate, requiredText, version } from '../../domain/primitives'
import { pdfFile, quantity } from '../../domain/orders'
import { method } from '../define'
import {
  bomTemplateDetail,
  bomTemplateInput,
  bomTemplateRow,
  changeCause,
  REPAIR_CODE_KINDS,
  repairCodeInput,
  repairCodeRow,
  repairLineInput,
  repairAnalysis,
  repairAnalysisInput,
  repairLineRow,
  repairSettingsInput,
  repairSettingsRow,
  repairSuggestions,
  serialText,
  structureDiffRow,
  structureRow,
  structureVersionRow
} from '../../domain/repair'

const optionalId = id.nullable().default(null)
const versioned = { id, version }
const objectInput = z.object({ serviceObjectId: id })

export const repairContract = {
  ...crud('repairCodes', {
    row: repairCodeRow,
    create: repairCodeInput,
    filters: {
      kind: z.enum(REPAIR_CODE_KINDS).nullable().default(null),
      areaId: optionalId,
      /** Codes usable on objects of this group: the group's own and the unrestricted ones. */
      objectGroupId: optionalId
    },
    read: 'orders.read',
    write: 'catalog.write'
  }),
  'repairSettings.get': method(z.object({}), repairSettingsRow, 'orders.read'),
  'repairSettings.update': method(repairSettingsInput.extend({ version }), repairSettingsRow, 'settings.write'),

  'repairLines.forOrder': method(z.object({ orderId: id }), z.array(repairLineRow), 'orders.read'),
  'repairLines.add': method(repairLineInput.extend({ orderId: id }), repairLineRow, 'orders.register'),
  'repairLines.update': method(repairLineInput.extend(versioned), repairLineRow, 'orders.register'),
  'repairLines.delete': method(z.object(versioned), z.object({ id }), 'orders.register'),
  /** Repair history: per object, per technician, or (repeatsOnly) the repeat failures for the manager. */
  'repairLines.list': method(
    listInput({
      serviceObjectId: optionalId,
      workerId: optionalId,
      repeatsOnly: z.boolean().default(false),
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null)
    }),
    pageOf(repairLineRow),
    'orders.read'
  ),
  /** An object's repair history as a PDF in its customer's language (a technician's: their own repairs). */
  'repairLines.historyPdf': method(z.object({ serviceObjectId: id }), pdfFile, 'orders.read'),
  /** A technician's repairs entered in a period as a PDF in the reader's language (a technician: their own). */
  'repairLines.technicianPdf': method(z.object({ workerId: id, from: isoDate, to: isoDate }), pdfFile, 'orders.read'),
  'repairLines.suggest': method(
    z.object({ serviceObjectId: id, symptomCodeId: id, orderId: optionalId }),
    repairSuggestions,
    'orders.read'
  ),
  /** Pareto of symptoms and resolutions and MTBF per item model and per object, over a period. */
  'repairAnalysis.get': method(repairAnalysisInput, repairAnalysis, 'orders.write'),

  'bomTemplates.list': method(listInput({ itemId: optionalId }), pageOf(bomTemplateRow), 'masterdata.read'),
  'bomTemplates.get': method(idInput, bomTemplateDetail, 'masterdata.read'),
  'bomTemplates.create': method(bomTemplateInput, bomTemplateDetail, 'catalog.write'),
  'bomTemplates.update': method(bomTemplateInput.extend(versioned), bomTemplateDetail, 'catalog.write'),
  'bomTemplates.delete': method(z.object(versioned), z.object({ id }), 'catalog.write'),
  /** A new template copied from another template or from a service object's current structure. */
  'bomTemplates.copy': method(
    z.object({ number: requiredText(30), name: requiredText(100), fromTemplateId: optionalId, fromObjectId: optionalId }),
    bomTemplateDetail,
    'catalog.write'
  ),

  'structures.get': method(objectInput.extend({ asOf: isoDate.nullable().default(null) }), structureRow, 'masterdata.read'),
  'structures.history': method(objectInput, z.array(structureVersionRow), 'masterdata.read'),
  'structures.diff': method(objectInput.extend({ from: isoDate, to: isoDate }), z.array(structureDiffRow), 'masterdata.read'),
  'structures.attach': method(objectInput.extend({ templateId: id }), structureRow, 'serviceObjects.write'),
  'structures.add': method(
    objectInput.extend({
      parentId: optionalId,
      itemId: id,
      quantity: quantity.default(1000),
      position: z.string().trim().max(30).default(''),
      serial: serialText,
      ...changeCause
    }),
    structureRow,
    'orders.register'
  ),
  'structures.remove': method(z.object({ ...versioned, ...changeCause }), structureRow, 'orders.register'),
  /**
   * Replaces a component (new item and/or serial). With `orderLine`, the part (and labour, if a category is
   * given) is added to the cause order so it is invoiced.
   */
  'structures.replace': method(
    z.object({
      ...versioned,
      itemId: id,
      serial: serialText,
      ...changeCause,
      orderLine: z.boolean().default(false),
      labourCategoryId: optionalId,
      labourQuantity: quantity.default(0)
    }),
    structureRow,
    'orders.register'
  ),
  'structures.setSerial': method(z.object({ ...versioned, serial: serialText, ...changeCause }), structureRow, 'orders.register'),
  /** The whole structure (and the template link) to another object without one; versions on both objects. */
  'structures.transfer': method(
    objectInput.extend({ toObjectId: id, note: z.string().trim().max(500).default('') }),
    structureRow,
    'serviceObjects.write'
  ),
  'structures.move': method(z.object({ ...versioned, parentId: optionalId, ...changeCause }), structureRow, 'serviceObjects.write')
}
