// sanitizeEmailHtml: an XSS matrix (scripts, handlers, dangerous URLs, obfuscations, mXSS shapes),
// hidden-content styles, remote images that must not load by themselves, and what must survive.
import { describe, expect, it } from 'vitest'
import { MAX_SANITIZED_HTML_INPUT, limitNesting, sanitizeEmailHtml } from '@sellerinbox/server/mail/sanitize'

// Nothing in the output may be able to run code, load a resource or restyle the page.
const FORBIDDEN = [
  /<script/i, /<\/script/i, /<style/i, /<iframe/i, /<frame/i, /<object/i, /<embed/i, /<applet/i, /<form/i,
  /<input/i, /<button/i, /<textarea/i, /<select/i, /<link/i, /<meta/i, /<base/i, /<svg/i, /<math/i,
  /<video/i, /<audio/i, /<source/i, /<details/i, /<marquee/i, /<template/i, /<noscript/i, /<xmp/i,
  /\son[a-z]+\s*=/i, /javascript:/i, /vbscript:/i, /data:/i, /\sstyle\s*=/i, /\ssrcset\s*=/i,
  /\sformaction\s*=/i, /\sbackground\s*=/i, /\sxlink:href/i, /expression\(/i, /\ssrc\s*=\s*["']?https?:/i,
]

const VECTORS: readonly [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script with src', '<script src="https://evil.example/x.js"></script>'],
  ['split script', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['nested script', '<<script>script>alert(1)<</script>/script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img onerror uppercase', '<IMG SRC=x ONERROR="alert(1)">'],
  ['img onerror slash separated', '<img/src=x/onerror=alert(1)>'],
  ['img javascript src', '<img src="javascript:alert(1)">'],
  ['img data src', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['img srcset', '<img srcset="https://evil.example/a.png 1x">'],
  ['a javascript', '<a href="javascript:alert(1)">x</a>'],
  ['a JaVaScRiPt', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['a javascript entity tab', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['a javascript entity colon', '<a href="javascript&colon;alert(1)">x</a>'],
  ['a javascript decimal entities', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
  ['a javascript leading space', '<a href="  javascript:alert(1)">x</a>'],
  ['a javascript newline', '<a href="java\nscript:alert(1)">x</a>'],
  ['a vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
  ['a data html', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
  ['a protocol relative', '<a href="//evil.example/">x</a>'],
  ['a onclick', '<a href="https://ok.example" onclick="alert(1)">x</a>'],
  ['a formaction', '<a href="https://ok.example" formaction="javascript:alert(1)">x</a>'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object', '<object data="https://evil.example/x.swf"></object>'],
  ['embed', '<embed src="https://evil.example/x.swf">'],
  ['form', '<form action="https://evil.example"><input name="password"><button>Go</button></form>'],
  ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
  ['svg script', '<svg><script>alert(1)</script></svg>'],
  ['math href', '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>'],
  ['style tag', '<style>body{background:url("javascript:alert(1)")}</style>'],
  ['style attribute expression', '<div style="width: expression(alert(1))">x</div>'],
  ['style attribute url', '<div style="background:url(javascript:alert(1))">x</div>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="https://evil.example/">'],
  ['body onload', '<body onload="alert(1)">x</body>'],
  ['details ontoggle', '<details open ontoggle=alert(1)>x</details>'],
  ['video source onerror', '<video><source onerror="alert(1)"></video>'],
  ['audio', '<audio src="https://evil.example/a.mp3" autoplay></audio>'],
  ['marquee onstart', '<marquee onstart=alert(1)>x</marquee>'],
  ['table background', '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'],
  ['td onmouseover', '<table><tr><td onmouseover="alert(1)">x</td></tr></table>'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['comment break-out', '<!--<img src=x onerror=alert(1)>-->'],
  ['conditional comment', '<!--[if gte mso 9]><script>alert(1)</script><![endif]-->'],
  ['template', '<template><img src=x onerror=alert(1)></template>'],
  ['textarea break-out', '<textarea><img src=x onerror=alert(1)></textarea>'],
  ['xmp break-out', '<xmp><img src=x onerror=alert(1)></xmp>'],
  ['img data-remote-src injected', '<img data-remote-src="javascript:alert(1)">'],
  ['unquoted attribute injection', '<a href=https://ok.example/ onmouseover=alert(1)>x</a>'],
  ['entity-encoded script text stays text', '&lt;script&gt;alert(1)&lt;/script&gt;'],
]

describe('sanitizeEmailHtml XSS matrix', () => {
  it.each(VECTORS)('%s', (_name, dirty) => {
    const clean = sanitizeEmailHtml(dirty)
    for (const pattern of FORBIDDEN) expect(clean, `${pattern} in ${clean}`).not.toMatch(pattern)
  })

  it('keeps escaped markup as visible text', () => {
    expect(sanitizeEmailHtml('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('sanitizeEmailHtml content rules', () => {
  it('drops style attributes, so display:none and friends cannot hide or overlay anything', () => {
    const clean = sanitizeEmailHtml(
      '<div style="display:none">a</div><span style="visibility:hidden">b</span><p style="opacity:0">c</p>' +
        '<p style="font-size:0">d</p><div style="position:absolute;left:-9999px">e</div><p hidden>f</p>',
    )
    expect(clean).toBe('<div>a</div><span>b</span><p>c</p><p>d</p><div>e</div><p>f</p>')
  })

  it('moves remote image URLs to data-remote-src and keeps cid: images', () => {
    const clean = sanitizeEmailHtml('<img src="https://m.media-amazon.com/logo.png" alt="Logo"><img src="cid:part1@mail" alt="">')
    expect(clean).toBe('<img data-remote-src="https://m.media-amazon.com/logo.png" alt="Logo" /><img src="cid:part1@mail" alt="" />')
  })

  it('drops relative and non-http image sources', () => {
    expect(sanitizeEmailHtml('<img src="/x.png"><img src="ftp://x.example/a.png">')).toBe('<img /><img />')
  })

  it('keeps http, https and mailto links and marks them noopener', () => {
    expect(sanitizeEmailHtml('<a href="https://sellercentral.amazon.de/x?a=1&amp;b=2">x</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" href="https://sellercentral.amazon.de/x?a=1&amp;b=2">x</a>',
    )
    expect(sanitizeEmailHtml('<a href="mailto:help@shop.example">m</a>')).toContain('href="mailto:help@shop.example"')
    expect(sanitizeEmailHtml('<a href="/relative">r</a>')).toBe('<a rel="noopener noreferrer nofollow">r</a>')
  })

  it('keeps the rich-text structure WeChat can render', () => {
    const html =
      '<h2>T</h2><p><b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><br /></p><ul><li>1</li></ul><ol><li>2</li></ol>' +
      '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="1">c</td></tr></tbody></table>' +
      '<blockquote>q</blockquote><pre>p</pre><code>c</code>'
    expect(sanitizeEmailHtml(html)).toBe(html)
  })

  it('removes head, title and unknown tags but keeps their visible text', () => {
    expect(sanitizeEmailHtml('<html><head><title>t</title></head><body><font color="red">visible</font><center>c</center></body></html>')).toBe('visiblec')
  })

  it('cuts absurdly large HTML before sanitizing', () => {
    const huge = '<p>' + 'x'.repeat(MAX_SANITIZED_HTML_INPUT + 1000) + '</p>'
    expect(sanitizeEmailHtml(huge).length).toBeLessThanOrEqual(MAX_SANITIZED_HTML_INPUT + 20)
  })
})

describe('limitNesting', () => {
  it('drops tags nested deeper than the limit and keeps their text', () => {
    expect(limitNesting('<div><div><div>x</div></div></div>', 2)).toBe('<div><div>x</div></div>')
    expect(limitNesting('<div><div><br><img src="cid:a">x</div></div>', 1)).toBe('<div>x</div>')
  })

  it('leaves shallow HTML, stray closing tags and "<" in text alone', () => {
    const html = '</p><p>a < b</p><p>c</p>'
    expect(limitNesting(html, 5)).toBe(html)
  })

  it('keeps 80,000 unclosed divs from stalling the sanitizer', () => {
    const clean = sanitizeEmailHtml('<div><p>x</p>'.repeat(80_000))
    expect(clean.split('<div>').length - 1).toBeLessThanOrEqual(200)
    expect(clean).toContain('<p>x</p>')
  })
})
