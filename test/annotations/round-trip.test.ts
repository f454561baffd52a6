// The acceptance line: exporting an article to W3C and importing that file into a fresh copy of the same article gives
// the same claims, verdicts, notes, sources and tags. Made in a real workspace, by two reviewers, through the same
// calls as the app and the CLI (importFile, applyOperation, exportW3c, importAnnotations).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planImport } from '../../src/core/annotations/import-plan'
import { readAnnotationFile } from '../../src/core/annotations/read-file'
import { personName } from '../../src/core/history'
import { newId } from '../../src/core/ids'
import { DEFAULT_VERDICT_LABELS, type ArticleDoc, type Claim, type OperationBody, type Stance } from '../../src/core/model'
import { fold } from '../../src/core/ops'
import { reviseArticle } from '../../src/core/revise'
import { defaultReportOptions } from '../../src/core/report/options'
import { exportW3c } from '../../src/core/report/w3c'
import { importFile } from '../../src/main/import/import-file'
import { importAnnotations, type AnnotationImport } from '../../src/main/import-annotations'
import { openWorkspace, type Workspace } from '../../src/main/workspace/workspace'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { ANA as ANA_NAME, at, change, forcedSource, imported, markClaim, sampleDoc, sampleOptions } from '../report/sample-doc'
import { TRADE } from './small-doc'
import { claimOn, noteOn, verdictOn } from '../helpers/store-bodies'
import { dataDir } from '../helpers/temp-dir'

const TRADE_TEXT = bodyFromPlainText(TRADE)
const SAMPLE = join(dataDir, 'belta-2017-08-14-belarus-kazakhstan-trade.txt')
const ANA = { host: 'desk-a', user: 'ana' }
const SAM = { host: 'desk-b', user: 'sam' }

/** The update: flags before every claim (astral characters, so code points and UTF-16 units differ), one sentence cut. */
const CUT = 'Apart from that, we hope to start the production of air drones in Kazakhstan, develop cooperation in space, apply the Belarusian software in banking and transport sectors, and develop container shipping. '
const revisedText = (text: string) => {
  expect(text).toContain(CUT)
  return text.replace('ASTANA, 14 August (BelTA) –', 'ASTANA, 14 August (BelTA) 🇧🇾🇰🇿 –').replace(CUT, '')
}

/** What the comparison looks at in a claim: the words, where they are, and everything reviewers gave it. */
function comparable(doc: ArticleDoc, claim: Claim) {
  return {
    quote: claim.quote,
    position: claim.anchor?.status === 'orphaned' ? 'not found' : claim.position,
    verdict: claim.verdict,
    conclusion: claim.conclusion,
    claimant: claim.claimant,
    tags: claim.tags,
    notes: claim.notes.map((n) => ({ text: n.text, author: n.author ?? personName(doc.people, n.by), at: new Date(n.at).toISOString() })),
    sources: claim.sources.map(({ url, title, publisher, excerpt, stance, accessedAt }) => ({ url, title, publisher, excerpt, stance, accessedAt }))
  }
}
const byQuote = (doc: ArticleDoc) => new Map(doc.claims.map((c) => [c.quote.exact, comparable(doc, c)]))

async function withWorkspace<T>(dir: string, machine: { host: string; user: string }, name: string, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(dir, { watch: false, machine })
  try {
    await ws.setMyName(name)
    return await work(ws)
  } finally {
    await ws.close()
  }
}

const source = (url: string, stance: Stance, fields: { title?: string; publisher?: string; excerpt?: string; accessedAt?: string } = {}) => ({
  id: newId(), url, title: '', publisher: '', excerpt: '', stance, accessedAt: '2026-11-27', by: 'renderer', at: '2000-01-01T00:00:00.000Z', ...fields
})

