import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/main/http/rateLimit'
import { parseListen } from '../../src/main/http/start'

describe('rate limiter (token bucket per client)', () => {
  it('lets a burst through, then refuses with the seconds until a token is back, and refills with time', () => {
    const clock = { now: 0 }
    const limiter = new RateLimiter({ burst: 3, perSecond: 0.5 }, () => clock.now)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0])
    expect(limiter.take('a')).toBe(2)
    // Another client has its own bucket.
    expect(limiter.take('b')).toBe(0)
    clock.now += 2000
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(2)
  })
})

describe('--listen', () => {
  it('reads an IPv4 or a bracketed IPv6 address with its port, and names the option when it cannot', () => {
    expect(parseListen('0.0.0.0:5179')).toEqual({ address: '0.0.0.0', port: 5179 })
    expect(parseListen('[::]:5179')).toEqual({ address: '::', port: 5179 })
    expect(parseListen('127.0.0.2:0')).toEqual({ address: '127.0.0.2', port: 0 })
    expect(() => parseListen('5179')).toThrow(/--listen/)
    expect(() => parseListen('0.0.0.0:99999')).toThrow(/--listen/)
  })
})
