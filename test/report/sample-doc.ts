// Documents that exercise every report, made the way the app makes them: an article.create, then each change a
// body stamped by core's stampOperation with a fake clock, as main stamps what the renderer sends. The first:
// claims of every verdict, overlapping, nested and identical claims, a claim across two blocks, the Unicode
// fixture's text (emoji with joiners, flags, RTL Arabic, combining marks, NFC and NFD), and user text full of
// markup, commas, quotes and line breaks.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { HybridClock, hlcTime } from '../../src/core/clock'
import { ArticleDoc, type Article, type ArticleLink, type Block, type Claim, type Note, type Operation, type OperationBody, type Source, type Verdict } from '../../src/core/model'
import { apply, fold, placementFor, placementOf } from '../../src/core/ops'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { defaultReportOptions, type ReportOptions } from '../../src/core/report/options'
import { stampOperation } from '../../src/core/stamp'

export const fixtureText = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'unicode-mixed.txt'), 'utf8')

const KINDS = ['h2', 'p', 'blockquote', 'p', 'p', 'li', 'li'] as const
const paragraphs = fixtureText.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
export const body = bodyFromBlocks(paragraphs.map((text, i) => ({ kind: KINDS[i] ?? 'p', text })))
const text = body.text

export const T0 = '2026-11-28T09:00:00.000Z'
export const at = (minute: number) => new Date(Date.parse(T0) + minute * 60_000).toISOString()

export const ANA = 'Ana Petrova'
export const BASHIR = 'Bashir Haddad'
export const CHEN = 'Chen Wei'
/** Each reviewer's stable id (what operations and authors hold) and the writer (replica) they use. */
export const REVIEWER_IDS: Record<string, string> = { [ANA]: 'r-ana', [BASHIR]: 'r-bashir', [CHEN]: 'r-chen' }
const REPLICAS: Record<string, string> = { [ANA]: 'desk-ana', [BASHIR]: 'desk-bashir', [CHEN]: 'desk-chen' }

/**
 * A reviewer's change at a minute of the sample day, made as main makes it: checked and stamped against `doc` by
 * stampOperation, with a clock that has seen the document's operations (so the minute is the time unless the document
 * is already later), then applied.
 */
export function change(doc: ArticleDoc, name: string, minute: number, body: OperationBody, callingThemself = name): ArticleDoc {
  return apply(doc, stamped(doc, name, minute, body, callingThemself))
}

/**
 * The operation `change` applies: made on `doc`, which may be older than what it is applied to (concurrency), by the
 * reviewer known as `name` in this sample, who may go by another name by now (`callingThemself`).
 */
export function stamped(doc: ArticleDoc, name: string, minute: number, body: OperationBody, callingThemself = name): Operation {
  const clock = new HybridClock(() => Date.parse(at(minute)))
  clock.observe(doc.log.at(-1)!.ts)
  const ts = clock.next()
  const replica = REPLICAS[name]!
  return stampOperation(doc, body, { id: `${replica}.${ts}`, ts, replica, by: REVIEWER_IDS[name]!, name: callingThemself, at: hlcTime(ts) })
}

/**
 * A source main would refuse (not a web link), put straight into the document: no store lets one in (the fold leaves
 * such a change out: core/invariants.ts), but a report renders whatever document it is given and must still show it
 * as text, never as a link.
 */
export function forcedSource(doc: ArticleDoc, claimId: string, source: Source): ArticleDoc {
  return { ...doc, claims: doc.claims.map((c) => (c.id === claimId ? { ...c, sources: [...c.sources, source] } : c)) }
}

/** An imported article: its first operation, by `name` at T0. */
export function imported(article: Omit<Article, 'createdBy' | 'createdAt' | 'updatedAt'>, name = ANA): ArticleDoc {
  const ts = new HybridClock(() => Date.parse(T0)).next()
  const replica = REPLICAS[name]!
  const by = REVIEWER_IDS[name]!
  const id = `${replica}.${ts}`
  return fold([{ type: 'article.create', article: { ...article, createdBy: by, createdAt: T0, updatedAt: T0 }, id, ts, replica, by, name, at: T0, rev: id }])
}

