/** Cents → "1 234,50 €" in the shop's locale. */
export function formatMoney(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('et-EE', { style: 'currency', currency }).format(cents / 100)
}

export function formatDateTime(ms: number | null): string {
  if (ms === null) return '—'
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms))
}

export function formatDate(iso: string | null): string {
  if (!iso) return '—'
  const [y, m, d] = iso.split('-')
  return `${d}.${m}.${y}`
}

export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
