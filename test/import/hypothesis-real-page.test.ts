import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importSummary } from '../../src/core/annotations/import-plan'
import type { ArticleDoc, Claim } from '../../src/core/model'
import { exportHtml } from '../../src/core/report/html'
import { defaultReportOptions } from '../../src/core/report/options'
import { importAnnotations, type AnnotationImport } from '../../src/main/import-annotations'
import { importUrl } from '../../src/main/import/url'
import { openWorkspace, type Workspace } from '../../src/main/workspace/workspace'
import { fixturePath } from '../helpers/temp-dir'

// A real Hypothesis export made on a real page. The page is the saved Wikipedia article that web-page.test.ts imports,
// served here on 127.0.0.1 and imported through the URL importer; the annotations are a Hypothesis API search response
// (`{ total, rows }`) made on that page as it stands in a browser: each quote's exact words, prefix and suffix, and its
// TextPositionSelector, are taken from the page's own textContent (menus, table of contents, "[edit]" links, styles
// and all), its RangeSelector from the page's markup. Factmark keeps only the article, so every position points
// somewhere else in its text: only the quotes and their context can place the claims.
const PAGE = 'wikipedia-regression-testing.html'
const ANNOTATIONS = 'hypothesis-regression-testing.json'
const URI = 'https://en.wikipedia.org/wiki/Regression_testing'
const IMPORTED_AT = '2024-06-01T12:00:00.000Z'

interface Selector {
  type: string
  [key: string]: unknown
}
interface Row {
  id: string
  created: string
  user: string
  uri: string
  text: string
  tags: string[]
  references?: string[]
  target: { source: string; selector?: Selector[] }[]
  user_info: { display_name: string | null }
}
interface Quote {
  exact: string
  prefix: string
  suffix: string
}

const selectorOf = (row: Row, type: string) => row.target[0]?.selector?.find((s) => s.type === type)
const quoteOf = (row: Row): Quote | undefined => {
  const selector = selectorOf(row, 'TextQuoteSelector') as unknown as Quote | undefined
  return selector && { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix }
}
/** Words as Factmark's HTML import writes them: a run of white space (the no-break space among it) as one space. */
const asImported = (words: string) => words.replace(/[\t\n\f\r \u00a0]+/g, ' ')
const positionOf = (row: Row) => selectorOf(row, 'TextPositionSelector') as unknown as { start: number; end: number } | undefined
const authorOf = (row: Row) => row.user_info.display_name ?? /^acct:([^@]+)@/.exec(row.user)![1]!
const occurrences = (text: string, words: string) => {
  const found: number[] = []
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) found.push(at)
  return found
}

// The annotations by what they are, so that each check below names the one it is about.
const ID = {
  definition: 'Yq7kRgVfEe6bK0f8vZ1aXw', // a long quote across two links, a Markdown link in its text
  regression: 'Zb1Qm2VfEe6-nHd3a8T4uA', // one short word of many: "regression"
  lede: 'a3K9pVVfEe6x0Ut7Bm1cQg', // "Regression testing", its prefix from the sidebar Factmark drops
  revisionControl: 'b8Rw0FVfEe6P4s9yN2kLhw', // the second "revision control" of the same paragraph
  footnote: 'c2Hs5lVfEe6Vq8m1Xz3RTA', // the second "[7]"
  change: 'd6Nx7pVfEe6Jc2w5Ko9sYg', // "change", of many
  survey: 'e1Pz3tVfEe6Ab7d4Gh8iWq', // across an external link; a Markdown link and a javascript: link in its text
  quarter: 'f5Tb8wVfEe6Lm3q6Rs0uEa', // the root of a thread with one reply
  hostile: 'g9Vc1yVfEe6Hn5r8Tu2wGc', // markup in its text; its author has no display name
  changeBased: 'h4Xe6zVfEe6Dp7t0Vw4yIe', // "Change-based selection" as the paragraph begins, not the heading above it
  caption: 'i7Zg2AVfEe6Fr9v2Xy6aKg', // a figure's caption, "[edit]" in its prefix
  suites: 'j0Bh4CVfEe6Ht1x4Za8cMi', // a paragraph's first words, the page's single newline before them
  marsh: 'k3Dj6EVfEe6Jv3z6Bc0eOk', // a reference, with the page's no-break space in "p. 112"
  tagline: 'l6Fl8GVfEe6Lx5b8De2gQm', // "From Wikipedia, the free encyclopedia": wiki furniture Factmark leaves out
  pageNote: 'm9Hn0IVfEe6Nz7d0Fg4iSo', // a page note: no selectors
  reply: 'n2Jp2KVfEe6Pb9f2Hi6kUq' // a reply to `quarter`: no selectors, `references`
} as const

/**
 * Where each quote that occurs more than once in Factmark's text belongs, given as the words around it there (what a
 * reader would point at): the occurrence its prefix and suffix on the page agree with.
 */