/** Where `exact` occurs in the article text (the `nth` occurrence, 0-based); throws if it does not. */
function find(exact: string, nth = 0): number {
  let index = -1
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(exact, index + 1)
    if (index === -1) throw new Error(`not in the sample text: ${exact}`)
  }
  return index
}

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff

function claim(id: string, exact: string, verdict: Verdict, minute: number, extra: Partial<Claim> = {}, nth = 0): Claim {
  const start = find(exact, nth)
  const end = start + exact.length
  let from = Math.max(0, start - 32)
  if (from > 0 && isLow(text.charCodeAt(from))) from++
  let to = Math.min(text.length, end + 32)
  if (to < text.length && isHigh(text.charCodeAt(to - 1))) to--
  return {
    id,
    quote: { exact, prefix: text.slice(from, start), suffix: text.slice(end, to) },
    position: { start, end },
    verdict,
    conclusion: '',
    claimant: '',
    tags: [],
    notes: [],
    sources: [],
    createdBy: ANA,
    createdAt: at(minute),
    updatedAt: at(minute),
    ...extra
  }
}

export const HOSTILE_NOTE = '<script>alert(1)</script> Customs says "$249,1 млн", not $252,6.\nSecond line, with commas, and "quotes".'
export const MARKUP_NOTE = '*bold* [x](javascript:alert(1)) | pipe | `code` &amp;\n# not a heading\n- not a list\n1. not a list either'

const notes: Note[] = [
  { id: 'note-hostile', text: HOSTILE_NOTE, by: ANA, at: at(40) },
  { id: 'note-markup', text: MARKUP_NOTE, by: BASHIR, at: at(41), editedAt: at(45) }
]

const source = (id: string, minute: number, fields: Partial<Source>): Source => ({
  id,
  url: 'https://example.org/',
  title: '',
  publisher: '',
  excerpt: '',
  stance: 'context',
  accessedAt: '2026-11-27',
  by: ANA,
  at: at(minute),
  ...fields
})

export const AMPERSAND_URL = 'https://www.belstat.gov.by/en/search?q=export&year=2017'

/** The fixture's combining-marks word, taken from the text itself so that no editor renormalises it. */
export const ZALGO = text.slice(text.indexOf('Combining marks: ') + 'Combining marks: '.length, text.indexOf(' text should never'))

/** What the sample's reviewers do: each claim as it ends up, by name (sampleDoc makes it through operations). */
const PLAN: Claim[] = [
  claim('claim-a', 'Экспорт Беларуси в Казахстан в январе–июне составил $252,6 млн', 'verified', 1, {
    claimant: 'Премьер-министр',
    conclusion: 'Matches Belstat, "Foreign trade" table 3.',
    tags: ['trade', 'Kazakhstan'],
    sources: [
      source('source-belstat', 50, {
        url: AMPERSAND_URL,
        title: 'Foreign trade, January–June 2017 & "Kazakhstan"',
        publisher: 'Belstat',
        excerpt: 'Exports to Kazakhstan: $252.6m,\n"up 12%"',
        stance: 'supports'
      })
    ]
  }),
  // Same start as claim-a, shorter: nested inside it.
  claim('claim-a2', 'Экспорт Беларуси', 'needs-context', 2, { conclusion: 'Goods only; services are not counted.' }),
  // Starts inside claim-a and ends after it: crossing.
  claim('claim-b', 'составил $252,6 млн, сообщил премьер-министр', 'disputed', 3, {
    createdBy: BASHIR,
    claimant: '@channel',
    conclusion: '=HYPERLINK("http://evil.example","click")',
    notes,
    sources: [
      source('source-customs', 51, {
        url: 'http://customs.example.by/report?id=7&lang=ru',
        title: '<b>Customs</b> report',
        publisher: 'State Customs Committee',
        stance: 'refutes',
        by: BASHIR
      }),
      source('source-bad', 52, { url: 'javascript:alert(1)', title: 'Not a web link', publisher: 'Nobody', stance: 'context' })
    ]
  }),
  claim('claim-c', 'الصادرات ارتفعت بنسبة 80٪', 'needs-context', 4, {
    createdBy: CHEN,
    claimant: 'Ministry of Trade',
    conclusion: 'The 80% is year on year.\nThe base was low.',
    sources: [source('source-capmas', 53, { url: 'https://capmas.example.eg/trade', title: 'نشرة التجارة', publisher: 'CAPMAS', stance: 'context', by: CHEN })]
  }),
  claim('claim-d', '輸出が前年比で2.5倍に増加した', 'unverifiable', 5, { createdBy: CHEN, tags: ['-5%', '+export'] }),
  // claim-e holds claim-f; claim-g starts inside claim-e and goes on after it.
  claim('claim-e', 'Útflutningur jókst um 12% 📈, sagði ráðherrann', 'disputed', 6, { claimant: 'ráðherrann' }),
  claim('claim-f', '12% 📈', 'verified', 7),
  claim('claim-g', 'ráðherrann; "caf\u00e9" and "cafe\u0301" look alike', 'unreviewed', 8),
  claim('claim-h', '👨‍👩‍👧‍👦 and flags 🇧🇾🇰🇿', 'unreviewed', 9, { createdBy: CHEN }),
  // Across two blocks (the quote holds the blank line between them).
  claim('claim-i', 'several code points to a computer.\n\nCombining marks', 'unverifiable', 10),
  // Two claims on the very same words, by two reviewers.
  claim('claim-j', `${ZALGO} text`, 'verified', 11),
  claim('claim-k', `${ZALGO} text`, 'disputed', 12, { createdBy: BASHIR })
].sort((x, y) => x.position.start - y.position.start || x.position.end - y.position.end)

