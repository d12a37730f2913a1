import type { errors as en } from '../en/errors'
import type { Shape } from '../shape'

export const errors: Shape<typeof en> = {}