const AMONG_SEVERAL: Partial<Record<keyof typeof ID, [before: string, after: string]>> = {
  regression: ['the change has introduced a ', '. Changes that call'],
  lede: ['Regression testing\n\n', ' (rarely, non-regression'],
  revisionControl: ['simple human error in ', '. A fix for a problem'],
  footnote: ['reduce the regression test suite.', ' A prioritization'],
  change: ['performs as expected after a ', '.[2] If it does not'],
  changeBased: ['which cannot.\n\nChange-based selection\n\n', ' keeps the tests']
}

let server: Server
let pageHtml: string
let pageUrl: string
let dir: string
let workspace: Workspace
let articleId: string
let fileBytes: Buffer
let rows: Row[]
let result: AnnotationImport
let doc: ArticleDoc
let text: string

beforeAll(async () => {
  const html = await readFile(fixturePath(PAGE))
  pageHtml = html.toString('utf8')
  server = createServer((req, res) => {
    if (req.url !== '/wiki/Regression_testing') return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wiki/Regression_testing`

  // A folder of its own (helpers/temp-dir removes its folders after each test; this workspace serves them all).
  dir = await mkdtemp(join(tmpdir(), 'factmark-test-'))
  workspace = await openWorkspace(dir, { watch: false })
  await workspace.setMyName('Rosa Reviewer')
  articleId = (await workspace.createArticle(await importUrl(pageUrl))).id

  fileBytes = await readFile(fixturePath(ANNOTATIONS))
  rows = (JSON.parse(fileBytes.toString('utf8')) as { rows: Row[] }).rows
  result = await importAnnotations(workspace, articleId, fileBytes, { now: () => new Date(IMPORTED_AT) })
  doc = workspace.getArticle(articleId)
  text = doc.article.text
}, 30_000)

afterAll(async () => {
  await workspace?.close()
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  if (dir) await rm(dir, { recursive: true, force: true })
})

const row = (id: string) => rows.find((r) => r.id === id)!
const claimOf = (id: string): Claim | undefined => doc.claims.find((c) => c.imported?.annotation === id)
const quoted = () => rows.filter((r) => quoteOf(r))
const sliceOf = (claim: Claim) => text.slice(claim.position.start, claim.position.end)

describe('a Hypothesis export of annotations made on a real encyclopedia page', () => {
  it('is true to the page as a browser shows it: selectors taken from its textContent and markup', () => {
    const page = new JSDOM(pageHtml).window.document
    const pageText = page.body.textContent!
    expect(rows).toHaveLength(16)
    for (const r of quoted()) {
      const quote = quoteOf(r)!
      const position = positionOf(r)!
      expect(pageText.slice(position.start, position.end), r.id).toBe(quote.exact)
      expect(pageText.slice(Math.max(0, position.start - 32), position.start), r.id).toBe(quote.prefix)
      expect(pageText.slice(position.end, position.end + 32), r.id).toBe(quote.suffix)
      // The RangeSelector's XPaths, from <body>, point at elements whose text holds the quote's ends there.
      const range = selectorOf(r, 'RangeSelector') as unknown as { startContainer: string; startOffset: number; endContainer: string; endOffset: number }
      const at = (path: string) => page.evaluate(`.${path}`, page.body, null, 9 /* FIRST_ORDERED_NODE_TYPE */, null).singleNodeValue!.textContent!
      if (range.startContainer === range.endContainer) expect(at(range.startContainer).slice(range.startOffset, range.endOffset), r.id).toBe(quote.exact)
      else {
        expect(quote.exact.startsWith(at(range.startContainer).slice(range.startOffset)), r.id).toBe(true)
        expect(quote.exact.endsWith(at(range.endContainer).slice(0, range.endOffset)), r.id).toBe(true)
      }
    }
    // Quotes the page's markup splits: across two links, an external link, and a footnote marker's three elements.
    expect(quoteOf(row(ID.definition))!.exact).toContain('functional and non-functional tests')
    expect(quoteOf(row(ID.survey))!.exact).toContain('a 2019 industry survey, 62%')
    expect(selectorOf(row(ID.footnote), 'RangeSelector')).toMatchObject({ startContainer: expect.stringMatching(/\/sup\[1\]\/a\[1\]\/span\[1\]$/), endContainer: expect.stringMatching(/\/span\[2\]$/) })
  })

  it('is imported onto the page fetched from 127.0.0.1, which names the same address as the annotations', () => {
    expect(doc.article.origin).toMatchObject({ kind: 'url', url: pageUrl, canonical: URI })
    expect(result.format).toBe('hypothesis')
    expect(result.summary).toMatchObject({ id: articleId })
  })

  it("proves positions are only hints: the page's offsets do not select the quotes in Factmark's text", () => {
    const missed = quoted().filter((r) => {
      const { start, end } = positionOf(r)!
      return text.slice(start, end) !== quoteOf(r)!.exact
    })
    expect(missed.map((r) => r.id).sort()).toEqual(quoted().map((r) => r.id).sort()) // every one of them
    // and not only because they run past its end: some fall on other words of the article
    const inside = missed.filter((r) => positionOf(r)!.end <= text.length && text.includes(quoteOf(r)!.exact))
    expect(inside.length).toBeGreaterThanOrEqual(5)
    const lede = positionOf(row(ID.lede))!
    expect(text.slice(lede.start, lede.end)).not.toBe('Regression testing')
  })

  it('places every annotation whose quote is in the imported text on exactly that text, the right one among several', () => {
    const inText = quoted().filter((r) => text.includes(quoteOf(r)!.exact))
    // The test is about something: all the article's quotes are there (the sidebar's and the no-break space's are not).
    expect(inText.map((r) => r.id).sort()).toEqual(
      [ID.definition, ID.regression, ID.lede, ID.revisionControl, ID.footnote, ID.change, ID.survey, ID.quarter, ID.hostile, ID.changeBased, ID.caption, ID.suites].sort()
    )
    for (const r of inText) {
      const { exact } = quoteOf(r)!
      const claim = claimOf(r.id)
      expect(claim, r.id).toBeDefined()
      expect(claim!.quote.exact, r.id).toBe(exact)
      expect(sliceOf(claim!), r.id).toBe(exact)
      expect(claim!.anchor, r.id).toBeUndefined()
      // Factmark's own context for its text, not the page's
      expect(claim!.quote.prefix, r.id).toBe(text.slice(Math.max(0, claim!.position.start - 32), claim!.position.start))
      const found = occurrences(text, exact)
      if (found.length === 1) expect(claim!.position.start, r.id).toBe(found[0])
    }
    for (const [name, [before, after]] of Object.entries(AMONG_SEVERAL) as [keyof typeof ID, [string, string]][]) {
      const { exact } = quoteOf(row(ID[name]))!
      expect(occurrences(text, exact).length, name).toBeGreaterThan(1)
      const where = occurrences(text, before + exact + after)
      expect(where, name).toHaveLength(1)
      expect(claimOf(ID[name])!.position, name).toEqual({ start: where[0]! + before.length, end: where[0]! + before.length + exact.length })
    }
    // Written out, for the ones words alone cannot place:
    expect(occurrences(text, 'regression').length).toBeGreaterThan(10)
    expect(occurrences(text, '[7]')).toHaveLength(2)
    expect(claimOf(ID.footnote)!.position.start).toBe(occurrences(text, '[7]')[1])
    expect(occurrences(text, 'revision control')).toHaveLength(2)
    expect(claimOf(ID.revisionControl)!.position.start).toBe(occurrences(text, 'revision control')[1])
    expect(claimOf(ID.lede)!.position.start).toBe(occurrences(text, 'Regression testing')[1]) // not the headline at 0
  })

  it('keeps the annotations whose quotes are not in the text as claims not found, with their quotes', () => {
    const missing = quoted().filter((r) => !text.includes(asImported(quoteOf(r)!.exact)))
    expect(missing.map((r) => r.id)).toEqual([ID.tagline])
    for (const r of missing) {
      const quote = quoteOf(r)!
      const claim = claimOf(r.id)!
      expect(claim, r.id).toBeDefined()
      expect(claim.anchor, r.id).toEqual({ status: 'orphaned', textChanged: false, previousExact: quote.exact })
      expect(claim.quote, r.id).toEqual(quote)
    }
    expect(text).not.toContain('From Wikipedia') // the tagline is furniture Factmark drops
  })

  // Factmark's HTML import writes the page's no-break spaces as plain ones ("p.&#160;112" is "p. 112" in its text), while
  // Hypothesis quotes the page's textContent, no-break space and all. The words are the same words, on the same place;
  // a reviewer told they "moved" and "changed" would look for a difference there is none of.
  it("places a quote that differs from Factmark's text only by the page's no-break space on those words, as placed", () => {
    const { exact } = quoteOf(row(ID.marsh))!
    expect(exact).toBe('Example Academic Press. p.\u00a0112.')
    expect(text).not.toContain(exact)
    expect(occurrences(text, asImported(exact))).toHaveLength(1)
    const claim = claimOf(ID.marsh)!
    expect(sliceOf(claim)).toBe('Example Academic Press. p. 112.')
    expect(claim.position.start).toBe(text.indexOf('Example Academic Press. p. 112.'))
    expect(claim.quote.exact).toBe('Example Academic Press. p. 112.')
    expect(claim.anchor).toBeUndefined() // today: { status: 'moved', textChanged: true }
  })

  it('prints what it did', () => {
    expect(importSummary(result.counts)).toBe('13 placed, 0 moved, 1 not found; 1 reply kept as notes, 1 annotation without quoted text left out')
    expect(result.counts).toEqual({ placed: 13, moved: 0, notFound: 1, already: 0, otherPage: 0, noQuote: 1, replies: 1, lostReplies: 0 })
    expect(doc.claims).toHaveLength(14)
  })

  it('keeps each note by its own author and time, tags as they were, and where each claim came from', () => {
    const me = workspace.me()!
    for (const r of rows.filter((r) => !r.references && quoteOf(r))) {
      const claim = claimOf(r.id)!
      expect(claim.imported, r.id).toEqual({ annotation: r.id, target: URI, format: 'hypothesis', author: authorOf(r) })
      expect(claim.notes[0], r.id).toMatchObject({ text: r.text, author: authorOf(r), at: new Date(r.created).toISOString(), by: me.id })
      expect(claim.tags, r.id).toEqual(r.tags)
      expect(claim.verdict, r.id).toBe('unreviewed')
      expect(claim.createdBy, r.id).toBe(me.id)
    }
    expect(claimOf(ID.definition)!.notes[0]).toMatchObject({ author: 'Ada Marsh', at: '2024-05-06T09:14:22.481Z' })
    expect(claimOf(ID.revisionControl)!.notes[0]!.author).toBe('Tomás Boyd')
    expect(claimOf(ID.hostile)!.notes[0]!.author).toBe('nokafor') // no display name: the account's name
    expect(claimOf(ID.survey)!.tags).toEqual(['statistic', 'needs source'])
  })

  it('makes web links in the Markdown sources, and never a javascript: link', () => {
    expect(claimOf(ID.definition)!.sources).toEqual([
      expect.objectContaining({ url: 'https://glossary.istqb.org/en_US/term/regression-testing', title: 'ISTQB glossary', stance: 'context', accessedAt: '2024-05-06' })
    ])
    expect(claimOf(ID.survey)!.sources).toEqual([expect.objectContaining({ url: 'https://www.example.org/surveys/regression-2019', title: 'the survey itself' })])
    for (const claim of doc.claims) {
      for (const source of claim.sources) expect(source.url).toMatch(/^https:\/\//)
    }
    expect(JSON.stringify(doc.claims.flatMap((c) => c.sources))).not.toMatch(/javascript|alert/i)
    // the javascript: link stays in the note as the words it was
    expect(claimOf(ID.survey)!.notes[0]!.text).toContain('[this mirror](javascript:alert(document.cookie))')
  })

  it("keeps a reply as a note on its thread's claim, by its own author, its link a source", () => {
    const reply = row(ID.reply)
    expect(reply.references).toEqual([ID.quarter])
    expect(claimOf(ID.reply)).toBeUndefined()
    const claim = claimOf(ID.quarter)!
    expect(claim.notes.map((n) => [n.author, n.at, n.text])).toEqual([
      ['Tomás Boyd', new Date(row(ID.quarter).created).toISOString(), row(ID.quarter).text],
      ['nokafor', '2024-05-08T07:45:12.000Z', reply.text]
    ])
    expect(claim.sources).toEqual([expect.objectContaining({ url: 'https://www.example.com/studies/fix-regressions-1998', title: '' })])
  })

  it('leaves out the page note, which quotes nothing', () => {
    expect(claimOf(ID.pageNote)).toBeUndefined()
    expect(JSON.stringify(doc.claims)).not.toContain('web.archive.org')
  })

  it('keeps markup in a note as plain text, and the report shows it as text', () => {
    const note = claimOf(ID.hostile)!.notes[0]!
    expect(note.text).toBe('Claimed benefit <img src=x onerror=alert(1)> with no source given. <script>alert("x")</script>')
    const html = exportHtml(doc, defaultReportOptions({ generatedAt: IMPORTED_AT }))
    expect(html).toContain('Claimed benefit &lt;img src=x onerror=alert(1)&gt; with no source given. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>alert')
  })

  it('adds nothing when the same file is imported again', async () => {
    const before = workspace.getArticle(articleId).claims
    const again = await importAnnotations(workspace, articleId, fileBytes, { now: () => new Date('2024-06-02T12:00:00.000Z') })
    // the 14 claims and the reply that came with its thread; the page note is left out again, for what it is
    expect(again.counts).toEqual({ placed: 0, moved: 0, notFound: 0, already: 15, otherPage: 0, noQuote: 1, replies: 0, lostReplies: 0 })
    expect(importSummary(again.counts)).toBe('0 placed, 0 moved, 0 not found; 15 annotations already here, 1 annotation without quoted text left out')
    expect(workspace.getArticle(articleId).claims).toEqual(before)
    expect(workspace.getArticle(articleId).log.length).toBe(doc.log.length)
  })
})

