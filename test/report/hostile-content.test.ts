// Every report format over a document whose every piece of user text is hostile (test/helpers/hostile-strings.ts):
// the article, its title, site and byline, claims on each vector, their conclusions, claimants, tags, notes and
// sources, reviewers' names, verdict labels and the organisation. Each report must carry the strings as text.
// The HTML (and the Markdown, rendered as a reader would) is compared element by element with a twin document
// whose strings are harmless letters of the same length: any element or attribute that only the hostile one has
// came from a vector. PDF is the HTML report printed by Chromium, which unit tests do not start: the e2e spec
// (e2e/hostile-content.spec.ts) prints and checks it.

import { parse as parseCsv } from 'csv-parse/sync'
import { JSDOM, VirtualConsole } from 'jsdom'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { checkSourceUrl } from '../../src/core/links'
import { ArticleDoc, VERDICTS, type Claim, type OperationBody, type Source, type Verdict } from '../../src/core/model'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { exportClaimReview, exportCsv, exportHtml, exportMarkdown, exportW3c, reportFileName, type ReportOptions } from '../../src/core/report'
import { guardCell } from '../../src/core/report/csv'
import { asUtf8, HOSTILE_LINES, LONG_WORD, ODD, PWN, TAG_VECTORS, VECTORS, VECTOR_ELEMENTS } from '../helpers/hostile-strings'
import { ANA, BASHIR, CHEN, at, change, forcedSource, imported, sampleOptions } from './sample-doc'

/** The same string made harmless: every character but letters, digits and spaces becomes "a" (lengths kept). */
const benign = (text: string) => text.replace(/[^A-Za-z0-9 ]/g, 'a')
type Words = (text: string) => string

const KINDS = ['p', 'h2', 'blockquote', 'li', 'p'] as const
const LINES = [...HOSTILE_LINES, LONG_WORD]
const NAME = `<img src=x onerror=${PWN}>`
const MD_IMAGE = VECTORS.findIndex((x) => x.name === 'md-image')
const REVIEWED: Verdict[] = ['verified', 'disputed', 'needs-context', 'unverifiable']

/**
 * The document, made as the app makes it (an import, then stamped operations), with `words` applied to every
 * string a person could have typed or an article could have held. Claim i is on line i of the article.
 */
