// Turns the server's sanitized email HTML into rich-text nodes. HTML never reaches RichText as a string:
// Taro's H5 RichText writes strings into innerHTML unfiltered. This allow-list is a second line behind the
// server's sanitizer: only tags WeChat's rich-text knows, only the attributes listed here, no links
// (rich-text links cannot be tapped: they become text), and images load only when the user asks.
// Pure (no Taro import), so it is tested directly; the node shapes are those of Taro's RichTextProps.

export interface RichTextNode {
  type: 'text'
  text: string
}

export interface RichElementNode {
  name: string
  attrs: Record<string, string>
  children?: RichNode[]
}

export type RichNode = RichTextNode | RichElementNode

export interface HtmlToNodesOptions {
  /** Load remote images (the server keeps their URL in data-remote-src so nothing loads by itself). */
  showRemoteImages: boolean
  /** Text shown where an image is not loaded. */
  imageLabel: string
  /** Parsing stops after this many nodes (a phone cannot show more anyway). */
  maxNodes?: number
  /** Prepares text for a text node (platform/rich-text: WeChat decodes entities there, the web does not). */
  literal?: (text: string) => string
}

export interface HtmlToNodesResult {
  nodes: RichNode[]
  /** Remote images in the body (shown or not). */
  remoteImages: number
  /** True when the node limit cut the body short. */
  truncated: boolean
}

// Tag → attributes kept. WeChat's rich-text supports these tags; the server allows a subset of them.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], div: [], span: [], b: [], strong: [], i: [], em: [], u: [], s: [], small: [], sub: [], sup: [],
  hr: [], ul: [], ol: [], li: [], table: [], thead: [], tbody: [], tfoot: [], caption: [], tr: [],
  td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  blockquote: [], pre: [], code: [], img: ['alt', 'width', 'height'],
}
const VOID_TAGS = new Set(['br', 'hr', 'img'])
// Their content is never text (the server already drops them; never trust one layer alone).
const SKIP_CONTENT = new Set(['script', 'style', 'title', 'head', 'textarea', 'select', 'template', 'iframe', 'object', 'svg', 'math', 'noscript'])

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const HTTPS_URL = /^https?:\/\/[^\s]+$/i
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

interface OpenElement {
  name: string
  children: RichNode[]
}

export function htmlToNodes(html: string, options: HtmlToNodesOptions): HtmlToNodesResult {
  const maxNodes = options.maxNodes ?? 4000
  const literal = options.literal ?? ((text: string) => text)
  const root: OpenElement = { name: '#root', children: [] }
  const stack: OpenElement[] = [root]
  let count = 0
  let remoteImages = 0
  let truncated = false
  const top = () => stack[stack.length - 1] ?? root

  const add = (node: RichNode) => {
    count += 1
    top().children.push(node)
  }
  const addText = (raw: string) => {
    if (raw) add({ type: 'text', text: literal(decodeEntities(raw)) })
  }

  let pos = 0
  while (pos < html.length) {
    if (count >= maxNodes) {
      truncated = true
      break
    }
    const lt = html.indexOf('<', pos)
    if (lt < 0) {
      addText(html.slice(pos))
      break
    }
    addText(html.slice(pos, lt))
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      pos = end < 0 ? html.length : end + 3
      continue
    }
    TAG.lastIndex = lt
    const match = TAG.exec(html)
    if (!match) {
      addText('<')
      pos = lt + 1
      continue
    }
    pos = TAG.lastIndex
    const closing = match[1] === '/'
    const name = (match[2] ?? '').toLowerCase()

    if (SKIP_CONTENT.has(name)) {
      if (!closing) {
        const end = html.toLowerCase().indexOf(`</${name}`, pos)
        pos = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length
      }
      continue
    }
    // Links become their text; unknown tags are unwrapped (their text stays readable).
    const mapped = name === 'a' ? 'span' : ALLOWED[name] ? name : null
    if (closing) {
      const index = mapped ? stack.map((e) => e.name).lastIndexOf(mapped) : -1
      if (index > 0) stack.length = index
      continue
    }
    if (!mapped) continue

    const attributes = parseAttributes(match[3] ?? '')
    if (mapped === 'img') {
      const remote = attributes['data-remote-src']
      const isRemote = !!remote && HTTPS_URL.test(remote)
      if (isRemote) remoteImages += 1
      if (isRemote && options.showRemoteImages) add(imageNode(remote, attributes))
      else add({ name: 'span', attrs: { class: 'rt-image-placeholder' }, children: [{ type: 'text', text: literal(imageLabel(options.imageLabel, attributes.alt)) }] })
      continue
    }
    const attrs: Record<string, string> = { class: name === 'a' ? 'rt-link' : `rt-${mapped}` }
    // Inline, because rich-text nodes do not pick up every page style on every platform.
    if (mapped === 'pre') attrs.style = 'white-space:pre-wrap;word-break:break-word;'
    for (const key of ALLOWED[mapped] ?? []) {
      const value = attributes[key]
      if (value !== undefined && /^\d{1,3}$/.test(value)) attrs[key] = value
    }
    const children: RichNode[] = []
    add(VOID_TAGS.has(mapped) ? { name: mapped, attrs } : { name: mapped, attrs, children })
    if (!VOID_TAGS.has(mapped)) stack.push({ name: mapped, children })
  }
  return { nodes: root.children, remoteImages, truncated }
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of source.matchAll(ATTRIBUTE)) {
    const key = (match[1] ?? '').toLowerCase()
    attributes[key] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

function imageNode(src: string, attributes: Record<string, string>): RichElementNode {
  const attrs: Record<string, string> = { class: 'rt-img', src, style: 'max-width:100%;height:auto;' }
  if (attributes.alt) attrs.alt = attributes.alt
  return { name: 'img', attrs }
}

function imageLabel(label: string, alt: string | undefined): string {
  return alt?.trim() ? `[${label}: ${alt.trim()}]` : `[${label}]`
}
