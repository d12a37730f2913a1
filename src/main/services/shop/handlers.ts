import type { shopContract } from '@shared/api/domains/shop'
import type { ShopStatus } from '@shared/domain/shop'
import type { ServiceContext, ShopControl } from '../core/context'
import { AppError } from '../core/errors'
import type { HandlersOf } from '../core/handlers'

const status = (ctx: ServiceContext): ShopStatus => (ctx.host?.shop ? { serving: true, ...ctx.host.shop.status() } : { serving: false })

function serving(ctx: ServiceContext): ShopControl {
  if (!ctx.host?.shop) throw new AppError('CONFLICT', 'errors.pairing.notServing')
  return ctx.host.shop
}

export const shopHandlers = {
  'shop.status': status,
  'shop.newCode': (ctx) => {
    serving(ctx).renewCode()
    return status(ctx)
  },
  'shop.revoke': (ctx, { clientId }) => {
    if (!serving(ctx).revoke(clientId)) throw new AppError('NOT_FOUND', 'errors.pairing.unknownClient')
    return status(ctx)
  }
} satisfies HandlersOf<typeof shopContract>
