import { z } from 'zod'
import { crud } from '../crud'
import { idInput, listInput, pageOf } from '../common'
import { id, isoDate, version } from '../../domain/primitives'
import { method } from '../define'
import {
  agreementGroupInput,
  agreementGroupRow,
  agreementHeaderInput,
  agreementLineInput,
  agreementListRow,
  agreementRow,
  generationInput,
  generationRun,
  intervalInput,
  intervalRow,
  previewResult,
  templateGroupInput,
  templateGroupRow,
  timeWindowInput,
  timeWindowRow
} from '../../domain/agreements'

const optionalId = id.nullable().default(null)
const versioned = { id, version }

export const AGREEMENT_STATUSES = ['active', 'suspended', 'template', 'ended'] as const

export const agreementsContract = {
  ...crud('agreementGroups', {
    row: agreementGroupRow,
    create: agreementGroupInput,
    filters: {},
    read: 'masterdata.read',
    write: 'agreements.configure'
  }),
  ...crud('serviceIntervals', {
    row: intervalRow,
    create: intervalInput,
    filters: {},
    read: 'masterdata.read',
    write: 'agreements.configure'
  }),
  ...crud('timeWindows', {
    row: timeWindowRow,
    create: timeWindowInput,
    filters: {},
    read: 'masterdata.read',
    write: 'agreements.configure'
  }),
  ...crud('templateGroups', {
    row: templateGroupRow,
    create: templateGroupInput,
    filters: {},
    read: 'masterdata.read',
    write: 'agreements.configure'
  }),

  'agreements.list': method(
    listInput({
      customerId: optionalId,
      groupId: optionalId,
      status: z.enum(AGREEMENT_STATUSES).nullable().default(null),
      /** Agreements in force on this date (start ≤ date ≤ end). */
      activeOn: isoDate.nullable().default(null)
    }),
    pageOf(agreementListRow),
    'masterdata.read'
  ),
  'agreements.get': method(idInput, agreementRow, 'masterdata.read'),
  'agreements.create': method(agreementHeaderInput, agreementRow, 'agreements.write'),
  'agreements.update': method(agreementHeaderInput.safeExtend(versioned), agreementRow, 'agreements.write'),
  'agreements.delete': method(z.object(versioned), z.object({ id }), 'agreements.write'),
  'agreements.addLine': method(agreementLineInput.safeExtend({ agreementId: id }), agreementRow, 'agreements.write'),
  'agreements.updateLine': method(agreementLineInput.safeExtend(versioned), agreementRow, 'agreements.write'),
  'agreements.deleteLine': method(z.object(versioned), agreementRow, 'agreements.write'),
  'agreements.copyLines': method(
    z.object({ id, fromAgreementId: id, withRelations: z.boolean().default(true) }),
    agreementRow,
    'agreements.write'
  ),
  /** What generating would create, without creating anything. */
  'agreements.preview': method(
    generationInput.safeExtend({ maxVisits: z.number().int().min(0).max(5000).default(1000) }),
    previewResult,
    'masterdata.read'
  ),
  /** Starts the generator as a background job; poll agreements.run for progress. */
  'agreements.generate': method(generationInput, generationRun, 'agreements.generate'),
  'agreements.run': method(idInput, generationRun, 'agreements.generate'),
  'agreements.cancelRun': method(idInput, generationRun, 'agreements.generate')
}
