// Makes email HTML safe to render as WeChat rich-text nodes and in the web version. Allow-list
// only: no scripts, styles, frames, forms or event handlers; links http(s)/mailto only.
// Remote images never load by themselves: their URL moves from `src` to `data-remote-src` (the
// client may restore it when the user asks); `cid:` images keep `src`; any other `src` is dropped.
// The `style` attribute is dropped entirely, so no CSS can hide, overlay or restyle content.
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

export function sanitizeEmailHtml(html: string): string {
  const input = html.length > MAX_SANITIZED_HTML_INPUT ? html.slice(0, MAX_SANITIZED_HTML_INPUT) : html
  return sanitizeHtml(input, OPTIONS)
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
