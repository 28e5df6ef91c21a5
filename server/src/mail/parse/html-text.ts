// Cheap HTML → plain text for analysis (not for display): used when a mail has no text part, and
// to read the <pre> block Amazon puts the buyer's words in. Regex-based on purpose — it only has
// to keep words, line breaks and table cells apart, and it runs on every HTML-only message.
import { decodeHTML } from 'entities'

const DROP_BLOCKS = /<(head|script|style|title|noscript|template|svg|object|xml)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/gi
const PRE_SPLIT = /(<pre\b[^>]*>[\s\S]*?<\/pre\s*>)/i
const PRE_BLOCK = /<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi
const LINE_BREAK_TAGS = /<(?:br|hr)\b[^>]*>|<\/(?:p|div|tr|li|h[1-6]|table|blockquote|ul|ol|dd|dt|section|article|header|footer|center)\s*>/gi
const BLOCK_OPEN_TAGS = /<(?:p|div|tr|li|h[1-6]|table|blockquote|section|article)\b[^>]*>/gi
const CELL_END = /<\/t[dh]\s*>/gi
const ANY_TAG = /<\/?[a-z!?][^>]*>/gi
const WHITESPACE_RUN = /[ \t\f\v\r\n\u00a0]+/g
const SPACES_BEFORE_NEWLINE = /[ \t]+\n/g
const SPACES_AFTER_NEWLINE = /\n[ \t]+/g
const MANY_NEWLINES = /\n{3,}/g

/** Plain text of an HTML document: block ends become line breaks, table cells are separated by " | ". */
export function htmlToText(html: string): string {
  const cleaned = html.replace(DROP_BLOCKS, ' ')
  const segments = cleaned.split(PRE_SPLIT)
  let out = ''
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? ''
    if (i % 2 === 1) {
      out += '\n' + preInnerText(segment.replace(/^<pre\b[^>]*>|<\/pre\s*>$/gi, '')) + '\n'
      continue
    }
    out += segment
      .replace(WHITESPACE_RUN, ' ')
      .replace(LINE_BREAK_TAGS, '\n')
      .replace(BLOCK_OPEN_TAGS, '\n')
      .replace(CELL_END, ' | ')
      .replace(ANY_TAG, '')
  }
  return decodeHTML(out)
    .replace(/\u00a0/g, ' ')
    .replace(/(?: \| )+\n/g, '\n')
    .replace(SPACES_BEFORE_NEWLINE, '\n')
    .replace(SPACES_AFTER_NEWLINE, '\n')
    .replace(MANY_NEWLINES, '\n\n')
    .trim()
}

/** The text of every <pre> block, in document order. */
export function preBlocks(html: string): string[] {
  const blocks: string[] = []
  for (const match of html.matchAll(PRE_BLOCK)) blocks.push(preInnerText(match[1] ?? ''))
  return blocks
}

function preInnerText(inner: string): string {
  return decodeHTML(inner.replace(/\r\n?/g, '\n').replace(/<br\b[^>]*>/gi, '\n').replace(ANY_TAG, '')).replace(/\u00a0/g, ' ')
}
