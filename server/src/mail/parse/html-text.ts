// Cheap HTML → plain text for analysis (not for display): for mail without a text part, and for the
// <pre> block Amazon puts the buyer's words in. Blocks are found with indexOf scans: an unclosed
// "<!--" or "<pre>" must not make a regex rescan the rest of the document for each occurrence.
import { decodeHTML } from 'entities'

/** HTML beyond this length is not converted: the text is for analysis, and the head of a mail says it. */
export const MAX_HTML_TO_TEXT = 1_000_000

// Elements whose content is never visible text.
const INVISIBLE = new Set(['head', 'script', 'style', 'title', 'noscript', 'template', 'svg', 'object', 'xml'])
const TAG_NAME = /^<([a-z][a-z0-9]*)/
const LINE_BREAK_TAGS = /<(?:br|hr)\b[^<>]*>|<\/(?:p|div|tr|li|h[1-6]|table|blockquote|ul|ol|dd|dt|section|article|header|footer|center)\s*>/gi
const BLOCK_OPEN_TAGS = /<(?:p|div|h[1-6]|table|blockquote|section|article)\b[^<>]*>/gi
const CELL_END = /<\/t[dh]\s*>/gi
const ANY_TAG = /<\/?[a-z!?][^<>]*>/gi
const WHITESPACE_RUN = /[ \t\f\v\r\n\u00a0]+/g
const MANY_NEWLINES = /\n{3,}/g

/** Plain text of an HTML document: block ends become line breaks, table cells are separated by " | ". */
export function htmlToText(html: string): string {
  const input = html.length > MAX_HTML_TO_TEXT ? html.slice(0, MAX_HTML_TO_TEXT) : html
  let out = ''
  for (const segment of splitPre(dropInvisible(input))) {
    if (segment.pre) {
      out += '\n' + preInnerText(segment.text) + '\n'
      continue
    }
    out += segment.text
      .replace(WHITESPACE_RUN, ' ')
      .replace(LINE_BREAK_TAGS, '\n')
      .replace(BLOCK_OPEN_TAGS, '\n')
      .replace(CELL_END, ' | ')
      .replace(ANY_TAG, '')
  }
  // Lines are trimmed with string methods: a regex such as /[ \t]+\n/ rescans a long run of
  // blanks from every position in it.
  return decodeHTML(out)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map(trimLine)
    .join('\n')
    .replace(MANY_NEWLINES, '\n\n')
    .trim()
}

/** Trims blanks (including no-break spaces) and trailing empty table cells (" | ") from a line. */
function trimLine(line: string): string {
  let end = line.length
  for (;;) {
    while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--
    if (end > 0 && line[end - 1] === '|') end--
    else break
  }
  let start = 0
  while (start < end && isBlank(line.charCodeAt(start))) start++
  return line.slice(start, end)
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x0d
}

/** The text of every <pre> block, in document order. */
export function preBlocks(html: string): string[] {
  return splitPre(html)
    .filter((segment) => segment.pre)
    .map((segment) => preInnerText(segment.text))
}

interface Segment {
  pre: boolean
  /** For <pre> segments: the inner HTML; otherwise the HTML between them. */
  text: string
}

/** Splits HTML into <pre> inner parts and the rest; an unclosed <pre> runs to the end. */
function splitPre(html: string): Segment[] {
  const lower = html.toLowerCase()
  const segments: Segment[] = []
  let pos = 0
  for (;;) {
    const open = findTag(lower, 'pre', pos)
    if (open < 0) break
    const openEnd = lower.indexOf('>', open)
    if (openEnd < 0) break
    const close = lower.indexOf('</pre', openEnd)
    segments.push({ pre: false, text: html.slice(pos, open) })
    segments.push({ pre: true, text: html.slice(openEnd + 1, close < 0 ? html.length : close) })
    if (close < 0) return segments
    const closeEnd = lower.indexOf('>', close)
    pos = closeEnd < 0 ? html.length : closeEnd + 1
  }
  segments.push({ pre: false, text: html.slice(pos) })
  return segments
}

/** Removes comments, CDATA and invisible elements; an unclosed one runs to the end. */
function dropInvisible(html: string): string {
  const lower = html.toLowerCase()
  const parts: string[] = []
  let pos = 0
  let scan = 0
  while (scan < html.length) {
    const lt = lower.indexOf('<', scan)
    if (lt < 0) break
    let skipTo = -1
    if (lower.startsWith('<!--', lt)) skipTo = endAfter(lower, '-->', lt + 4)
    else if (lower.startsWith('<![cdata[', lt)) skipTo = endAfter(lower, ']]>', lt + 9)
    else {
      const name = TAG_NAME.exec(lower.slice(lt, lt + 12))?.[1]
      if (name && INVISIBLE.has(name)) {
        const close = lower.indexOf(`</${name}`, lt + 1)
        skipTo = close < 0 ? html.length : endAfter(lower, '>', close)
      }
    }
    if (skipTo < 0) {
      scan = lt + 1
      continue
    }
    parts.push(html.slice(pos, lt), ' ')
    pos = scan = skipTo
  }
  parts.push(html.slice(pos))
  return parts.join('')
}

function endAfter(lower: string, token: string, from: number): number {
  const at = lower.indexOf(token, from)
  return at < 0 ? lower.length : at + token.length
}

/** Index of the next `<name` opening tag (followed by '>', '/' or a blank) at or after `from`, or -1. */
function findTag(lower: string, name: string, from: number): number {
  let at = lower.indexOf(`<${name}`, from)
  while (at >= 0) {
    const next = lower[at + name.length + 1]
    if (next === '>' || next === '/' || next === ' ' || next === '\t' || next === '\n' || next === '\r') return at
    at = lower.indexOf(`<${name}`, at + 1)
  }
  return -1
}

function preInnerText(inner: string): string {
  return decodeHTML(inner.replace(/\r\n?/g, '\n').replace(/<br\b[^<>]*>/gi, '\n').replace(ANY_TAG, '')).replace(/\u00a0/g, ' ')
}
