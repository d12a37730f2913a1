/**
 * Crash-test points. When HOOLDUS_FAULT names a point, the process dies right there — as a power cut
 * would — so tests can prove that a transaction interrupted midway leaves nothing behind.
 * Never set in normal use.
 */
export function faultPoint(name: string): void {
  if (process.env.HOOLDUS_FAULT === name) process.kill(process.pid, 'SIGKILL')
}
