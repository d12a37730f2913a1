import type { orders as en } from '../en/orders'
import type { Shape } from '../shape'

export const orders: Shape<typeof en> = {}
