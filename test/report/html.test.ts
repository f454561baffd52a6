import { describe, expect, it } from 'vitest'
import { ArticleDoc } from '../../src/core/model'
import { escapeHtml, exportHtml } from '../../src/core/report/html'
import { sampleDoc, sampleOptions } from './sample-doc'

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'wbr'])

/** Checks that every element is closed in the order it was opened (no `<a><b></a></b>`). */
function expectWellNested(html: string) {
  const stack: string[] = []
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    const [, closing, tag] = m as unknown as [string, string, string]
    if (VOID.has(tag)) continue
    if (closing) expect(`${stack.pop()} at ${m.index}`).toBe(`${tag} at ${m.index}`)
    else stack.push(tag)
  }
  expect(stack).toEqual([])
}

const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '')

/**
 * The article's marks, read back: for each claim, the text of all its pieces (footnote numbers left out), and
 * the ids of the claims that were open around each piece.
 */
function readMarks(articleHtml: string) {
  const text = new Map<string, string>()
  const pieces = new Map<string, number>()
  const outside = new Map<string, Set<string>>()
  const stack: string[] = []
  let inSup = 0
  for (const m of articleHtml.matchAll(/<(\/?)(mark|sup)\b([^>]*)>|([^<]+)|<[^>]*>/g)) {
    const [, closing, tag, attrs, chunk] = m
    if (tag === 'sup') inSup += closing ? -1 : 1
    else if (tag === 'mark' && closing) stack.pop()
    else if (tag === 'mark') {
      const id = /data-claim="([^"]+)"/.exec(attrs!)![1]!
      pieces.set(id, (pieces.get(id) ?? 0) + 1)
      const around = outside.get(id) ?? new Set<string>()
      for (const s of stack) around.add(s)
      outside.set(id, around)
      stack.push(id)
    } else if (chunk && !inSup) {
      for (const id of stack) text.set(id, (text.get(id) ?? '') + unescape(chunk))
    }
  }
  return { text, pieces, outside }
}

const articleSection = (html: string) => /<section class="article"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''

