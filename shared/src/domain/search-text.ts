// The one normalization of keyword search: what ingestion stores in messages.search_text and
// what a query is turned into must agree byte for byte, because the database compares bytes.
// NFKC folds full-width Latin and digits (common in Japanese mail) and half-width katakana;
// lower-casing folds case. Chinese and Japanese need no word splitting: search is substring.

/** Most bytes kept (the column is VARBINARY(2000) and indexed). */
export const SEARCH_TEXT_MAX_BYTES = 2000

export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Fields joined by newlines, which a normalized query never contains, so no match spans two fields. */
export function searchTextOf(fields: { subject: string | null; buyerName: string | null; orderId: string | null; buyerText: string | null }): string {
  const text = [fields.subject, fields.buyerName, fields.orderId, fields.buyerText]
    .map((f) => normalizeSearchText(f ?? ''))
    .filter(Boolean)
    .join('\n')
  return clipUtf8(text, SEARCH_TEXT_MAX_BYTES)
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function clipUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text
  let bytes = 0
  let end = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
    if (bytes + size > maxBytes) break
    bytes += size
    end += ch.length
  }
  return text.slice(0, end)
}

/** A LIKE pattern matching `query` anywhere (`%`, `_` and `\` escaped). Empty when nothing is left to search. */
export function searchPattern(query: string): string {
  const normalized = normalizeSearchText(query)
  return normalized ? `%${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : ''
}

/** A complete Amazon order id (3-7-7 digits): searched on the order id column, not the text. */
export function isOrderId(query: string): boolean {
  return /^\d{3}-\d{7}-\d{7}$/.test(query.normalize('NFKC').trim())
}
