// The mini program's HTML → rich-text nodes conversion: the second line of defence behind the server's
// sanitizer (Taro's H5 RichText would write an HTML string into innerHTML unfiltered).
import { describe, expect, it } from 'vitest'
import { decodeEntities, htmlToNodes, type RichNode } from '../../../miniapp/src/utils/html-nodes'

const parse = (html: string, extra: Partial<Parameters<typeof htmlToNodes>[1]> = {}) =>
  htmlToNodes(html, { showRemoteImages: false, imageLabel: '图片', ...extra })

/** Every element name and attribute name in the tree. */
function names(nodes: RichNode[]): { tags: Set<string>; attrs: Set<string> } {
  const tags = new Set<string>()
  const attrs = new Set<string>()
  const walk = (list: RichNode[]) => {
    for (const node of list) {
      if ('name' in node) {
        tags.add(node.name)
        Object.keys(node.attrs).forEach((a) => attrs.add(a))
        walk(node.children ?? [])
      }
    }
  }
  walk(nodes)
  return { tags, attrs }
}

const text = (nodes: RichNode[]): string =>
  nodes.map((n) => ('type' in n ? n.text : text(n.children ?? []))).join('')

describe('htmlToNodes', () => {
  it('keeps structure and text, with classes for styling', () => {
    const { nodes } = parse('<p>Hello <b>Anna</b>,<br>thanks!</p><ul><li>one</li><li>two</li></ul>')
    expect(nodes).toEqual([
      { name: 'p', attrs: { class: 'rt-p' }, children: [{ type: 'text', text: 'Hello ' }, { name: 'b', attrs: { class: 'rt-b' }, children: [{ type: 'text', text: 'Anna' }] }, { type: 'text', text: ',' }, { name: 'br', attrs: { class: 'rt-br' } }, { type: 'text', text: 'thanks!' }] },
      { name: 'ul', attrs: { class: 'rt-ul' }, children: [{ name: 'li', attrs: { class: 'rt-li' }, children: [{ type: 'text', text: 'one' }] }, { name: 'li', attrs: { class: 'rt-li' }, children: [{ type: 'text', text: 'two' }] }] },
    ])
  })

  it('drops scripts, styles and event handlers and unwraps unknown tags, keeping their text', () => {
    const { nodes } = parse('<div onclick="x()" style="position:fixed" id="a"><script>alert(1)</script><style>p{}</style><font color=red>kept</font><iframe src="https://x"></iframe></div>')
    const { tags, attrs } = names(nodes)
    expect([...tags]).toEqual(['div'])
    expect([...attrs]).toEqual(['class'])
    expect(text(nodes)).toBe('kept')
  })

  it('turns links into text (rich-text links cannot be tapped)', () => {
    const { nodes } = parse('<p>See <a href="https://evil.example" rel="noopener">the offer</a></p>')
    expect(names(nodes).tags).toEqual(new Set(['p', 'span']))
    expect(names(nodes).attrs).toEqual(new Set(['class']))
    expect(text(nodes)).toBe('See the offer')
  })

  it('decodes entities into literal text and leaves markup-looking text as text', () => {
    const { nodes } = parse('<p>5 &lt; 6 &amp;&amp; &quot;ok&quot; &#x4F60;&#22909; &lt;script&gt;</p>')
    expect(text(nodes)).toBe('5 < 6 && "ok" 你好 <script>')
    expect(names(nodes).tags).toEqual(new Set(['p']))
  })

  it('passes text through the platform literal (WeChat decodes entities in text nodes)', () => {
    const { nodes } = parse('<p>a &amp;lt; b</p>', { literal: (s) => s.replace(/&/g, '&amp;') })
    expect(text(nodes)).toBe('a &amp;lt; b')
  })

  it('loads remote images only when asked, never cid: or other schemes', () => {
    const html = '<img data-remote-src="https://img.example/a.png" alt="logo"><img src="cid:part1"><img data-remote-src="javascript:alert(1)">'
    const off = parse(html)
    expect(off.remoteImages).toBe(1)
    expect(names(off.nodes).tags).toEqual(new Set(['span']))
    expect(text(off.nodes)).toBe('[图片: logo][图片][图片]')
    const on = parse(html, { showRemoteImages: true })
    const images = on.nodes.filter((n) => 'name' in n && n.name === 'img')
    expect(images).toEqual([{ name: 'img', attrs: { class: 'rt-img', src: 'https://img.example/a.png', style: 'max-width:100%;height:auto;', alt: 'logo' } }])
  })

  it('keeps only numeric table spans', () => {
    const { nodes } = parse('<table><tr><td colspan="2" rowspan="x" width="100">a</td></tr></table>')
    const td = (((nodes[0] as { children: RichNode[] }).children[0] as { children: RichNode[] }).children[0]) as { attrs: Record<string, string> }
    expect(td.attrs).toEqual({ class: 'rt-td', colspan: '2' })
  })

  it('survives broken markup: unclosed and stray closing tags, a lone "<"', () => {
    const { nodes } = parse('<div><p>one<b>two</div></i>three < four')
    expect(text(nodes)).toBe('onetwothree < four')
  })

  it('stops at the node limit and says so', () => {
    const result = parse('<p>x</p>'.repeat(100), { maxNodes: 10 })
    expect(result.truncated).toBe(true)
    expect(result.nodes.length).toBeLessThanOrEqual(10)
  })
})

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&amp;&nbsp;&#39;&#x27;&unknown;&#0;')).toBe("&\u00a0''&unknown;&#0;")
  })
})
