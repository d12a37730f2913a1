import { z } from 'zod'
import { crud } from '../crud'
import { id } from '../../domain/primitives'
import {
  categoryInput,
  categoryRow,
  customerGroupInput,
  customerGroupRow,
  customerInput,
  customerListRow,
  customerRow,
  dispatchTeamInput,
  dispatchTeamRow,
  itemInput,
  itemRow,
  LINE_CATEGORY_TYPES,
  numberSequenceInput,
  numberSequenceRow,
  serviceObjectGroupInput,
  serviceObjectGroupRow,
  serviceObjectInput,
  serviceObjectRow,
  serviceTaskInput,
  serviceTaskRow,
  skillInput,
  skillRow,
  WORKER_ROLES,
  workerInput,
  workerRow
} from '../../domain/masterdata'

const optionalId = id.nullable().default(null)
const activeFilter = z.boolean().nullable().default(null)

export const masterdataContract = {
  ...crud('customerGroups', {
    row: customerGroupRow,
    create: customerGroupInput,
    filters: {},
    read: 'masterdata.read',
    write: 'catalog.write'
  }),
  ...crud('customers', {
    row: customerRow,
    listRow: customerListRow,
    create: customerInput,
    filters: { groupId: optionalId, active: activeFilter },
    read: 'masterdata.read',
    write: 'customers.write'
  }),
  ...crud('dispatchTeams', {
    row: dispatchTeamRow,
    create: dispatchTeamInput,
    filters: {},
    read: 'masterdata.read',
    write: 'resources.write'
  }),
  ...crud('skills', { row: skillRow, create: skillInput, filters: {}, read: 'masterdata.read', write: 'resources.write' }),
  ...crud('workers', {
    row: workerRow,
    create: workerInput,
    filters: { teamId: optionalId, role: z.enum(WORKER_ROLES).nullable().default(null), active: activeFilter },
    read: 'masterdata.read',
    write: 'resources.write'
  }),
  ...crud('items', {
    row: itemRow,
    create: itemInput,
    filters: { active: activeFilter },
    read: 'masterdata.read',
    write: 'catalog.write'
  }),
  ...crud('categories', {
    row: categoryRow,
    create: categoryInput,
    filters: { type: z.enum(LINE_CATEGORY_TYPES).nullable().default(null) },
    read: 'masterdata.read',
    write: 'catalog.write'
  }),
  ...crud('serviceObjectGroups', {
    row: serviceObjectGroupRow,
    create: serviceObjectGroupInput,
    filters: {},
    read: 'masterdata.read',
    write: 'catalog.write'
  }),
  ...crud('serviceObjects', {
    row: serviceObjectRow,
    create: serviceObjectInput,
    filters: { customerId: optionalId, siteId: optionalId, groupId: optionalId, parentId: optionalId, active: activeFilter },
    read: 'masterdata.read',
    write: 'serviceObjects.write'
  }),
  ...crud('serviceTasks', {
    row: serviceTaskRow,
    create: serviceTaskInput,
    filters: {},
    read: 'masterdata.read',
    write: 'catalog.write'
  }),
  ...crud('numberSequences', {
    row: numberSequenceRow,
    create: numberSequenceInput,
    filters: {},
    read: 'masterdata.read',
    write: 'numberSequences.write'
  })
}
