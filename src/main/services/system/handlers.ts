import type { systemContract } from '@shared/api/domains/system'
import * as auditService from '../audit/trail'
import * as auth from '../auth/sessions'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { globalSearch } from '../search/globalSearch'
import * as settingsService from '../settings/settings'
import * as users from '../users/accounts'
import { issueExportTicket } from './exportTickets'
import { deleteView, getColumns, listViews, saveColumns, saveView } from './savedViews'

type Slice = typeof systemContract

/** Sign-in, users, settings, audit trail, search, the saved views of every list and export tickets. `auth.setup` with demo data is completed in `api/handlers.ts`. */
export const systemHandlers = {
  'auth.status': (ctx) => auth.status(ctx),
  'auth.setup': auth.setup,
  'auth.signIn': auth.signIn,
  'auth.signOut': (ctx) => auth.signOut(ctx),
  'auth.setPreferences': auth.setPreferences,
  'users.list': users.listUsers,
  'users.get': users.getUser,
  'users.create': users.createUser,
  'users.update': users.updateUser,
  'settings.get': (ctx) => settingsService.getSettings(ctx),
  'settings.update': settingsService.updateSettings,
  'audit.forRecord': auditService.auditForRecord,
  'search.global': globalSearch,
  'savedViews.list': listViews,
  'savedViews.save': saveView,
  'savedViews.delete': deleteView,
  'listColumns.get': getColumns,
  'listColumns.save': saveColumns,
  'exports.ticket': issueExportTicket
} satisfies HandlersOf<Slice>

export const systemExports = {
  'users.list': users.iterateUsers
} satisfies ExportSourcesOf<Slice>