const deleted = claim('claim-gone', 'Tokyo', 'unreviewed', 13)

const minuteOf = (iso: string) => (Date.parse(iso) - Date.parse(T0)) / 60_000
const MARKUP_DRAFT = 'First draft of the markup note.'

/** The changes that make PLAN, each by its reviewer at its minute, in the order they were made. */
function changesOf(plan: Claim[]): [number, string, OperationBody][] {
  const out: [number, string, OperationBody][] = [[0, ANA, { type: 'article.rename', title: 'Trade "boom", tariffs,\nand a 🌍 roundup', previous: 'Multilingual wire roundup' }]]
  for (const c of plan) {
    const by = c.createdBy
    out.push([minuteOf(c.createdAt), by, { type: 'claim.create', claim: { ...c, verdict: 'unreviewed', notes: [], sources: [], conclusion: '', claimant: '', tags: [] } }])
    if (c.verdict !== 'unreviewed') out.push([20, by, { type: 'claim.setVerdict', claimId: c.id, verdict: c.verdict, previous: 'unreviewed' }])
    if (c.conclusion) out.push([21, by, { type: 'claim.setConclusion', claimId: c.id, conclusion: c.conclusion, previous: '' }])
    if (c.claimant) out.push([22, by, { type: 'claim.setClaimant', claimId: c.id, claimant: c.claimant, previous: '' }])
    if (c.tags.length) out.push([23, by, { type: 'claim.setTags', claimId: c.id, tags: c.tags, previous: [] }])
    for (const n of c.notes) {
      // An edited note was first written otherwise.
      out.push([minuteOf(n.at), n.by, { type: 'claim.addNote', claimId: c.id, note: { ...n, text: n.editedAt ? MARKUP_DRAFT : n.text } }])
      if (n.editedAt) out.push([minuteOf(n.editedAt), n.by, { type: 'claim.editNote', claimId: c.id, noteId: n.id, text: n.text, previous: MARKUP_DRAFT }])
    }
    for (const x of c.sources) out.push([minuteOf(x.at), x.by, { type: 'claim.addSource', claimId: c.id, source: { ...x, by: REVIEWER_IDS[x.by]! } }])
  }
  out.push([60, CHEN, { type: 'claim.create', claim: { ...deleted, createdBy: CHEN } }])
  out.push([61, CHEN, { type: 'claim.delete', claimId: deleted.id, claim: deleted }])
  return out.sort((x, y) => x[0] - y[0]) // stable: changes in one minute keep their order
}

const SAMPLE_ARTICLE = {
  id: 'wire-roundup',
  title: 'Multilingual wire roundup',
  text,
  blocks: body.blocks,
  origin: { kind: 'url' as const, url: 'https://news.example.org/wire/roundup?id=42&lang=en' },
  site: 'Example Wire',
  byline: 'Staff & agencies',
  publishedAt: '2017-08-14'
}

