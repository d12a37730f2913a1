/**
 * Reads a date (and optionally a time) as the shop types it: "15.06.2026", "15.6.26 9:05", or ISO
 * "2026-06-15 09:05". Answers the canonical "YYYY-MM-DD" or, with `withTime`, "YYYY-MM-DD HH:mm:ss"
 * (a missing time is midnight); null while the text is not a whole calendar date.
 */
export function parseTypedDate(text: string, withTime = false): string | null {
  const t = text.trim()
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2}))?$/.exec(t)
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(t)
  let y: number,
    m: number,
    d: number,
    hh = 0,
    mm = 0
  if (dotted) {
    d = Number(dotted[1])
    m = Number(dotted[2])
    y = Number(dotted[3])
    if (dotted[3]!.length === 2) y += 2000
    if (dotted[4] !== undefined) [hh, mm] = [Number(dotted[4]), Number(dotted[5])]
  } else if (iso) {
    y = Number(iso[1])
    m = Number(iso[2])
    d = Number(iso[3])
    if (iso[4] !== undefined) [hh, mm] = [Number(iso[4]), Number(iso[5])]
  } else return null
  const probe = new Date(Date.UTC(y, m - 1, d))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null
  if (hh > 23 || mm > 59) return null
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  const date = `${p(y, 4)}-${p(m)}-${p(d)}`
  return withTime ? `${date} ${p(hh)}:${p(mm)}:00` : date
}
