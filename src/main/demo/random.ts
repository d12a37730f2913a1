/**
 * A small seeded pseudo-random generator (mulberry32) so that the demo company is the same on every run:
 * the same seed gives the same names, addresses and serial numbers. Never use Math.random in demo data.
 */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Cannot pick from an empty list')
    return list[Math.floor(this.next() * list.length)]!
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0)
    let r = this.next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    return entries[entries.length - 1]![0]
  }

  /** `n` different elements (or all of them when the list is shorter), in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, Math.min(n, copy.length))
  }

  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10))
    return s
  }
}

/** Cumulative weights for picking among thousands of entries quickly. */
export class WeightedPool {
  private readonly cumulative: number[] = []
  private readonly values: number[] = []
  private total = 0

  add(value: number, weight: number): void {
    if (weight <= 0) return
    this.total += weight
    this.cumulative.push(this.total)
    this.values.push(value)
  }

  get size(): number {
    return this.values.length
  }

  pick(rnd: Random): number {
    const r = rnd.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return this.values[lo]!
  }
}