export function sampleDoc(): ArticleDoc {
  let doc = imported(SAMPLE_ARTICLE)
  for (const [minute, name, body] of changesOf(PLAN)) {
    // The one source that is not a web link could not come in through any store (see `forcedSource`).
    const unchecked = body.type === 'claim.addSource' && body.source.id === 'source-bad'
    doc = unchecked ? forcedSource(doc, body.claimId, { ...body.source, by: REVIEWER_IDS[name]! }) : change(doc, name, minute, body)
  }
  return ArticleDoc.parse(doc)
}

export const GENERATED_AT = '2026-11-28T12:00:00.000Z'

export function sampleOptions(partial: Partial<ReportOptions> = {}): ReportOptions {
  return defaultReportOptions({ generatedAt: GENERATED_AT, organisation: 'Example Checks', claimReviewBaseUrl: 'https://checks.example.org/reviews/wire-roundup', ...partial })
}

// ---------------------------------------------------------------------------------------------------------
// A document after "Update text…": one claim of each placement, made the way the app makes them (claim.create,
// setVerdict, article.revise from reviseArticle, claim.placeAnchor from placementFor).

export const BEFORE_UPDATE = [
  'ASTANA, 14 August (BelTA) – Belarus is aimed to maximize the efforts to intensify the trade.',
  'In January-June the trade soared almost 80% to make up $294.6 million.',
  'Today Kazakhstan is home to eight joint plants which assemble Belarusian machinery.',
  'The prime minister noted that 2017 is a year to celebrate 25 years of diplomatic relations.',
  'Minsk hopes to double the number of joint plants by 2020.'
]
/** The last paragraph goes first, two figures change, the plans for 2020 are cut. */
export const AFTER_UPDATE = [
  'The prime minister noted that 2017 is a year to celebrate 25 years of diplomatic relations.',
  'ASTANA, 14 August (BelTA) – Belarus is aimed to maximize the efforts to intensify the trade.',
  'In January-June the trade soared almost 80% to make up $295.1 million.',
  'Today Kazakhstan is home to nine joint plants which assemble Belarusian machinery.'
]

/** Marks `exact` (its first occurrence) as a claim and gives it a verdict, through operations as the app does. */
export function markClaim(doc: ArticleDoc, id: string, exact: string, verdict: Verdict, minute: number, name = ANA): ArticleDoc {
  const start = doc.article.text.indexOf(exact)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  const claim: Claim = {
    id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [],
    createdBy: '', createdAt: at(minute), updatedAt: at(minute)
  }
  const next = change(doc, name, minute, { type: 'claim.create', claim })
  return verdict === 'unreviewed' ? next : change(next, name, minute + 1, { type: 'claim.setVerdict', claimId: id, verdict, previous: 'unreviewed' })
}

function plainBody(texts: readonly string[]) {
  return bodyFromBlocks(texts.map((text) => ({ kind: 'p' as const, text })))
}