describe('W3C export and import', () => {
  let dir: string
  let articleId: string
  let copyId: string
  let file: Uint8Array
  let intoCopy: AnnotationImport
  let intoOriginal: AnnotationImport
  let original: ArticleDoc
  let copy: ArticleDoc
  let originalAfter: ArticleDoc

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factmark-round-trip-'))
    const revised = join(dir, 'revised.txt')
    const ids = new Map<string, string>()
    const claim = (ws: Workspace, exact: string) => async () => {
      const { op } = await ws.applyOperation(articleId, (doc) => claimOn(doc, exact))
      ids.set(exact, (op as Extract<typeof op, { type: 'claim.create' }>).claim.id)
    }
    const on = (exact: string) => ids.get(exact)!
    const change = (ws: Workspace, body: (doc: ArticleDoc) => OperationBody) => ws.applyOperation(articleId, body)

    await withWorkspace(dir, ANA, 'Ana Petrova', async (ws) => {
      articleId = (await ws.createArticle(await importFile(SAMPLE))).id
      const doc = ws.getArticle(articleId)
      await writeFile(revised, revisedText(doc.article.text))
      const figures = 'soared almost 80% to make up $294.6 million'
      const exports = 'The exports totaled $252.6 million'
      const plants = 'eight joint plants'
      const cis = 'third among the CIS member states'
      const visit = 'Nursultan Nazarbayev'
      const drones = 'start the production of air drones in Kazakhstan'
      for (const exact of [figures, exports, plants, cis, visit, drones]) await claim(ws, exact)()
      await change(ws, (d) => verdictOn(d, on(figures), 'disputed'))
      await change(ws, () => ({ type: 'claim.setConclusion', claimId: on(figures), conclusion: 'Belstat gives +79.6%.\nThe rounding is generous.', previous: '' }))
      await change(ws, () => ({ type: 'claim.setClaimant', claimId: on(figures), claimant: 'Andrei Kobyakov', previous: '' }))
      await change(ws, () => ({ type: 'claim.setTags', claimId: on(figures), tags: ['trade', 'figures'], previous: [] }))
      await change(ws, () => noteOn(on(figures), 'Asked Belstat for the June table; "80%" is rounded.\n<b>check</b> again'))
      await change(ws, () => ({ type: 'claim.addSource', claimId: on(figures), source: source('https://www.belstat.gov.by/en/trade?y=2017&m=6', 'refutes', { title: 'Foreign trade, January–June 2017', publisher: 'Belstat', excerpt: 'Trade grew 79.6%,\n"not 80%"', accessedAt: '2026-11-25' }) }))
      await change(ws, () => ({ type: 'claim.addSource', claimId: on(figures), source: source('https://customs.example.by/report', 'supports', { title: 'Customs: half-year report' }) }))
      await change(ws, () => ({ type: 'claim.addSource', claimId: on(figures), source: source('https://example.org/background', 'context', { publisher: 'Example Wire' }) }))
      await change(ws, (d) => verdictOn(d, on(exports), 'verified'))
      await change(ws, () => ({ type: 'claim.setClaimant', claimId: on(exports), claimant: 'BelTA', previous: '' }))
      await change(ws, (d) => verdictOn(d, on(plants), 'needs-context'))
      await change(ws, () => ({ type: 'claim.setTags', claimId: on(plants), tags: ['industry'], previous: [] }))
      await change(ws, (d) => verdictOn(d, on(cis), 'unverifiable'))
      await change(ws, () => noteOn(on(cis), 'No ranking published for 2017.'))
      await change(ws, () => ({ type: 'claim.setTags', claimId: on(visit), tags: ['visit'], previous: [] })) // left unreviewed
      await change(ws, (d) => verdictOn(d, on(drones), 'verified'))
      await change(ws, () => noteOn(on(drones), 'Drones: confirmed by the ministry.'))
    })
    await withWorkspace(dir, SAM, 'Sam Okafor', async (ws) => {
      await change(ws, () => noteOn(ids.get('soared almost 80% to make up $294.6 million')!, 'I agree: disputed.'))
      await change(ws, () => ({ type: 'claim.addSource', claimId: ids.get('The exports totaled $252.6 million')!, source: source('https://www.belstat.gov.by/en/exports', 'supports', { title: 'Exports 2017', publisher: 'Belstat', excerpt: '$252.6 million' }) }))
    })
    await withWorkspace(dir, ANA, 'Ana Petrova', async (ws) => {
      // The update cuts the drones sentence: that claim is not found in the current text.
      const next = await importFile(revised)
      await change(ws, (latest) => reviseArticle(latest, next.body))
      await claim(ws, '(BelTA) 🇧🇾🇰🇿 – Belarus')()
      await change(ws, (d) => verdictOn(d, ids.get('(BelTA) 🇧🇾🇰🇿 – Belarus')!, 'verified'))
      await change(ws, () => noteOn(ids.get('(BelTA) 🇧🇾🇰🇿 – Belarus')!, 'Flags 🇧🇾🇰🇿 added by the agency.'))
      original = ws.getArticle(articleId)
      file = new TextEncoder().encode(exportW3c(original, defaultReportOptions({ verdictLabels: ws.settings().verdictLabels })))

      // A fresh copy: the same file imported again, and updated the same way.
      copyId = (await ws.createArticle(await importFile(SAMPLE))).id
      await ws.applyOperation(copyId, (latest) => reviseArticle(latest, next.body))
      intoCopy = await importAnnotations(ws, copyId, file)
      copy = ws.getArticle(copyId)
      intoOriginal = await importAnnotations(ws, articleId, file)
      originalAfter = ws.getArticle(articleId)
    })
  }, 20_000)

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('sets up the claims it means to: every verdict, two reviewers, one not found, one on astral characters', () => {
    expect(new Set(original.claims.map((c) => c.verdict))).toEqual(new Set(['unreviewed', 'verified', 'disputed', 'needs-context', 'unverifiable']))
    expect(new Set(original.claims.flatMap((c) => c.notes.map((n) => personName(original.people, n.by))))).toEqual(new Set(['Ana Petrova', 'Sam Okafor']))
    expect(original.claims.filter((c) => c.anchor?.status === 'orphaned').map((c) => c.quote.exact)).toEqual(['start the production of air drones in Kazakhstan'])
    expect(original.claims.filter((c) => c.anchor && c.anchor.status !== 'orphaned')).toEqual([])
    expect(new Set(original.claims.flatMap((c) => c.sources.map((s) => s.stance)))).toEqual(new Set(['supports', 'refutes', 'context']))
    expect(original.claims).toHaveLength(7)
    expect(copy.article.text).toBe(original.article.text)
  })

  it('gives the fresh copy the same claims, verdicts, notes, sources and tags', () => {
    expect(intoCopy.format).toBe('w3c')
    expect(intoCopy.counts).toMatchObject({ placed: 6, moved: 0, notFound: 1, already: 0 })
    const want = byQuote(original)
    const got = byQuote(copy)
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort())
    for (const [quote, claim] of want) expect(got.get(quote), quote).toEqual(claim)
  })

  it('brings the claim not found back not found, with its words', () => {
    const gone = copy.claims.find((c) => c.quote.exact === 'start the production of air drones in Kazakhstan')!
    expect(gone.anchor).toMatchObject({ status: 'orphaned', previousExact: 'start the production of air drones in Kazakhstan' })
    expect(gone.notes.map((n) => n.text)).toEqual(['Drones: confirmed by the ministry.'])
  })

  it('marks the imported claims as the annotations they came from', () => {
    const originalIds = new Set(original.claims.map((c) => `urn:factmark:claim:${c.id}`))
    for (const c of copy.claims) {
      expect(c.imported?.format).toBe('w3c')
      expect(originalIds.has(c.imported!.annotation)).toBe(true)
    }
  })

  it('adds nothing when the export is imported into the article it came from', () => {
    expect(intoOriginal.counts).toMatchObject({ placed: 0, moved: 0, notFound: 0, already: 7 })
    expect(originalAfter.claims).toEqual(original.claims)
  })

  it('adds nothing when the same file is imported into the copy again', async () => {
    const again = await withWorkspace(dir, ANA, 'Ana Petrova', (ws) => importAnnotations(ws, copyId, file))
    expect(again.counts).toMatchObject({ placed: 0, moved: 0, notFound: 0, already: 7 })
    expect(again.summary.claims).toBe(7)
  })
})

