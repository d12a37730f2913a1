import type { dispatch as en } from '../en/dispatch'
import type { Shape } from '../shape'

export const dispatch: Shape<typeof en> = {}
