import type { documents as en } from '../en/documents'
import type { Shape } from '../shape'

export const documents: Shape<typeof en> = {}