function hostileDoc(words: Words): ArticleDoc {
  const lines = LINES.map(words)
  const body = bodyFromBlocks(lines.map((text, i) => ({ kind: KINDS[i % KINDS.length]!, text })))
  const span = (i: number) => ({ start: body.blocks[i]!.start, end: body.blocks[i]!.end })
  let doc = imported({
    id: 'hostile',
    title: words(VECTORS[0]!.text),
    text: body.text,
    blocks: body.blocks,
    origin: { kind: 'url', url: `https://news.example.org/story?q=${words(VECTORS[20]!.text)}` },
    site: words(VECTORS[3]!.text),
    byline: words(VECTORS[12]!.text),
    dateline: words(VECTORS[35]!.text),
    publishedAt: words(VECTORS[2]!.text),
    // A web link whose address holds a vector, over the Markdown image vector (link text is where marked slipped).
    links: [{ ...span(MD_IMAGE), url: `https://example.org/?q=${words(VECTORS[5]!.text)}` }]
  })
  // A link no import keeps and no store lets in (see sample-doc's structuredDoc): still plain text in every report.
  doc = { ...doc, article: { ...doc.article, links: [...doc.article.links!, { ...span(2), url: `javascript:${words(PWN)}` }] } }
  // Reviewers known by hostile names (ids stay ids): every "by" in every report is one of these.
  const who = [ANA, BASHIR, CHEN]
  const names: Record<string, string> = { [ANA]: words(NAME), [BASHIR]: words(VECTORS[21]!.text), [CHEN]: words(VECTORS[44]!.text) }
  let minute = 1
  const by = (i: number) => who[i % who.length]!
  const run = (i: number, body: OperationBody) => (doc = change(doc, by(i), minute++, body, names[by(i)]))

  run(0, { type: 'article.rename', title: words(VECTORS[1]!.text), previous: doc.article.title })
  lines.forEach((line, i) => {
    const id = `claim-${String(i).padStart(3, '0')}`
    const { start, end } = span(i)
    const claim: Claim = {
      id, ...createSelectors(doc.article.text, start, end), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [],
      createdBy: '', createdAt: at(minute), updatedAt: at(minute)
    }
    run(i, { type: 'claim.create', claim })
    // One claim left unreviewed, the rest across the four verdicts that ClaimReview publishes.
    if (i !== 7) run(i, { type: 'claim.setVerdict', claimId: id, verdict: REVIEWED[i % REVIEWED.length]!, previous: 'unreviewed' })
    run(i, { type: 'claim.setConclusion', claimId: id, conclusion: line.slice(0, 5_000), previous: '' })
    run(i, { type: 'claim.setClaimant', claimId: id, claimant: words(HOSTILE_LINES[(i + 1) % HOSTILE_LINES.length]!), previous: '' })
    run(i, { type: 'claim.setTags', claimId: id, tags: [words(TAG_VECTORS[i % TAG_VECTORS.length]!.text), words(TAG_VECTORS[(i + 3) % TAG_VECTORS.length]!.text)], previous: [] })
    run(i, { type: 'claim.addNote', claimId: id, note: { id: `note-${i}`, text: line, by: '', at: at(minute) } })
    const url = checkSourceUrl(`https://example.org/?q=${words(VECTORS[i % VECTORS.length]!.text)}`)
    if (!url.ok) throw new Error(url.message)
    const source: Source = {
      id: `source-${i}`, url: url.url, title: line.slice(0, 1_000), publisher: words(VECTORS[(i + 5) % VECTORS.length]!.text),
      excerpt: `${line}\n${words(VECTORS[(i + 9) % VECTORS.length]!.text)}`, stance: (['supports', 'refutes', 'context'] as const)[i % 3]!,
      accessedAt: '2026-11-27', by: '', at: at(minute)
    }
    run(i, { type: 'claim.addSource', claimId: id, source })
  })
  // All of it in one note, one line each: every line-start rule of Markdown meets every vector.
  run(0, { type: 'claim.addNote', claimId: 'claim-000', note: { id: 'note-all', text: lines.slice(0, -1).join('\n'), by: '', at: at(minute) } })
  run(1, { type: 'claim.editNote', claimId: 'claim-001', noteId: 'note-1', text: words(VECTORS[30]!.text), previous: lines[1]! })
  // Formula starts that the app's fields trim away, straight into an operation: a tab, then "=".
  run(2, { type: 'claim.setClaimant', claimId: 'claim-002', claimant: words('\t=1+1'), previous: doc.claims[2]!.claimant })
  // A deleted claim, so "Other changes" quotes a vector too.
  run(3, { type: 'claim.delete', claimId: 'claim-003', claim: doc.claims[3]! })
  // A source that is not a web link, put straight into the document (no store lets one in): shown as text.
  doc = forcedSource(doc, 'claim-004', {
    id: 'source-bad', url: `javascript:${words(PWN)}`, title: words(VECTORS[9]!.text), publisher: '', excerpt: '', stance: 'context',
    accessedAt: '2026-11-27', by: 'r-ana', at: at(minute)
  })
  return ArticleDoc.parse(doc)
}

function hostileOptions(words: Words, partial: Partial<ReportOptions> = {}): ReportOptions {
  return sampleOptions({
    includeHistory: true,
    organisation: words(VECTORS[24]!.text),
    claimReviewBaseUrl: `https://checks.example.org/r?q=${words(VECTORS[20]!.text)}`,
    verdictLabels: Object.fromEntries(VERDICTS.map((v, i) => [v, words(VECTORS[40 + i]!.text)])) as Record<Verdict, string>,
    ...partial
  })
}

const doc = hostileDoc((s) => s)
const twin = hostileDoc(benign)
const options = hostileOptions((s) => s)
const twinOptions = hostileOptions(benign)

/** jsdom's console stays quiet (it cannot parse the report's modern CSS, which is not what is tested here). */
const page = (html: string, options: ConstructorParameters<typeof JSDOM>[1] = {}) => new JSDOM(html, { virtualConsole: new VirtualConsole(), ...options }).window

/** Each element as its tag and attribute names, in document order: the structure, without any text or value. */
const structure = (root: Element) => [root, ...root.querySelectorAll('*')].map((e) => `${e.tagName.toLowerCase()}[${e.getAttributeNames().sort().join(' ')}]`)

