import type { sla as en } from '../en/sla'
import type { Shape } from '../shape'

export const sla: Shape<typeof en> = {}
