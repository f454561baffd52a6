// What a web page brings besides its words: headings down to h6, numbered references, and links — to the web,
// to another block (a footnote marker), and links that are not web links.

import { describe, expect, it } from 'vitest'
import { exportHtml } from '../../src/core/report/html'
import { exportMarkdown } from '../../src/core/report/markdown'
import { markClaim, sampleOptions, STRUCTURED, structuredDoc } from './sample-doc'

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'wbr'])

/** Every element closed in the order it was opened, and no link inside a link (a browser would split them). */
function expectWellNested(html: string) {
  const stack: string[] = []
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    const [, closing, tag] = m as unknown as [string, string, string]
    if (VOID.has(tag)) continue
    if (closing) expect(`${stack.pop()} at ${m.index}`).toBe(`${tag} at ${m.index}`)
    else {
      if (tag === 'a') expect(stack, `<a> inside <a> at ${m.index}`).not.toContain('a')
      stack.push(tag)
    }
  }
  expect(stack).toEqual([])
}

const body = (html: string) => html.replace(/<!DOCTYPE html>/, '').replace(/<style>[\s\S]*<\/style>/, '')
const articleText = (html: string) => /<div class="article-text">([\s\S]*?)<\/div>/.exec(html)![1]!

describe('HTML report of a structured article', () => {
  const doc = structuredDoc()
  const html = exportHtml(doc, sampleOptions())
  const article = articleText(html)

  it('keeps the heading scale: two levels below the report\'s own, h5 and h6 as h6 with their level as a class', () => {
    expect(article).toContain('<h3 class="a-h1" dir="auto">Trade report</h3>')
    expect(article).toContain('<h6 class="a-h4" dir="auto">Level four</h6>')
    expect(article).toContain('<h6 class="a-h5" dir="auto">Level five</h6>')
    expect(article).toContain('<h6 class="a-h6" dir="auto">Level six</h6>')
    // Each level has a size of its own, getting smaller.
    const size = (level: number) => Number(new RegExp(`\\.article-text \\.a-h${level} \\{ font-size: ([\\d.]+)pt`).exec(html)![1])
    for (let level = 1; level < 6; level++) expect(size(level)).toBeGreaterThan(size(level + 1))
  })

  it('renders a numbered list with its numbers and a bulleted one as bullets', () => {
    expect(article).toMatch(/<ol>\n<li value="1" dir="auto">Belstat, Foreign trade, 2017\.<\/li>\n<li id="block-6" value="2" dir="auto">Customs, <mark[^>]*>Annual report<\/mark><sup[\s\S]*?<\/sup>\.<\/li>\n<\/ol>\n<ul>\n<li dir="auto">A bullet<\/li>\n<li dir="auto">Another bullet<\/li>\n<\/ul>/)
  })

  it('links web addresses (escaped), footnote markers to their reference, and nothing else', () => {
    const href = 'https://www.belstat.gov.by/en/trade?y=2017&amp;m=6'
    expect(article).toContain(`<a href="${href}">according to</a></mark>`)
    expect(article).toContain(`<a href="#block-6">[2]</a>`)
    expect(article).toContain('id="block-6"')
    expect(article).toContain(', see the table.')
    expect(html).not.toContain('javascript:')
    // The claim crosses the link's start, so the link is cut in two pieces, both going to the same address.
    expect(article.match(new RegExp(`<a href="${href.replace(/[?.]/g, '\\$&')}">`, 'g'))).toHaveLength(2)
    expectWellNested(body(html))
  })

  it('puts the footnote of a claim that ends inside a link after the link, never a link inside a link', () => {
    const inside = markClaim(doc, 'claim-inside', 'according', 'disputed', 5)
    const out = exportHtml(inside, sampleOptions())
    expectWellNested(body(out))
    // "according" ends inside the link "according to Belstat": its footnote waits for the link's piece to close.
    expect(articleText(out)).toMatch(/data-claim="claim-inside"[^>]*>according<\/mark> to<\/a><sup class="fn v-disputed" dir="ltr"><a href="#claim-claim-inside"/)
  })

  it('shows a numbered item\'s number and the article\'s web links with a claim\'s context', () => {
    expect(html).toContain('<blockquote class="quote" dir="auto"><span class="item-no">2.</span> Customs, <mark class="v-disputed">Annual report</mark>.</blockquote>')
    const claimsOnly = exportHtml(doc, sampleOptions({ articleMode: 'claims-only' }))
    expect(claimsOnly).toContain('<a href="https://www.belstat.gov.by/en/trade?y=2017&amp;m=6">according to</a>')
    // Without the article in the report, a footnote marker has nowhere to go.
    expect(claimsOnly).not.toContain('href="#block-')
    expect(claimsOnly).toContain(' [2], see the table.')
  })
})

describe('Markdown report of a structured article', () => {
  const md = exportMarkdown(structuredDoc(), sampleOptions())

  it('quotes a claim in a numbered item as that item, and keeps web links in the context', () => {
    expect(md).toContain('> 2. Customs, **Annual report**.')
    expect(md).toContain(`> Exports **rose 12% [according to](<${STRUCTURED.webUrl}>)**[ Belstat](<${STRUCTURED.webUrl}>) \\[2\\], see the table.`)
    expect(md).not.toContain('javascript:')
  })
})

describe('an article link whose address would break out of its attribute', () => {
  it('is percent-encoded by the URL check, and escaped', () => {
    const doc = structuredDoc()
    const odd = { ...doc, article: { ...doc.article, links: [{ ...doc.article.links![0]!, url: 'https://example.org/a"onmouseover="x<b>' }] } }
    const html = exportHtml(odd, sampleOptions())
    expect(html).toContain('<a href="https://example.org/a%22onmouseover=%22x%3Cb%3E">according to</a>')
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(exportMarkdown(odd, sampleOptions())).toContain('[according to](<https://example.org/a%22onmouseover=%22x%3Cb%3E>)')
  })
})
