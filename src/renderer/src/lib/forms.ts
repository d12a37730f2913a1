import { type UseFormReturnType } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { isApiError } from './api'
import { i18n } from './i18n'

/**
 * Shows an API error where the user looks: VALIDATION issues on their fields (the API answers the same
 * paths as the zod schema the form validated with, and the messages in the user's language), everything
 * else as a notification titled by the error's code.
 */
export function showApiError<T>(error: unknown, form?: UseFormReturnType<T>): void {
  if (form && isApiError(error, 'VALIDATION') && error.issues.length > 0) {
    form.setErrors(Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message])))
    notifications.show({ color: 'red', title: i18n.t('common.notSaved'), message: error.message })
    return
  }
  notifications.show({
    color: 'red',
    title: isApiError(error) ? i18n.t(`common.errorTitle.${error.code}`) : i18n.t('common.error'),
    message: error instanceof Error ? error.message : String(error),
    autoClose: 8000
  })
}

/** "Customer saved": `what` is already in the screen's language. */
export function notifySaved(what: string): void {
  notifications.show({ color: 'teal', message: i18n.t('common.saved', { what }), autoClose: 2500 })
}

/** "Customer deleted": `what` is already in the screen's language. */
export function notifyDeleted(what: string): void {
  notifications.show({ color: 'teal', message: i18n.t('common.deleted', { what }), autoClose: 2500 })
}
