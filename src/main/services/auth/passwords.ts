import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const KEY_LENGTH = 64
// N=2^15 keeps a sign-in around 50 ms on a workstation while making offline guessing expensive.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

export function hashPassword(password: string, salt = randomBytes(16).toString('hex')): { hash: string; salt: string } {
  return { hash: scryptSync(password, salt, KEY_LENGTH, PARAMS).toString('hex'), salt }
}

export function verifyPassword(password: string, hash: string, salt: string): boolean {
  const candidate = scryptSync(password, salt, KEY_LENGTH, PARAMS)
  const stored = Buffer.from(hash, 'hex')
  return stored.length === candidate.length && timingSafeEqual(stored, candidate)
}

/**
 * After three wrong passwords in a row, each further attempt must wait: 2 s, 4 s, 8 s … up to 5 minutes.
 * Returns how many milliseconds are left to wait (0 = may try now).
 */
export function throttleWait(failedAttempts: number, lastFailedAt: number | null, now: number): number {
  if (failedAttempts < 3 || lastFailedAt === null) return 0
  const delay = Math.min(2000 * 2 ** (failedAttempts - 3), 5 * 60 * 1000)
  return Math.max(0, lastFailedAt + delay - now)
}
