import { z } from 'zod'
import { id, idInput, listInput, pageOf, searchText, text } from '../common'
import { mutation, query } from '../define'
import {
  auditEntry,
  authStatus,
  searchHit,
  sessionUser,
  settingsInput,
  settingsRow,
  setupInput,
  signInInput,
  userInput,
  userRow
} from '../../domain/system'
import { ROLES } from '../../auth/roles'
import { version } from '../common'

export const systemContract = {
  'auth.status': query(z.object({}), authStatus, 'public'),
  'auth.setup': mutation(setupInput, sessionUser, 'public'),
  'auth.signIn': mutation(signInInput, sessionUser, 'public'),
  'auth.signOut': mutation(z.object({}), z.object({}), 'authenticated'),

  'users.list': query(listInput({ role: z.enum(ROLES).nullable().default(null) }), pageOf(userRow), 'users.manage'),
  'users.get': query(idInput, userRow, 'users.manage'),
  'users.create': mutation(userInput, userRow, 'users.manage'),
  'users.update': mutation(userInput.extend({ id, version }), userRow, 'users.manage'),

  'settings.get': query(z.object({}), settingsRow, 'authenticated'),
  'settings.update': mutation(settingsInput.safeExtend({ version }), settingsRow, 'settings.write'),

  'audit.forRecord': query(
    z.object({ entity: text().min(1).max(50), entityId: z.number().int() }),
    z.array(auditEntry),
    'audit.read'
  ),

  'search.global': query(z.object({ q: searchText(100) }), z.array(searchHit), 'masterdata.read')
}
