/**
 * Crash-test points. When HOOLDUS_FAULT names a point, the process dies right there — as a power cut
 * would — so tests can prove that a transaction interrupted midway leaves nothing behind.
 * HOOLDUS_FAULT_AFTER=n lets the point pass n − 1 times and fires on the n-th (default 1: the first), so a
 * test can kill a run in the middle of, say, the third agreement instead of inside the first.
 * Never set in normal use.
 */
const reached = new Map<string, number>()

export function faultPoint(name: string): void {
  if (process.env.HOOLDUS_FAULT !== name) return
  const after = Number(process.env.HOOLDUS_FAULT_AFTER ?? 1)
  const n = (reached.get(name) ?? 0) + 1
  reached.set(name, n)
  if (n >= (Number.isInteger(after) && after > 0 ? after : 1)) process.kill(process.pid, 'SIGKILL')
}