describe('exportHtml', () => {
  const doc = sampleDoc()
  const html = exportHtml(doc, sampleOptions({ includeHistory: true }))

  it('is one self-contained document: strict CSP, inline style, no script, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<link\b/i)
    expect(html).not.toMatch(/\bsrc\s*=/i)
    expect(html).not.toMatch(/url\(/i)
    expect(html).not.toMatch(/@import/i)
    expect(html).not.toMatch(/<(iframe|object|embed|img|video|audio|form)\b/i)
    expect(html).not.toMatch(/\son[a-z]+\s*=/i) // no event handler attributes
    expect(html.match(/<style>/g)).toHaveLength(1)
    expectWellNested(html.replace(/<!DOCTYPE html>/, '').replace(/<style>[\s\S]*<\/style>/, ''))
  })

  it('links only web addresses, escaped for the attribute', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)
    for (const href of hrefs) expect(href).toMatch(/^(#[a-z0-9-]+|https?:\/\/)/)
    expect(hrefs).toContain('https://www.belstat.gov.by/en/search?q=export&amp;year=2017')
    expect(hrefs).toContain('https://news.example.org/wire/roundup?id=42&amp;lang=en')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('javascript:alert(1)') // shown as the text it is
    expect(html).toContain('&lt;b&gt;Customs&lt;/b&gt; report</a>')
  })

  it('shows the header, the summary per verdict with icon and label, and every claim section', () => {
    expect(html).toContain('<h1 dir="auto">Trade &quot;boom&quot;, tariffs,\nand a 🌍 roundup</h1>')
    expect(html).toContain('<title>Fact-check: Trade &quot;boom&quot;, tariffs, and a 🌍 roundup</title>')
    expect(html).toContain('Ana Petrova, Bashir Haddad, Chen Wei')
    expect(html).toContain('Example Checks')
    expect(html).toContain('14 August 2017')
    expect(html).toContain('10 of 12 reviewed — 3 verified, 3 disputed, 2 needs context, 2 unverifiable')
    expect(html).toMatch(/<span class="icon" aria-hidden="true">✓<\/span>Verified<\/span><\/td><td class="n">3<\/td>/)
    expect(html).toMatch(/<span class="icon" aria-hidden="true">○<\/span>Unreviewed<\/span><\/td><td class="n">2<\/td>/)
    for (const claim of doc.claims) {
      expect(html.match(new RegExp(`<article class="claim v-${claim.verdict}" id="claim-${claim.id}"`, 'g'))).toHaveLength(1)
    }
    // Notes keep their text and line breaks, escaped.
    expect(html).toContain(escapeHtml(doc.claims.find((c) => c.id === 'claim-b')!.notes[0]!.text))
  })

  it('marks every claim in the article so that its pieces, nested properly, give back its quote', () => {
    const article = articleSection(html)
    const { text, pieces, outside } = readMarks(article)
    for (const claim of doc.claims) {
      // Block separators are not part of any block, so a claim across two blocks loses its blank line.
      expect(text.get(claim.id), claim.id).toBe(claim.quote.exact.replace(/\n\n/g, ''))
      expect(article.match(new RegExp(`id="ref-${claim.id}"`, 'g')), claim.id).toHaveLength(1)
      expect(article.match(new RegExp(`<a href="#claim-${claim.id}"`, 'g')), claim.id).toHaveLength(1)
    }
    // claim-b crosses claim-a, so one of its pieces sits inside claim-a and another after it.
    expect(pieces.get('claim-b')).toBe(2)
    expect(outside.get('claim-b')).toEqual(new Set(['claim-a']))
    // Nested: claim-a2 and claim-f inside the claims around them; claim-i is cut by the block boundary.
    expect(outside.get('claim-a2')).toEqual(new Set(['claim-a']))
    expect(outside.get('claim-f')).toEqual(new Set(['claim-e']))
    expect(pieces.get('claim-i')).toBe(2)
    // Identical ranges nest, in article order.
    expect(outside.get('claim-k')).toEqual(new Set(['claim-j']))
    expect(article).toContain('<h4 class="a-h2" dir="auto">Multilingual wire roundup 🌍</h4>')
    expect(article).toMatch(/<ul>\s*<li dir="auto">Family emoji/)
  })

  it('follows the options', () => {
    const plain = exportHtml(doc, sampleOptions())
    expect(plain).not.toContain('<h4>History</h4>')
    expect(plain).not.toContain('Other changes')
    expect(html).toContain('<h4>History</h4>')
    expect(html).toContain('set the verdict to Disputed (was Unreviewed)')
    expect(html).toContain('Other changes')
    expect(html).toContain('deleted the claim “\u2068Tokyo\u2069”')

    const reviewedOnly = exportHtml(doc, sampleOptions({ includeUnreviewed: false }))
    for (const id of ['claim-g', 'claim-h']) {
      expect(reviewedOnly).not.toContain(`id="claim-${id}"`)
      expect(reviewedOnly).not.toContain(`data-claim="${id}"`)
    }
    expect(reviewedOnly).toContain('id="claim-claim-i"')
    expect(reviewedOnly).toContain('2 unreviewed claims are counted here but not listed.')

    const noNotes = exportHtml(doc, sampleOptions({ includeNotes: false, includeHistory: true }))
    expect(noNotes).not.toContain('<h4>Notes</h4>')
    expect(noNotes).not.toContain('Customs says')
    expect(noNotes).toContain('added a note</li>')

    const claimsOnly = exportHtml(doc, sampleOptions({ articleMode: 'claims-only' }))
    expect(claimsOnly).not.toContain('<section class="article"')
    expect(claimsOnly).not.toContain('data-claim=')
    expect(claimsOnly).not.toContain('↑ in the article')
    for (const claim of doc.claims) expect(claimsOnly).toContain(`id="claim-${claim.id}"`)
    // Each claim still comes with its context.
    expect(claimsOnly).toContain('Minsk — <mark class="v-needs-context">Экспорт Беларуси</mark> в Казахстан')
  })

  it('escapes a hostile title and claimant everywhere', () => {
    const hostile = ArticleDoc.parse({
      ...doc,
      article: { ...doc.article, title: '</title><script>alert("t")</script> "q", a\nb' },
      claims: doc.claims.map((c) => ({ ...c, claimant: '<img src=x onerror=alert(2)>' }))
    })
    const out = exportHtml(hostile, sampleOptions())
    expect(out).not.toMatch(/<script|<img/i)
    expect(out).toContain('<title>Fact-check: &lt;/title&gt;&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &quot;q&quot;, a b</title>')
    expect(out).toContain('&lt;img src=x onerror=alert(2)&gt;')
  })
})
