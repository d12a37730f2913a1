import { z } from 'zod'
import { shopStatus } from '../../domain/shop'
import { method } from '../define'

/** The shop server's operations page (docs/adr/0033-shop-server.md): administrators and service managers. */
export const shopContract = {
  'shop.status': method(z.object({}), shopStatus, 'backups.manage'),
  /** A new pairing code; the old one stops working. */
  'shop.newCode': method(z.object({}), shopStatus, 'backups.manage'),
  /** Revokes a pairing: its key is refused from now on and its sessions end at once. */
  'shop.revoke': method(z.object({ clientId: z.string().min(1).max(64) }), shopStatus, 'backups.manage')
}
