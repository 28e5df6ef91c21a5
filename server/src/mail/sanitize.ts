// Makes email HTML safe to render as WeChat rich-text nodes and in the web version: an allow-list,
// no scripts, styles, frames, forms or event handlers, links http(s)/mailto only, no style attribute
// (so no CSS can hide or overlay content), and remote images that do not load by themselves.
import sanitizeHtml from 'sanitize-html'

/** Longer HTML is cut before sanitizing: nobody reads 2 MB of markup on a phone. */
export const MAX_SANITIZED_HTML_INPUT = 2_000_000

const ALLOWED_TAGS = [
  'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'hr',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'caption', 'tr', 'td', 'th',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'img', 'a',
]

// Tags whose text must disappear with them (not just the tag).
const NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'select', 'noscript', 'title', 'head', 'template', 'xmp', 'iframe', 'frameset', 'object', 'embed', 'applet', 'svg', 'math']

const LINK_URL = /^(?:https?:\/\/[^\s]|mailto:[^\s])/i
const REMOTE_IMAGE_URL = /^https?:\/\/[^\s]/i
const CID_URL = /^cid:[^\s]/i
const DIMENSION = /^\d{1,4}%?$/
const SPAN_COUNT = /^\d{1,3}$/
// Browsers ignore ASCII whitespace and control characters inside a URL scheme ("jav&#9;ascript:").
const URL_NOISE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+/g

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'data-remote-src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  parseStyleAttributes: false,
  nonTextTags: NON_TEXT_TAGS,
  disallowedTagsMode: 'discard',
  nestingLimit: 100,
  transformTags: {
    a: (tagName, attribs) => {
      const href = cleanUrl(attribs.href)
      const next: sanitizeHtml.Attributes = { rel: 'noopener noreferrer nofollow' }
      if (href && LINK_URL.test(href)) next.href = href
      if (attribs.title) next.title = attribs.title
      return { tagName, attribs: next }
    },
    img: (tagName, attribs) => {
      const src = cleanUrl(attribs.src)
      const next: sanitizeHtml.Attributes = {}
      if (src && CID_URL.test(src)) next.src = src
      else if (src && REMOTE_IMAGE_URL.test(src)) next['data-remote-src'] = src
      if (attribs.alt !== undefined) next.alt = attribs.alt
      if (attribs.title) next.title = attribs.title
      if (attribs.width && DIMENSION.test(attribs.width)) next.width = attribs.width
      if (attribs.height && DIMENSION.test(attribs.height)) next.height = attribs.height
      return { tagName, attribs: next }
    },
    td: cellTransform,
    th: cellTransform,
  },
}

/**
 * Remote images: the URL moves from `src` to `data-remote-src`, so nothing loads (no tracking
 * pixels) until the client copies it back when the user asks to show images. `cid:` images keep
 * `src` (the client maps them to the stored attachment); any other `src` is dropped.
 */
export function sanitizeEmailHtml(html: string): string {
  let input = html.length > MAX_SANITIZED_HTML_INPUT ? html.slice(0, MAX_SANITIZED_HTML_INPUT) : html
  if (input.length > NESTING_CHECK_FROM) input = limitNesting(input, MAX_NESTING)
  return sanitizeHtml(input, OPTIONS)
}

// sanitize-html slows down quadratically with nesting depth (80,000 unclosed <div>s take seconds),
// so tags nested deeper than any real email are dropped before it runs. Shallow HTML — every
// normal message — is left alone; only long documents can be deep enough to matter.
const NESTING_CHECK_FROM = 50_000
const MAX_NESTING = 200
const TAG_START = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/
const VOID_TAGS = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'param', 'source', 'track', 'wbr'])

/**
 * Removes opening and closing tags below `maxDepth` levels; text stays, and the sanitizer runs
 * afterwards. A linear scan: the next '>' is remembered, so "<a<a<a…" cannot make it quadratic.
 */
export function limitNesting(html: string, maxDepth: number): string {
  const parts: string[] = []
  let depth = 0
  let pos = 0
  let nextGt = -1
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    if (nextGt < lt) nextGt = html.indexOf('>', lt)
    if (nextGt < 0) break
    const tag = TAG_START.exec(html.slice(lt, lt + 40))
    if (!tag) continue
    const name = (tag[2] ?? '').toLowerCase()
    let drop = false
    // In HTML "<div/>" still opens a div; only void elements never nest.
    if (VOID_TAGS.has(name)) drop = depth >= maxDepth
    else if (tag[1]) {
      if (depth > 0) drop = --depth >= maxDepth
    } else drop = ++depth > maxDepth
    if (drop) {
      parts.push(html.slice(pos, lt))
      pos = nextGt + 1
    }
    lt = nextGt
  }
  parts.push(html.slice(pos))
  return parts.join('')
}

function cleanUrl(value: string | undefined): string | null {
  if (!value) return null
  const cleaned = value.replace(URL_NOISE, '')
  return cleaned === '' ? null : cleaned
}

function cellTransform(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const next: sanitizeHtml.Attributes = {}
  if (attribs.colspan && SPAN_COUNT.test(attribs.colspan)) next.colspan = attribs.colspan
  if (attribs.rowspan && SPAN_COUNT.test(attribs.rowspan)) next.rowspan = attribs.rowspan
  return { tagName, attribs: next }
}