/** What the vectors would leave behind if any one were parsed: their elements, handlers and script URLs. */
function expectNothingFromVectors(root: Element, allowed: Partial<Record<(typeof VECTOR_ELEMENTS)[number], number>> = {}) {
  const counts = Object.fromEntries(VECTOR_ELEMENTS.filter((t) => t !== 'a').map((t) => [t, root.querySelectorAll(t.replace(':', '\\:')).length]))
  expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((t) => [t, allowed[t as keyof typeof allowed] ?? 0])))
  const problems: string[] = []
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name)!
      if (/^on|^(src|srcdoc|formaction|action|xlink:href|autofocus|data)$/i.test(name)) problems.push(`<${element.tagName} ${name}>`)
      // The summary bar's widths are the report's only inline style.
      if (name === 'style' && !/^width:\d+(\.\d+)?%$/.test(value)) problems.push(`<${element.tagName} style="${value}">`)
      if (/^\s*(javascript|data|vbscript):/i.test(value)) problems.push(`<${element.tagName} ${name}="${value}">`)
      // Links go to the web or within the page. (marked decodes entities in a destination, so an address may read
      // "<" or a tab there: still an attribute value, still an http(s) link.)
      if (name === 'href' && !/^(https?:\/\/\S|#[a-z0-9-]+$)/.test(value)) problems.push(`<${element.tagName} href="${value}">`)
    }
  }
  expect(problems).toEqual([])
}

/** The HTML report's own elements among those a vector could make: its head, and the summary's table. */
const REPORT_OWN = { style: 1, meta: 5, title: 1, body: 1, table: 1 }

