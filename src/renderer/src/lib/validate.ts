import type { FormErrors } from '@mantine/form'
import type { z } from 'zod'
import { fieldIssues } from '@shared/i18n/issues'
import { i18n } from './i18n'

/**
 * A form's validator over a shared zod schema with the messages in the screen's language: the same codes
 * and texts the API answers (Mantine's schemaResolver would show zod's English messages). The first issue
 * of each field is its message.
 */
export function localisedResolver(schema: z.ZodType): (values: unknown) => FormErrors {
  return (values) => {
    const result = schema.safeParse(values)
    if (result.success) return {}
    const errors: FormErrors = {}
    for (const issue of fieldIssues(result.error.issues, i18n.t)) {
      const path = issue.path.join('.')
      if (!(path in errors)) errors[path] = issue.message
    }
    return errors
  }
}
