import { describe, expect, it } from 'vitest'
import { htmlToText, preBlocks } from '@sellerinbox/server/mail/parse/html-text'

describe('htmlToText', () => {
  it('turns blocks into lines, cells into " | " columns and drops head, style and script', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><p>Hello&nbsp;there</p><div>a<br>b</div>' +
      '<table><tr><td>#</td><td>ASIN</td></tr><tr><td>1</td><td>B0WP4KJ0BA</td></tr></table><script>x()</script></body></html>'
    expect(htmlToText(html)).toBe('Hello there\n\na\nb\n\n# | ASIN\n1 | B0WP4KJ0BA')
  })

  it('keeps the line breaks of <pre> blocks and decodes entities', () => {
    expect(htmlToText('<p>x</p><pre>line 1\nline &amp; 2</pre>')).toBe('x\n\nline 1\nline & 2')
  })
})

describe('preBlocks', () => {
  it('returns the text of every <pre> block', () => {
    expect(preBlocks('<pre style="a">one<br>two</pre><p>x</p><pre>dell&#39;ordine</pre>')).toEqual(['one\ntwo', "dell'ordine"])
  })
})
