// After "Update text…", every format says where each claim stands: in place, moved, text changed, not found,
// and a verdict given for the earlier wording. The document is made by the same operations the app applies.

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { ArticleDoc, type Claim } from '../../src/core/model'
import { exportCsv } from '../../src/core/report/csv'
import { exportHtml } from '../../src/core/report/html'
import { exportMarkdown } from '../../src/core/report/markdown'
import { exportW3c } from '../../src/core/report/w3c'
import { revisedDoc, sampleOptions } from './sample-doc'

type Json = Record<string, any>

const doc = revisedDoc()
const claim = (id: string) => doc.claims.find((c) => c.id === id)!

/** One claim's card in the HTML report. */
const card = (html: string, id: string) => new RegExp(`<article class="claim[^"]*" id="claim-${id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? ''
const articleSection = (html: string) => /<section class="article"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
/** One claim's section in the Markdown report: from its heading to the next. */
const mdSection = (md: string, number: number) => new RegExp(`^### ${number}\\. [\\s\\S]*?(?=^### |^## |(?![\\s\\S]))`, 'm').exec(md)?.[0] ?? ''

describe('the test document', () => {
  it('has one claim of each placement, as reviseArticle and placeAnchor made them', () => {
    expect(claim('c-inplace').anchor).toBeUndefined()
    expect(claim('c-moved').anchor).toEqual({ status: 'moved', textChanged: false, previousExact: '25 years of diplomatic relations' })
    expect(claim('c-changed').anchor).toEqual({ status: 'moved', textChanged: true, previousExact: 'eight joint plants' })
    expect(claim('c-gone').anchor).toEqual({ status: 'orphaned', textChanged: false, previousExact: 'double the number of joint plants' })
    expect(claim('c-wording')).toMatchObject({ quote: { exact: '$295.1 million' }, verdictWording: '$294.6 million', verdict: 'verified' })
    expect(claim('c-wording').anchor).toBeUndefined()
    expect(doc.article.text).not.toContain('double the number')
  })
})

describe('HTML report', () => {
  const html = exportHtml(doc, sampleOptions())
  const article = articleSection(html)

  it('says a claim not found is not found, shows its earlier words apart from the text, and does not mark it', () => {
    const gone = card(html, 'c-gone')
    expect(gone).toContain('<p class="look-note look-not-found" role="note">Not found in the current text.</p>')
    expect(gone).toContain('<span class="look look-not-found">Not found</span>')
    // Its words with the text that was around them then, under a caption, in a box of its own.
    expect(gone).toContain('<p class="caption">Its words, in the text as it was:</p>')
    expect(gone).toMatch(/<blockquote class="quote earlier" dir="auto">Minsk hopes to <mark class="v-needs-context">double the number of joint plants<\/mark> by 2020\.<\/blockquote>/)
    // Not in the article: no mark, no footnote, no link back to one.
    expect(article).not.toContain('data-claim="c-gone"')
    expect(article).not.toContain('#claim-c-gone')
    expect(gone).not.toContain('↑ in the article')
    expect(article).toContain('One claim is not in the current text and so not marked in it')
  })

  it('says a claim whose text changed needs a re-check, with its earlier and current words', () => {
    const changed = card(html, 'c-changed')
    expect(changed).toContain('Text changed, re-check: its words are different in the current text.')
    expect(changed).toContain('<span class="look look-text-changed">Text changed</span>')
    expect(changed).toContain('<dt>Earlier words</dt><dd dir="auto">“\u2068eight joint plants\u2069”</dd>')
    expect(changed).toContain('<dt>Current words</dt><dd dir="auto">“\u2068nine joint plants\u2069”</dd>')
    expect(changed).toContain('Today Kazakhstan is home to <mark class="v-verified">nine joint plants</mark>')
    expect(article).toContain('data-claim="c-changed"')
  })

  it('says a moved claim moved, and that it may not be the same claim', () => {
    const moved = card(html, 'c-moved')
    expect(moved).toContain('Moved: found again in another place of the current text; check that it is the same claim.')
    expect(moved).toContain('<span class="look look-moved">Moved</span>')
    expect(moved).not.toContain('Earlier words')
  })

  it('gives a verdict for earlier words as given for them, and nothing more for a claim in place', () => {
    const wording = card(html, 'c-wording')
    expect(wording).toContain('<span class="wording">given for the earlier wording</span>')
    expect(wording).toMatch(/<dt>Verdict<\/dt><dd><span class="badge v-verified">.*Verified<\/span> given for the earlier wording: <span dir="auto">“\u2068\$294\.6 million\u2069”<\/span><\/dd>/)
    expect(wording).not.toContain('look-note')
    expect(article).toContain('title="Claim 4: Verified, given for the earlier wording"')
    const inPlace = card(html, 'c-inplace')
    expect(inPlace).not.toMatch(/look|wording|Earlier words/)
  })

  it('counts the claims that need a look in the summary', () => {
    expect(html).toContain('<p class="look-count">4 of 6 need a look — 1 moved, 1 text changed, 1 not found, 1 verdict given for the earlier wording.</p>')
  })
})

describe('Markdown report', () => {
  const md = exportMarkdown(doc, sampleOptions())

  it('heads each claim with where it stands and tells it in words', () => {
    expect(md).toContain('**4 of 6 need a look — 1 moved, 1 text changed, 1 not found, 1 verdict given for the earlier wording**')
    const numberOf = (id: string) => doc.claims.findIndex((c) => c.id === id) + 1
    const gone = mdSection(md, numberOf('c-gone'))
    expect(gone).toMatch(/^### \d\. ⚠ Needs context · Not found\n/)
    expect(gone).toContain('**Not found in the current text.**\n\n*Its words, in the text as it was:*\n\n> Minsk hopes to **double the number of joint plants** by 2020.')

    const changed = mdSection(md, numberOf('c-changed'))
    expect(changed).toMatch(/^### \d\. ✓ Verified · Text changed\n/)
    expect(changed).toContain('**Text changed, re-check: its words are different in the current text.**')
    expect(changed).toContain('- **Earlier words:** “eight joint plants”\n- **Current words:** “nine joint plants”')

    const moved = mdSection(md, numberOf('c-moved'))
    expect(moved).toContain('**Moved: found again in another place of the current text; check that it is the same claim.**')

    const wording = mdSection(md, numberOf('c-wording'))
    expect(wording).toMatch(/^### \d\. ✓ Verified \(given for the earlier wording\)\n/)
    expect(wording).toContain('- **Verdict:** ✓ Verified, given for the earlier wording: “$294.6 million”')

    const inPlace = mdSection(md, numberOf('c-inplace'))
    expect(inPlace).toMatch(/^### \d\. ✓ Verified\n\n> /)
  })
})

describe('CSV', () => {
  const [header, ...rows] = parse(exportCsv(doc, sampleOptions()), { record_delimiter: ['\r\n'] }) as string[][]
  const row = (id: string) => Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[1] === id)![i]!]))

  it('has a column for the placement, the earlier words, and the words a verdict was given for', () => {
    expect(row('c-inplace')).toMatchObject({ Placement: 'In place', 'Earlier words': '', 'Verdict given for the earlier wording': '' })
    expect(row('c-moved')).toMatchObject({ Placement: 'Moved', 'Earlier words': '25 years of diplomatic relations' })
    expect(row('c-changed')).toMatchObject({ Placement: 'Text changed', Quote: 'nine joint plants', 'Earlier words': 'eight joint plants' })
    expect(row('c-gone')).toMatchObject({ Placement: 'Not found', Quote: 'double the number of joint plants' })
    expect(row('c-wording')).toMatchObject({ Placement: 'In place', Quote: '$295.1 million', 'Verdict label': 'Verified', 'Verdict given for the earlier wording': '$294.6 million' })
  })

  it('gives no offsets for a claim not found: its stored ones would select other words of the current text', () => {
    expect(row('c-gone')).toMatchObject({ Start: '', End: '' })
    const changed = claim('c-changed')
    expect(row('c-changed')).toMatchObject({ Start: String(changed.position.start), End: String(changed.position.end) })
  })
})

describe('W3C Web Annotations', () => {
  const items = (JSON.parse(exportW3c(doc, sampleOptions())) as Json).first.items as Json[]
  const of = (id: string) => items.find((a) => a.id === `urn:factmark:claim:${id}`)!
  const bodies = (id: string, purpose: string) => (of(id).body as Json[]).filter((b) => b.purpose === purpose).map((b) => b.value)

  it('carries where a claim stands, and its earlier words, in bodies', () => {
    expect(bodies('c-gone', 'classifying')).toEqual(['Not found'])
    expect(bodies('c-gone', 'describing')).toEqual(['Not found in the current text. Earlier words: “double the number of joint plants”.'])
    expect(bodies('c-changed', 'classifying')).toEqual(['Text changed'])
    expect(bodies('c-changed', 'describing')).toEqual(['Text changed, re-check: its words are different in the current text. Earlier words: “eight joint plants”.'])
    expect(bodies('c-moved', 'classifying')).toEqual(['Moved'])
    expect(bodies('c-wording', 'describing')).toEqual(['Verdict given for the earlier wording: “$294.6 million”.'])
    expect(bodies('c-inplace', 'classifying')).toEqual([])
    expect(bodies('c-inplace', 'describing')).toEqual([])
  })

  it('targets a claim not found by its earlier words only, never by a position in the current text', () => {
    const gone = of('c-gone')
    expect(gone.target.selector).toEqual([{ type: 'TextQuoteSelector', ...claim('c-gone').quote }])
    expect(gone.target.selector[0].exact).toBe('double the number of joint plants')
    // The others still select their words by position too.
    expect(of('c-changed').target.selector.map((s: Json) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector'])
  })
})

describe('a claim not found whose stored position happens to select its very words in the current text', () => {
  // Not something reviseArticle makes, but a hand-edited or merged file may: the claim is still not found.
  const text = doc.article.text
  const start = text.indexOf('nine joint plants')
  const stray: Claim = {
    ...claim('c-gone'),
    id: 'c-stray',
    quote: { exact: 'nine joint plants', prefix: 'an earlier version said ', suffix: ' were planned' },
    position: { start, end: start + 'nine joint plants'.length },
    anchor: { status: 'orphaned', textChanged: false, previousExact: 'nine joint plants' }
  }
  const odd = ArticleDoc.parse({ ...doc, claims: [...doc.claims, stray] })

  it('is neither marked in the text nor shown with the current text around it, nor given a position', () => {
    const html = exportHtml(odd, sampleOptions())
    expect(articleSection(html)).not.toContain('data-claim="c-stray"')
    expect(card(html, 'c-stray')).toContain('an earlier version said <mark class="v-needs-context">nine joint plants</mark> were planned')
    expect(exportMarkdown(odd, sampleOptions())).toContain('> an earlier version said **nine joint plants** were planned')
    const annotation = ((JSON.parse(exportW3c(odd, sampleOptions())) as Json).first.items as Json[]).find((a) => a.id.endsWith('c-stray'))!
    expect(annotation.target.selector.map((s: Json) => s.type)).toEqual(['TextQuoteSelector'])
  })
})

describe('earlier words that look like markup', () => {
  const hostile = '<script>alert(1)</script> *x* [y](javascript:z)'
  const odd = ArticleDoc.parse({
    ...doc,
    claims: doc.claims.map((c) =>
      c.id === 'c-changed' ? { ...c, anchor: { ...c.anchor!, previousExact: hostile } } : c.id === 'c-wording' ? { ...c, verdictWording: `"${hostile}"` } : c
    )
  })

  it('are text in HTML and in Markdown', () => {
    const html = exportHtml(odd, sampleOptions())
    expect(html).not.toContain('<script')
    expect(html).toContain('“\u2068&lt;script&gt;alert(1)&lt;/script&gt; *x* [y](javascript:z)\u2069”')
    expect(html).toContain('&quot;\u2068&lt;script&gt;')
    const md = exportMarkdown(odd, sampleOptions())
    expect(md).toContain('- **Earlier words:** “\\<script\\>alert(1)\\</script\\> \\*x\\* \\[y\\](javascript:z)”')
    expect(md).not.toMatch(/(?<!\\)<script/)
  })
})