/** Text as a reader sees it in a page: runs of white space are one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ')

// Big documents through jsdom: seconds, not the default 5.
describe('every report over hostile content shows it as text', { timeout: 60_000 }, () => {
  it('builds the document through the same checks as the app, claims on every line', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(50)
    expect(doc.claims).toHaveLength(LINES.length - 1)
    expect(doc.claims.find((c) => c.id === 'claim-010')!.quote.exact).toBe(LINES[10])
    expect(doc.article.text).toContain(ODD.surrogates)
    expect(doc.article.text).toContain('\u0000')
  })

  describe('HTML', () => {
    const html = exportHtml(doc, options)
    const dom = page(html).document

    it('has exactly the elements and attributes of the same report over harmless text', () => {
      const harmless = page(exportHtml(twin, twinOptions)).document
      expect(structure(dom.documentElement)).toEqual(structure(harmless.documentElement))
      expectNothingFromVectors(dom.documentElement, REPORT_OWN)
      // The same for the report without the article (each claim's words in context instead).
      const claimsOnly = page(exportHtml(doc, { ...options, articleMode: 'claims-only' })).document
      expectNothingFromVectors(claimsOnly.documentElement, REPORT_OWN)
      expect(structure(claimsOnly.documentElement)).toEqual(structure(page(exportHtml(twin, { ...twinOptions, articleMode: 'claims-only' })).document.documentElement))
    })

    it('shows every string as its own text: notes, quotes, fields, sources, names, labels', () => {
      // The HTML parser drops NUL from text (it cannot be written in HTML at all); every other character stays.
      const shown = (text: string) => text.replaceAll('\u0000', '')
      const notes = [...dom.querySelectorAll('.note-text')].map((n) => n.textContent)
      const articleBlocks = [...dom.querySelectorAll('.article-text > :is(p, h4, blockquote), .article-text li')].map((b) => b.textContent!.replace(/[✓✗⚠?○]\d+$/, ''))
      for (const [i, line] of LINES.entries()) {
        if (i === 3) continue // the deleted claim
        if (i !== 1) expect(notes, `note ${i}`).toContain(shown(line))
        expect(articleBlocks[i], `block ${i}`).toBe(shown(line))
      }
      expect(notes).toContain(shown(LINES.slice(0, -1).join('\n')))
      const text = squash(dom.body.textContent!)
      for (const vector of VECTORS) expect(text, vector.name).toContain(squash(vector.text))
      expect(dom.querySelector('h1')!.textContent).toBe(VECTORS[1]!.text)
      expect(dom.title).toBe(`Fact-check: ${VECTORS[1]!.text}`)
      expect(text).toContain(NAME)
      expect([...dom.querySelectorAll('.badge')].map((b) => b.textContent!.slice(1))).toContain(VECTORS[41]!.text)
      expect([...dom.querySelectorAll('.tag')].map((t) => t.textContent)).toContain(TAG_VECTORS[0]!.text)
      expect([...dom.querySelectorAll('.source-title')].some((s) => s.textContent!.includes(`Context${VECTORS[9]!.text}`))).toBe(true)
      expect(text).toContain(`javascript:${PWN}`) // the bad source's address, as words
    })

    it('runs nothing when loaded with scripts enabled and no CSP to help', () => {
      // jsdom ignores the report's CSP meta, so this is escaping alone: any <script> or handler would run here.
      const loaded = page(html, {
        runScripts: 'dangerously',
        beforeParse(window) {
          Object.assign(window, { alert: () => Object.assign(window, { __alerted: true }) })
        }
      }) as unknown as { __pwned?: number; __alerted?: boolean; document: Document }
      expect(loaded.__pwned).toBeUndefined()
      expect(loaded.__alerted).toBeUndefined()
      expect(loaded.document.scripts.length).toBe(0)
    })
  })

  describe('Markdown', () => {
    const md = exportMarkdown(doc, options)

    it('escapes every tag: no raw HTML survives outside the <https://…> link destinations', () => {
      const outsideDestinations = md.replace(/\]\(<https?:\/\/[^>\s]*>\)/g, '](…)')
      expect(outsideDestinations).not.toMatch(/(?<!\\)<[a-z!?/]/i)
      expect(outsideDestinations).not.toMatch(/(?<!\\)\]\((?!…\))/) // every link goes to an http(s) address
      // The characters themselves are all there, escaped: read back, each line of the long note is the line.
      const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1')
      for (const line of HOSTILE_LINES) expect(unescape(md), line).toContain(squash(line).trim())
    })

    it('renders (as CommonMark with GFM) to text only: the same elements as the report over harmless text', async () => {
      const render = async (markdown: string) => {
        const body = new JSDOM(`<body>${await marked.parse(markdown)}</body>`).window.document.body
        // GFM links any bare http(s) address in running text (three vectors hold one). Those links are only ever to
        // http(s) and are their own words: set aside here, so that the structure compares what escaping controls.
        for (const a of body.querySelectorAll('a')) {
          if (/^https?:\/\/[^\s]*$/.test(a.getAttribute('href')!) && a.textContent!.startsWith(a.getAttribute('href')!.slice(0, 12))) a.replaceWith(a.textContent!)
        }
        return body
      }
      const body = await render(md)
      // Line breaks aside: after a bare address, GFM's link takes in the backslash of a hard break too.
      const withoutBreaks = (root: Element) => structure(root).filter((e) => e !== 'br[]')
      expect(withoutBreaks(body)).toEqual(withoutBreaks(await render(exportMarkdown(twin, twinOptions))))
      expectNothingFromVectors(body, { table: 1 })
      // Every vector reads as its own text; in those with a bare address, GFM's link keeps the escapes after it.
      const text = squash(body.textContent!)
      for (const vector of VECTORS.filter((x) => !x.text.includes('://'))) expect(text, vector.name).toContain(squash(vector.text))
    })
  })

  describe('CSV', () => {
    const rows = parseCsv(exportCsv(doc, options), { columns: true, relax_column_count: false }) as Record<string, string>[]

    it('starts no cell with = + - @, tab or CR: those get the apostrophe that makes them text', () => {
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) expect(cell, `${column} of claim ${row.ID}`).not.toMatch(/^[=+\-@\t\r]/)
      }
      const claimant2 = rows.find((r) => r.ID === 'claim-002')!
      expect(claimant2.Claimant).toBe("'\t=1+1")
      const formula = VECTORS.find((x) => x.name === 'csv-hyperlink')!.text
      const onFormula = rows.find((r) => r.Quote!.includes('HYPERLINK'))!
      expect(onFormula.Quote).toBe(`'${formula}`)
      expect(onFormula.Conclusion).toBe(`'${formula}`)
    })

    it('keeps every other string exactly, apostrophe aside', () => {
      for (const row of rows) {
        const claim = doc.claims.find((c) => c.id === row.ID)!
        // csv-parse reads UTF-8 bytes, as any reader of the file does: a lone surrogate is U+FFFD there.
        expect(row.Quote).toBe(asUtf8(guardCell(claim.quote.exact)))
        expect(row.Conclusion).toBe(asUtf8(guardCell(claim.conclusion)))
        expect(row.Claimant).toBe(asUtf8(guardCell(claim.claimant)))
        expect(row.Tags).toBe(asUtf8(guardCell(claim.tags.join('; '))))
        for (const note of claim.notes) expect(row.Notes).toContain(asUtf8(note.text))
        for (const source of claim.sources) expect(row.Sources).toContain(asUtf8(source.title))
      }
    })
  })

  it('names report files without controls or direction marks', () => {
    // "invoice\u202egpj.exe" shows as "invoiceexe.jpg" in a file manager: the classic spoof of an extension.
    for (const format of ['html', 'md', 'csv', 'w3c', 'claimreview'] as const) {
      const name = reportFileName(`${ODD.controls} ${ODD.bidi}`, format)
      expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/)
      expect(name).toMatch(/^nul\[ \] bel\[ \] bs\[ \] vt\[ \]/) // each mark one space, the words kept
    }
  })

  describe('JSON-LD', () => {
    const w3c = exportW3c(doc, options)
    const claimReview = exportClaimReview(doc, options)

    it('W3C: valid JSON whose strings are the originals, NUL and lone surrogates included', () => {
      const items = JSON.parse(w3c).first.items as { id: string; body: { purpose: string; value?: string; label?: string; source?: { label?: string } }[]; target: { selector: { exact?: string }[] } }[]
      expect(items).toHaveLength(doc.claims.length)
      for (const item of items) {
        const claim = doc.claims.find((c) => item.id.endsWith(`:${c.id}`))!
        expect(item.target.selector[0]!.exact).toBe(claim.quote.exact)
        const values = (purpose: string) => item.body.filter((b) => b.purpose === purpose).map((b) => b.value)
        expect(values('commenting')).toEqual(claim.notes.map((n) => n.text))
        expect(values('tagging')).toEqual(claim.tags)
        expect(values('describing')).toContain(claim.conclusion)
        expect(values('describing')).toContain(`Claimant: ${claim.claimant.trim()}`)
        expect(values('assessing')).toEqual([options.verdictLabels[claim.verdict]])
        const links = item.body.filter((b) => b.purpose === 'linking')
        for (const source of claim.sources.filter((s) => s.url.startsWith('https:'))) expect(links.map((l) => l.source!.label)).toContain(source.title.trim())
      }
    })

    it('ClaimReview: valid JSON whose strings are the originals', () => {
      const reviews = JSON.parse(claimReview) as { claimReviewed: string; reviewBody?: string; url: string; author: { name: string }; reviewRating: { alternateName: string }; itemReviewed: { author?: { name: string }; appearance?: { headline: string } } }[]
      const published = doc.claims.filter((c) => c.verdict !== 'unreviewed')
      expect(reviews.map((r) => r.claimReviewed)).toEqual(published.map((c) => c.quote.exact))
      reviews.forEach((review, i) => {
        const claim = published[i]!
        expect(review.reviewBody).toBe(claim.conclusion.trim())
        expect(review.itemReviewed.author?.name).toBe(claim.claimant.trim())
        expect(review.reviewRating.alternateName).toBe(options.verdictLabels[claim.verdict])
        expect(review.author.name).toBe(options.organisation)
        expect(review.itemReviewed.appearance?.headline).toBe(VECTORS[1]!.text)
        expect(review.url).toBe(`${options.claimReviewBaseUrl}#claim-${claim.id}`)
      })
    })

    it('can be pasted into a page as <script type="application/ld+json"> without a string ending the script', () => {
      // How ClaimReview is published (and JSON-LD in general is embedded): a "</script>" inside a string must not
      // close the element, so no "<" may appear raw. JSON's \u003c escape keeps the strings equal on parsing.
      for (const json of [claimReview, w3c]) {
        expect(json).not.toMatch(/[<>]/)
        const published = page(`<!DOCTYPE html><head><script type="application/ld+json">${json}</script></head><body></body>`).document
        expect(published.scripts).toHaveLength(1)
        expect(published.body.children).toHaveLength(0)
        expect(JSON.parse(published.scripts[0]!.textContent!)).toEqual(JSON.parse(json))
      }
    })
  })
})
