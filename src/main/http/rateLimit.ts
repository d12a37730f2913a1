/** A bucket's size and refill: `burst` calls at once, then `perSecond` on average. */
export interface RateLimit {
  burst: number
  perSecond: number
}

/**
 * Token buckets by client (a paired key, the launch token, or a remote address for `/pair`): a client that
 * floods the host gets 429 with the seconds to wait, while the others keep being served.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now()
  ) {}

  /** Takes one token: 0 when the call may go ahead, otherwise the whole seconds until a token is back. */
  take(key: string): number {
    const at = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at }
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((at - bucket.at) / 1000) * this.limit.perSecond)
    bucket.at = at
    if (this.buckets.size > 10_000) this.prune(at)
    this.buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond))
  }

  /** Forgets buckets that have filled up again: a full bucket is the same as none. */
  private prune(at: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((at - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key)
    }
  }
}
