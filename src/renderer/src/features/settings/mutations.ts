import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useT } from '../../lib/i18n'
import { settingsInput } from '@shared/domain/system'
import { call, isApiError } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { authKeys } from '../../lib/session'
import { settingsKeys } from '../../lib/settings'
import type { SettingsForm, SettingsValues } from './settingsForm'

/** Saves the settings with the version they were read at; a stale save calls `onConflict` (the page shows its banner). */
export function useSaveSettings(version: number | undefined, form: SettingsForm, onConflict: (conflict: boolean) => void) {
  const t = useT()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (values: SettingsValues) => {
      const parsed = settingsInput.parse(values)
      return call('settings.update', { ...parsed, version: version! })
    },
    onSuccess: (row) => {
      onConflict(false)
      qc.setQueryData(settingsKeys.one, row)
      // The company name is shown in the header.
      void qc.invalidateQueries({ queryKey: authKeys.status })
      notifySaved(t('settings.page.title'))
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT')) onConflict(true)
      showApiError(e, form)
    }
  })
}