export function revisedDoc(): ArticleDoc {
  const body = plainBody(BEFORE_UPDATE)
  let doc = imported({ id: 'trade-update', title: 'Belarus–Kazakhstan trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  doc = markClaim(doc, 'c-inplace', 'the efforts to intensify the trade', 'verified', 1)
  doc = markClaim(doc, 'c-open', 'In January-June', 'unreviewed', 3)
  doc = markClaim(doc, 'c-wording', '$294.6 million', 'verified', 5)
  doc = markClaim(doc, 'c-changed', 'eight joint plants', 'verified', 7)
  doc = markClaim(doc, 'c-moved', '25 years of diplomatic relations', 'disputed', 9)
  doc = markClaim(doc, 'c-gone', 'double the number of joint plants', 'needs-context', 11)
  doc = change(doc, BASHIR, 20, reviseArticle(doc, plainBody(AFTER_UPDATE)))
  // The reviewer accepts the new figure: the verdict stays, given for "$294.6 million" until confirmed.
  const wording = doc.claims.find((c) => c.id === 'c-wording')!
  return change(doc, BASHIR, 21, { type: 'claim.placeAnchor', claimId: wording.id, from: placementOf(wording), to: placementFor(wording, wording) })
}

// ---------------------------------------------------------------------------------------------------------
// A document with the structure a web page brings: headings down to h6, a numbered list of references, a
// bulleted list, and links (to the web, to a reference, and one that is not a web link), one across a claim.

export const STRUCTURED = {
  title: 'Trade report',
  claim: 'rose 12% according to',
  webLink: 'according to Belstat',
  webUrl: 'https://www.belstat.gov.by/en/trade?y=2017&m=6',
  footnote: '[2]',
  badLink: 'the table',
  reference: 'Annual report'
}

export function structuredDoc(): ArticleDoc {
  const parts: { kind: Block['kind']; text: string; number?: number }[] = [
    { kind: 'h1', text: 'Trade report' },
    { kind: 'h4', text: 'Level four' },
    { kind: 'h5', text: 'Level five' },
    { kind: 'h6', text: 'Level six' },
    { kind: 'p', text: 'Exports rose 12% according to Belstat [2], see the table.' },
    { kind: 'li', text: 'Belstat, Foreign trade, 2017.', number: 1 },
    { kind: 'li', text: 'Customs, Annual report.', number: 2 },
    { kind: 'li', text: 'A bullet' },
    { kind: 'li', text: 'Another bullet' }
  ]
  const body = bodyFromBlocks(parts)
  const blocks = body.blocks.map((b, i) => (parts[i]!.number !== undefined ? { ...b, number: parts[i]!.number } : b))
  const span = (words: string) => ({ start: body.text.indexOf(words), end: body.text.indexOf(words) + words.length })
  const links: ArticleLink[] = [
    { ...span(STRUCTURED.webLink), url: STRUCTURED.webUrl },
    { ...span(STRUCTURED.footnote), block: 6 }
  ]
  let doc = imported({ id: 'structured', title: STRUCTURED.title, text: body.text, blocks, links, origin: { kind: 'paste' } })
  // A link that is not a web link, which no import keeps and no store lets in: reports must still show it as text.
  doc = { ...doc, article: { ...doc.article, links: [...links, { ...span(STRUCTURED.badLink), url: 'javascript:alert(1)' }] } }
  doc = markClaim(doc, 'claim-rose', STRUCTURED.claim, 'verified', 1)
  doc = markClaim(doc, 'claim-ref', STRUCTURED.reference, 'disputed', 3)
  return doc
}

// ---------------------------------------------------------------------------------------------------------
// Reviewers working at the same time without seeing each other's changes: on one claim Ana and Bashir set different
// verdicts (a disagreement, still open); on another they did too, and Chen, having seen both, settled it; a third all
// agree on. Meanwhile Chen deleted a claim that Bashir was still writing a conclusion for.

export function disagreementDoc(): ArticleDoc {
  let doc = imported({ id: 'trade-disputed', title: 'Belarus–Kazakhstan trade', text: plainBody(BEFORE_UPDATE).text, blocks: plainBody(BEFORE_UPDATE).blocks, origin: { kind: 'paste' } })
  doc = markClaim(doc, 'c-split', '$294.6 million', 'unreviewed', 1)
  doc = markClaim(doc, 'c-settled', 'eight joint plants', 'unreviewed', 3)
  doc = markClaim(doc, 'c-agreed', '25 years of diplomatic relations', 'verified', 5)
  doc = markClaim(doc, 'c-gone', 'double the number of joint plants', 'unreviewed', 7)
  const base = doc
  const verdict = (claimId: string, verdict: Verdict) => ({ type: 'claim.setVerdict' as const, claimId, verdict, previous: 'unreviewed' as const })
  const concurrent = [
    stamped(base, ANA, 10, verdict('c-split', 'disputed')),
    stamped(base, BASHIR, 11, verdict('c-split', 'verified')),
    stamped(base, ANA, 12, verdict('c-settled', 'needs-context')),
    stamped(base, BASHIR, 13, verdict('c-settled', 'disputed')),
    stamped(base, CHEN, 14, { type: 'claim.delete', claimId: 'c-gone', claim: base.claims.find((c) => c.id === 'c-gone')! }),
    stamped(base, BASHIR, 16, { type: 'claim.setConclusion', claimId: 'c-gone', conclusion: 'Plans, not figures.', previous: '' })
  ]
  doc = concurrent.reduce(apply, base)
  return change(doc, CHEN, 20, { type: 'claim.setVerdict', claimId: 'c-settled', verdict: 'disputed', previous: 'disputed', resolves: true })
}
