/**
 * The FTS5 query for what a person typed into a search box, or null when nothing in it can be looked up
 * (the trigram index needs three characters of a word).
 *
 * Each word is one quoted phrase (so that `-`, `*`, `"` or `OR` are only text) and all words must match,
 * in any field and any order: "kask tartu" finds Kask's order at the Tartu site. Words shorter than three
 * characters are left out rather than failing the whole search. A phone number is also looked up as its
 * digits alone, which is how the index holds phone numbers too: "5123 4567" and "+372 51234567" both find
 * "+372 5123 4567"; the words as typed still match an invoice number like "2024-0012".
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .trim()
    .split(/\s+/)
    .filter((w) => [...w].length >= 3)
  const typed = words.length ? words.map(phrase).join(' AND ') : null
  const digits = looksLikePhone(input) ? input.replace(/\D/g, '') : ''
  if (digits.length < 3 || digits === input.trim()) return typed
  return typed ? `(${typed}) OR ${phrase(digits)}` : phrase(digits)
}

const phrase = (word: string) => `"${word.replace(/"/g, '""')}"`

const looksLikePhone = (s: string) => /^[+\d\s().-]+$/.test(s.trim())