describe('W3C export and import of the multilingual sample', () => {
  it('gives back every claim on emoji, flags, RTL text and combining marks, nested and identical ones too', async () => {
    const doc = sampleDoc()
    const fresh = fold([doc.log[0]!])
    expect(fresh.claims).toEqual([])
    const file = await readAnnotationFile(exportW3c(doc, sampleOptions()), DEFAULT_VERDICT_LABELS)
    const { claims, counts } = await planImport(fresh, file, { now: '2026-12-01T10:00:00.000Z' })
    expect(counts).toMatchObject({ placed: doc.claims.length, moved: 0, notFound: 0 })
    const key = (c: Claim) => `${c.position.start}-${c.position.end}-${c.verdict}`
    const got = new Map(claims.map((c) => [key(c), c]))
    for (const want of doc.claims) {
      const back = got.get(key(want))
      expect(back, want.id).toBeDefined()
      expect([back!.quote, back!.conclusion, back!.claimant, back!.tags], want.id).toEqual([want.quote, want.conclusion, want.claimant, want.tags])
      // Sources that are web links come back as sources (the sample's javascript: one is not a source anywhere).
      const web = want.sources.filter((s) => /^https?:/.test(s.url))
      expect(back!.sources.map(({ url, title, publisher, excerpt, stance, accessedAt }) => ({ url, title, publisher, excerpt, stance, accessedAt })), want.id).toEqual(
        web.map(({ url, title, publisher, excerpt, stance, accessedAt }) => ({ url, title, publisher, excerpt, stance, accessedAt }))
      )
      expect(back!.notes.slice(0, want.notes.length).map((n) => [n.text, n.author, n.at]), want.id).toEqual(want.notes.map((n) => [n.text, personName(doc.people, n.by), n.at]))
    }
    expect(JSON.stringify(claims.flatMap((c) => c.sources))).not.toContain('javascript:')
  })
})

