import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { articleFromHtml, blocksFromHtml, READABILITY_MAX_ELEMENTS } from '../../src/main/import/html'
import { MAX_DEPTH } from '../../src/main/import/html-tree'
import { articleFromMarkdown } from '../../src/main/import/markdown'
import type { NewArticle } from '../../src/main/workspace/workspace'
import { fixturePath } from '../helpers/temp-dir'
import { blocksAreConsistent, blocksOf } from './helpers'

const file = { kind: 'file' as const, name: 'page.html' }
const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`
const numbersOf = (article: NewArticle) => article.body.blocks.map((block) => block.number ?? null)
const links = (article: NewArticle) =>
  (article.body.links ?? []).map((link) => [article.body.text.slice(link.start, link.end), 'url' in link ? link.url : link.block] as const)

describe('numbered lists', () => {
  it('numbers the items of an <ol>, following start, value and reversed; bullet lists stay unnumbered', () => {
    const article = articleFromHtml(
      page(`<ol start="5"><li>five</li><li value="9">nine</li><li>ten</li></ol>
        <ol reversed><li>three</li><li>two</li><li>one</li></ol>
        <ul><li>bullet</li></ul>
        <ol><li>outer<ul><li>inner bullet</li></ul>still outer</li><li>second</li></ol>`),
      { origin: file }
    )
    expect(blocksOf(article).map(([, text]) => text)).toEqual(['five', 'nine', 'ten', 'three', 'two', 'one', 'bullet', 'outer', 'inner bullet', 'still outer', 'second'])
    expect(numbersOf(article)).toEqual([5, 9, 10, 3, 2, 1, null, 1, null, null, 2])
  })

  it('numbers Markdown ordered lists, from their first number', () => {
    const article = articleFromMarkdown('Steps:\n\n3. Open the file\n4. Read it\n\n- a bullet\n', { origin: { kind: 'file', name: 'steps.md' } })
    expect(blocksOf(article)).toEqual([['p', 'Steps:'], ['li', 'Open the file'], ['li', 'Read it'], ['li', 'a bullet']])
    expect(numbersOf(article)).toEqual([null, 3, 4, null])
  })
})

describe('headings', () => {
  it('keeps h4, h5 and h6, in HTML and in Markdown', () => {
    expect(blocksFromHtml('<h4>Four</h4><h5>Five</h5><h6>Six</h6>').map((part) => part.kind)).toEqual(['h4', 'h5', 'h6'])
    const markdown = articleFromMarkdown('Intro\n\n#### Four\n\n##### Five\n\n###### Six\n', { origin: { kind: 'file', name: 'h.md' } })
    expect(blocksOf(markdown)).toEqual([['p', 'Intro'], ['h4', 'Four'], ['h5', 'Five'], ['h6', 'Six']])
  })
})

describe('page furniture', () => {
  it('drops tables of contents, skip links, navigation landmarks and hidden text', () => {
    const article = articleFromHtml(
      page(`<a href="#main">Skip to main content</a>
        <div role="navigation"><a href="/">Home</a> · <a href="/news">News</a></div>
        <main id="main"><h1>Harbour budget</h1>
        <div id="toc" class="toc" role="navigation"><h2>Contents</h2><ul><li><a href="#Costs">1 Costs</a></li></ul></div>
        <p>The harbour budget rose by 12% this year, the council said.</p>
        <p hidden>Hidden promotion</p><p style="display: none">Also hidden</p><span aria-hidden="true">★★★</span>
        <h2 id="Costs">Costs</h2><p>Dredging costs $2 million.</p></main>`),
      { origin: file }
    )
    expect(blocksOf(article)).toEqual([
      ['h1', 'Harbour budget'],
      ['p', 'The harbour budget rose by 12% this year, the council said.'],
      ['h2', 'Costs'],
      ['p', 'Dredging costs $2 million.']
    ])
  })
})

describe('title, site and date', () => {
  it('takes the headline for the title when the page title adds the site name, and the site name from it', () => {
    const article = articleFromHtml(
      page(`<header><h1>Budget vote delayed</h1></header><div class="content"><p>The council delayed the vote on the harbour budget to next week.</p></div>`, '<title>Budget vote delayed – Example Gazette</title>'),
      { origin: file }
    )
    expect(article.title).toBe('Budget vote delayed')
    expect(article.site).toBe('Example Gazette')
    expect(blocksOf(article)[0]).toEqual(['h1', 'Budget vote delayed'])
  })

  it('reads the site name and date from JSON-LD, and a date from <time datetime>', () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example Gazette' },
        { '@type': 'NewsArticle', headline: 'Harbour budget', datePublished: '2026-02-01T08:00:00Z', author: [{ '@type': 'Person', name: 'Ana Ruiz' }] }
      ]
    })}</script>`
    const withLd = articleFromHtml(page('<article><p>The harbour budget rose by 12% this year.</p></article>', jsonLd), { origin: file })
    expect(withLd).toMatchObject({ site: 'Example Gazette', publishedAt: '2026-02-01T08:00:00Z', byline: 'Ana Ruiz', title: 'Harbour budget' })
    const withTime = articleFromHtml(page('<article><p>Posted <time datetime="2026-03-04">4 March</time>: the harbour budget rose.</p></article>'), { origin: file })
    expect(withTime.publishedAt).toBe('2026-03-04')
  })
})

