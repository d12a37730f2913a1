import type { agreements as en } from '../en/agreements'
import type { Shape } from '../shape'

export const agreements: Shape<typeof en> = {}