describe('W3C export and import of notes that mention web addresses', () => {
  it('gives back the sources a claim has, and no others, when its notes quote links', async () => {
    let doc = imported({ id: 'links-in-notes', title: 'Trade', text: TRADE_TEXT.text, blocks: TRADE_TEXT.blocks, origin: { kind: 'paste' } })
    doc = markClaim(doc, 'claim-links', 'eight joint plants', 'disputed', 1)
    const belstat = { id: 'source-belstat', url: 'https://www.belstat.gov.by/en/plants', title: 'Joint plants', publisher: 'Belstat', excerpt: 'seven plants', stance: 'refutes' as const, accessedAt: '2026-11-27', by: 'r-ana', at: at(3) }
    doc = change(doc, ANA_NAME, 3, { type: 'claim.addSource', claimId: 'claim-links', source: belstat })
    doc = change(doc, ANA_NAME, 4, { type: 'claim.addNote', claimId: 'claim-links', note: { id: 'note-links', text: 'Belstat lists seven: https://www.belstat.gov.by/en/plants (see also https://example.org/interview).', by: 'r-ana', at: at(4) } })
    const fresh = fold([doc.log[0]!])
    const { claims } = await planImport(fresh, await readAnnotationFile(exportW3c(doc, sampleOptions()), DEFAULT_VERDICT_LABELS), { now: '2026-12-01T10:00:00.000Z' })
    expect(claims[0]!.notes.map((n) => n.text)).toEqual([doc.claims[0]!.notes[0]!.text])
    expect(claims[0]!.sources.map(({ url, title, publisher, excerpt, stance }) => ({ url, title, publisher, excerpt, stance }))).toEqual([
      { url: belstat.url, title: 'Joint plants', publisher: 'Belstat', excerpt: 'seven plants', stance: 'refutes' }
    ])
  })
})

describe('W3C export and import of a source that is not a web link', () => {
  it('does not make it the conclusion of a claim that has none', async () => {
    // Only old or hand-edited data holds one (sources are checked when added); the export describes it in words.
    let doc = imported({ id: 'old-source', title: 'Trade', text: TRADE_TEXT.text, blocks: TRADE_TEXT.blocks, origin: { kind: 'paste' } })
    doc = markClaim(doc, 'claim-old', 'eight joint plants', 'verified', 1)
    doc = forcedSource(doc, 'claim-old', { id: 'source-ftp', url: 'ftp://archive.example.org/plants.txt', title: 'Archive', publisher: 'Ministry', excerpt: '', stance: 'supports', accessedAt: '2020-01-01', by: 'r-ana', at: at(2) })
    const { claims } = await planImport(fold([doc.log[0]!]), await readAnnotationFile(exportW3c(doc, sampleOptions()), DEFAULT_VERDICT_LABELS), { now: '2026-12-01T10:00:00.000Z' })
    expect(claims[0]!.conclusion).toBe('')
    expect(claims[0]!.sources).toEqual([])
  })
})
