// The list's preview line of a message: the start of the buyer's own words, or of the body when
// there are none. Computed once at ingestion and stored, so a page never reads message bodies.

export const SNIPPET_LENGTH = 120

/** The first SNIPPET_LENGTH characters (code points, so no emoji is cut in half), whitespace collapsed. Idempotent. */
const NOT_COLLAPSED = /[^\S ]| {2}|^ | $/

export function snippetOf(text: string | null): string {
  // Stored snippets are already in shape: test before rebuilding the string.
  const collapsed = text === null ? '' : NOT_COLLAPSED.test(text) ? text.replace(/\s+/g, ' ').trim() : text
  // Fewer UTF-16 units than the limit means fewer code points too: the usual, stored case.
  if (collapsed.length <= SNIPPET_LENGTH) return collapsed
  const end = codePointEnd(collapsed, SNIPPET_LENGTH)
  return end < collapsed.length ? `${collapsed.slice(0, end).trimEnd()}…` : collapsed
}

/** The UTF-16 index just past the first `count` code points (the length when there are fewer). */
function codePointEnd(text: string, count: number): number {
  let i = 0
  for (let points = 0; points < count && i < text.length; points++) {
    const unit = text.charCodeAt(i)
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    i += pair ? 2 : 1
  }
  return i
}

/** The snippet of a message with these buyer words and body text. */
export function messageSnippet(buyerText: string | null, bodyText: string): string {
  return snippetOf(buyerText?.trim() ? buyerText : bodyText)
}
