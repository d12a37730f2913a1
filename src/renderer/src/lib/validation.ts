import type { FormErrors } from '@mantine/form'
import type { z } from 'zod'
import { fieldIssues } from '@shared/i18n/issues'
import { i18n } from './i18n'

/**
 * A form's validator from the API's own schema, its field errors in the screen's language: the schemas'
 * messages are catalogue keys, translated here as the API translates them (`fieldIssues`). Mantine's
 * `schemaResolver` would show the keys themselves.
 */
export function schemaValidator<V>(schema: z.ZodType): (values: V) => FormErrors {
  return (values) => {
    const parsed = schema.safeParse(values)
    if (parsed.success) return {}
    const errors: FormErrors = {}
    for (const issue of fieldIssues(parsed.error.issues, i18n.t)) {
      const path = issue.path.join('.')
      if (!(path in errors)) errors[path] = issue.message
    }
    return errors
  }
}
