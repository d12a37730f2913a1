import { type UseFormReturnType } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { isApiError } from './api'

/**
 * Shows an API error where the user looks: VALIDATION issues on their fields (the API answers the same
 * paths as the zod schema the form validated with), everything else as a notification.
 */
export function showApiError<T>(error: unknown, form?: UseFormReturnType<T>): void {
  if (form && isApiError(error, 'VALIDATION') && error.issues.length > 0) {
    form.setErrors(Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message])))
    notifications.show({ color: 'red', title: 'Not saved', message: error.message })
    return
  }
  notifications.show({
    color: 'red',
    title: isApiError(error) ? titleOf(error.code) : 'Error',
    message: error instanceof Error ? error.message : String(error),
    autoClose: 8000
  })
}

function titleOf(code: string): string {
  switch (code) {
    case 'FORBIDDEN':
      return 'Not allowed'
    case 'CONFLICT':
      return 'Changed elsewhere'
    case 'NOT_FOUND':
      return 'Not found'
    case 'VALIDATION':
      return 'Check the input'
    default:
      return 'Something went wrong'
  }
}

export function notifySaved(what: string): void {
  notifications.show({ color: 'teal', message: `${what} saved`, autoClose: 2500 })
}