describe('links', () => {
  it('keeps web links and in-page links as spans of the text, trimmed, split where a link spans blocks', () => {
    const article = articleFromHtml(
      page(`<p>See <a href="https://example.org/report"> the report </a> and <a href="#n1">note 1</a>.</p>
        <a href="https://example.org/long"><p>First linked paragraph.</p><p>Second linked paragraph.</p></a>
        <ol><li id="n1">The note.</li></ol>`),
      { origin: file }
    )
    expect(links(article)).toEqual([
      ['the report', 'https://example.org/report'],
      ['note 1', 3],
      ['First linked paragraph.', 'https://example.org/long'],
      ['Second linked paragraph.', 'https://example.org/long']
    ])
  })

  it('resolves relative links only when the page says where it lives; drops other schemes and credentials', () => {
    const body = `<p><a href="/about">About</a>, <a href="https://example.org/a">absolute</a>, <a href="mailto:desk@example.org">mail</a>,
      <a href="javascript:alert(1)">script</a>, <a href="data:text/html,x">data</a>, <a href="https://u:p@example.org/">creds</a>,
      <a href="#nowhere">nowhere</a>.</p>`
    expect(links(articleFromHtml(page(body), { origin: file }))).toEqual([['absolute', 'https://example.org/a']])
    const based = articleFromHtml(page(body, '<base href="https://news.example.com/section/">'), { origin: file })
    expect(links(based)).toEqual([
      ['About', 'https://news.example.com/about'],
      ['absolute', 'https://example.org/a']
    ])
    const fetched = articleFromHtml(page(body), { origin: { kind: 'url', url: 'https://news.example.com/story' }, baseUrl: 'https://news.example.com/story' })
    expect(links(fetched)[0]).toEqual(['About', 'https://news.example.com/about'])
  })

  it('keeps a Word document’s links (footnotes too), but no Markdown links', () => {
    expect(links(articleFromHtml(page('<p>Fact<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1">Source</li></ol>'), { origin: file }))).toEqual([['[1]', 1]])
    expect(blocksFromHtml('<p><a href="https://example.org/x">linked</a></p>', { links: true })[0]!.links).toEqual([{ start: 0, end: 6, url: 'https://example.org/x' }])
    expect(blocksFromHtml('<p><a href="https://example.org/x">linked</a></p>')[0]!.links).toBeUndefined()
  })
})

describe('hostile markup on every path', () => {
  const ACTIVE = ['<script', 'onerror', 'onload', 'iframe', '<form', 'javascript:', '127.0.0.1:9', '__pwned', 'alert(1)']
  const check = (article: NewArticle) => {
    const json = JSON.stringify(article).toLowerCase()
    for (const needle of ACTIVE) expect(json, needle).not.toContain(needle)
    expect(article.body.text).not.toContain('Home')
    expect(article.body.text).not.toContain('Subscribe')
    expect(article.body.text).toContain('The city council voted 7–2 on Monday')
    expect(blocksAreConsistent(article)).toBe(true)
  }

  it('keeps nothing active from a page too large for Readability', async () => {
    const hostile = await readFile(fixturePath('hostile-markup.html'), 'utf8')
    const filler = Array.from({ length: READABILITY_MAX_ELEMENTS + 100 }, (_, i) => `<p>Filler paragraph ${i}.</p>`).join('')
    const article = articleFromHtml(hostile.replace('</article>', `${filler}</article>`), { origin: file })
    expect(article.body.blocks.length).toBeGreaterThan(READABILITY_MAX_ELEMENTS)
    check(article)
  })

  it('keeps nothing active from a page nested past the depth where nesting is flattened', async () => {
    const hostile = await readFile(fixturePath('hostile-markup.html'), 'utf8')
    const depth = MAX_DEPTH + 50
    const article = articleFromHtml(hostile.replace('<article>', `${'<div>'.repeat(depth)}<article>`).replace('</article>', `</article>${'</div>'.repeat(depth)}`), { origin: file })
    check(article)
    expect(blocksOf(article)).toContainEqual(['p', 'Residents can comment until 15 March.'])
  })
})

describe('joining blocks and their links', () => {
  it('makes offsets global, sorted and non-overlapping, resolves anchors and drops what points nowhere', () => {
    const body = bodyFromBlocks([
      { kind: 'p', text: 'Alpha beta gamma', links: [{ start: 6, end: 10, anchor: 'ref' }, { start: 0, end: 5, url: 'https://a.example/' }, { start: 2, end: 8, url: 'https://overlap.example/' }, { start: 11, end: 99, url: 'https://clipped.example/' }] },
      { kind: 'li', text: 'Reference', number: 7, anchors: ['ref'], links: [{ start: 0, end: 3, anchor: 'missing' }] },
      { kind: 'li', text: 'Too big', number: 2_000_000 }
    ])
    expect(body.text).toBe('Alpha beta gamma\n\nReference\n\nToo big')
    expect(body.blocks).toEqual([
      { kind: 'p', start: 0, end: 16 },
      { kind: 'li', start: 18, end: 27, number: 7 },
      { kind: 'li', start: 29, end: 36 }
    ])
    expect(body.links).toEqual([
      { start: 0, end: 5, url: 'https://a.example/' },
      { start: 6, end: 10, block: 1 },
      { start: 11, end: 16, url: 'https://clipped.example/' }
    ])
    expect(bodyFromBlocks([{ kind: 'p', text: 'No links' }])).toEqual({ text: 'No links', blocks: [{ kind: 'p', start: 0, end: 8 }] })
  })
})
