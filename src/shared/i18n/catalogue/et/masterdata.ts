import type { masterdata as en } from '../en/masterdata'
import type { Shape } from '../shape'

export const masterdata: Shape<typeof en> = {}
