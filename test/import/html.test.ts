import { describe, expect, it } from 'vitest'
import { articleFromHtml, blocksFromHtml } from '../../src/main/import/html'
import { blocksAreConsistent, blocksOf } from './helpers'

const origin = { kind: 'file' as const, name: 'page.html' }

describe('HTML to blocks', () => {
  it('walks structure into one block per element, white space collapsed as a browser renders it', () => {
    expect(
      blocksFromHtml(`
        <h1>  Big\n   title </h1><h4>Small</h4><h6>Tiny</h6>
        <p>One&nbsp;paragraph,\n\t with <em>inline</em> <a href="https://x">markup</a><img src="x.png" alt="pic"></p>
        <div>Loose text in a div<p>then a paragraph</p>and more loose text</div>
        <ul><li>Item <b>one</b><ul><li>nested</li></ul></li><li><p>para in item</p></li></ul>
        <blockquote><p>First quoted</p><p>Second quoted</p></blockquote>
        <p>Line one<br>Line two</p>
        <pre>  code
    kept</pre>
        <table><tr><th>Region</th><th>Tonnes</th></tr><tr><td>Minsk</td><td>2.1</td></tr></table>`)
    ).toEqual([
      { kind: 'h1', text: 'Big title' },
      { kind: 'h4', text: 'Small' },
      { kind: 'h6', text: 'Tiny' },
      { kind: 'p', text: 'One paragraph, with inline markup' },
      { kind: 'p', text: 'Loose text in a div' },
      { kind: 'p', text: 'then a paragraph' },
      { kind: 'p', text: 'and more loose text' },
      { kind: 'li', text: 'Item one' },
      { kind: 'li', text: 'nested' },
      { kind: 'li', text: 'para in item' },
      { kind: 'blockquote', text: 'First quoted' },
      { kind: 'blockquote', text: 'Second quoted' },
      { kind: 'p', text: 'Line one' },
      { kind: 'p', text: 'Line two' },
      { kind: 'p', text: '  code\n    kept' },
      { kind: 'p', text: 'Region | Tonnes' },
      { kind: 'p', text: 'Minsk | 2.1' }
    ])
  })

  it('drops active and non-article content with everything inside it', () => {
    const parts = blocksFromHtml(`
      <p>Kept</p><script>alert(1)</script><style>p{}</style><iframe src="https://x">frame text</iframe>
      <form><button>Send</button><textarea>typed</textarea></form><nav>Menu</nav><svg><text>svg text</text></svg>
      <noscript>Enable JS</noscript><template><p>hidden</p></template>`)
    expect(parts).toEqual([{ kind: 'p', text: 'Kept' }])
  })
})

describe('HTML to an article', () => {
  it('falls back to meta tags for metadata and never keeps a URL as metadata', () => {
    const article = articleFromHtml(
      `<html><head><title>Plain title</title>
        <meta property="og:site_name" content="Example Gazette">
        <meta name="author" content="https://example.org/staff/desk">
        <meta property="article:published_time" content="2026-01-05T10:00:00Z"></head>
        <body><p>Short note with one paragraph of text about the harbour.</p></body></html>`,
      { origin }
    )
    expect(article.title).toBe('Plain title')
    expect(article.site).toBe('Example Gazette')
    expect(article.byline).toBeUndefined()
    expect(article.publishedAt).toBe('2026-01-05T10:00:00Z')
    expect(blocksOf(article)).toEqual([['p', 'Short note with one paragraph of text about the harbour.']])
  })

  it('uses the file name when the page has no title, and the user title over everything', () => {
    expect(articleFromHtml('<p>Just a paragraph.</p>', { origin: { kind: 'file', name: 'city-hall_notes.htm' } }).title).toBe('city hall notes')
    expect(articleFromHtml('<title>Page</title><p>Just a paragraph.</p>', { origin, title: '  Mine ' }).title).toBe('Mine')
  })

  it('keeps a long article whole, in order, with consistent offsets', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} says the council spent ${i + 1} million on item ${i + 1}, which the report confirms in detail.`)
    const html = `<html><head><title>Long read | Example Gazette</title></head><body>
      <header><a href="/">Example Gazette</a></header>
      <main><article><h1>Long read</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main>
      <footer>© Example Gazette</footer></body></html>`
    const article = articleFromHtml(html, { origin })
    expect(blocksAreConsistent(article)).toBe(true)
    const blocks = blocksOf(article)
    expect(blocks[0]).toEqual(['h1', 'Long read'])
    expect(blocks.slice(1).map(([, text]) => text)).toEqual(paragraphs)
    expect(article.title).toBe('Long read')
  })

  it('refuses a page without text', () => {
    expect(() => articleFromHtml('<html><body><img src="a.png"><script>1</script></body></html>', { origin })).toThrow('page.html has no article text.')
  })
})
