import { z } from 'zod'
import { idInput, listInput, pageOf } from '../common'
import { id, requiredText, searchText, text, version } from '../../domain/primitives'
import { method } from '../define'
import {
  auditEntry,
  authStatus,
  preferencesInput,
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
import { savedView, viewFilters } from '../../domain/orders'

export const systemContract = {
  'auth.status': method(z.object({}), authStatus, 'public'),
  'auth.setup': method(setupInput, sessionUser, 'public'),
  'auth.signIn': method(signInInput, sessionUser, 'public'),
  'auth.signOut': method(z.object({}), z.object({}), 'authenticated'),
  'auth.setPreferences': method(preferencesInput, sessionUser, 'authenticated'),

  'users.list': method(listInput({ role: z.enum(ROLES).nullable().default(null) }), pageOf(userRow), 'users.manage'),
  'users.get': method(idInput, userRow, 'users.manage'),
  'users.create': method(userInput, userRow, 'users.manage'),
  'users.update': method(userInput.extend({ id, version }), userRow, 'users.manage'),

  'settings.get': method(z.object({}), settingsRow, 'authenticated'),
  'settings.update': method(settingsInput.safeExtend({ version }), settingsRow, 'settings.write'),

  'audit.forRecord': method(z.object({ entity: text().min(1).max(50), entityId: z.number().int() }), z.array(auditEntry), 'audit.read'),

  'search.global': method(z.object({ q: searchText(100) }), z.array(searchHit), 'masterdata.read'),

  /** Named filter sets of any list, per user (the saved-views menu of every list page). */
  'savedViews.list': method(z.object({ list: text().min(1).max(60) }), z.array(savedView), 'authenticated'),
  'savedViews.save': method(
    z.object({ list: text().min(1).max(60), name: requiredText(60), filters: viewFilters }),
    savedView,
    'authenticated'
  ),
  'savedViews.delete': method(idInput, z.object({ id }), 'authenticated'),

  /** The columns a user chose for a list or grid (its column chooser); null = the list's default set. */
  'listColumns.get': method(z.object({ list: text().min(1).max(60) }), z.array(z.string()).nullable(), 'authenticated'),
  'listColumns.save': method(
    z.object({ list: text().min(1).max(60), columns: z.array(text().min(1).max(60)).max(60) }),
    z.array(z.string()),
    'authenticated'
  ),

  /** A one-time ticket (about a minute) for one CSV download of a list the caller may read (browser mode). */
  'exports.ticket': method(
    z.object({ list: text().min(1).max(60), input: z.record(text().max(100), z.unknown()).default({}) }),
    z.object({ ticket: z.string(), expiresAt: z.number() }),
    'authenticated'
  )
}
