import type { cli as en } from '../en/cli'
import type { Shape } from '../shape'

export const cli: Shape<typeof en> = {}
