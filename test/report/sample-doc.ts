// Documents that exercise every report. The first: claims of every verdict, overlapping, nested and identical claims,
// a claim across two blocks, the Unicode fixture's text (emoji with joiners, flags, RTL Arabic, combining marks,
// NFC and NFD), and user text full of markup, commas, quotes and line breaks.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { ArticleDoc, type ArticleLink, type Block, type Claim, type Note, type Operation, type Source, type Verdict } from '../../src/core/model'
import { apply, placementFor, placementOf } from '../../src/core/ops'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { defaultReportOptions, type ReportOptions } from '../../src/core/report/options'

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
    updatedAt: at(minute + 30),
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

export const claims: Claim[] = [
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

function logOf(list: Claim[]): Operation[] {
  const log: Operation[] = [
    { type: 'article.rename', by: ANA, at: at(0), title: 'Trade "boom", tariffs,\nand a 🌍 roundup', previous: 'Multilingual wire roundup' }
  ]
  for (const c of list) {
    const blank = { ...c, verdict: 'unreviewed' as const, notes: [], sources: [], conclusion: '', claimant: '', tags: [] }
    log.push({ type: 'claim.create', by: c.createdBy, at: c.createdAt, claim: blank })
    if (c.verdict !== 'unreviewed') log.push({ type: 'claim.setVerdict', by: c.createdBy, at: at(20), claimId: c.id, verdict: c.verdict, previous: 'unreviewed' })
    if (c.conclusion) log.push({ type: 'claim.setConclusion', by: c.createdBy, at: at(21), claimId: c.id, conclusion: c.conclusion, previous: '' })
    if (c.claimant) log.push({ type: 'claim.setClaimant', by: c.createdBy, at: at(22), claimId: c.id, claimant: c.claimant, previous: '' })
    if (c.tags.length) log.push({ type: 'claim.setTags', by: c.createdBy, at: at(23), claimId: c.id, tags: c.tags, previous: [] })
    for (const n of c.notes) log.push({ type: 'claim.addNote', by: n.by, at: n.at, claimId: c.id, note: n })
    for (const s of c.sources) log.push({ type: 'claim.addSource', by: s.by, at: s.at, claimId: c.id, source: s })
  }
  log.push({ type: 'claim.create', by: CHEN, at: at(60), claim: deleted })
  log.push({ type: 'claim.delete', by: CHEN, at: at(61), claimId: deleted.id, claim: deleted })
  return log
}

export function sampleDoc(): ArticleDoc {
  return ArticleDoc.parse({
    format: 'factmark-article',
    version: 1,
    article: {
      id: 'wire-roundup',
      title: 'Trade "boom", tariffs,\nand a 🌍 roundup',
      text,
      blocks: body.blocks,
      origin: { kind: 'url', url: 'https://news.example.org/wire/roundup?id=42&lang=en' },
      site: 'Example Wire',
      byline: 'Staff & agencies',
      publishedAt: '2017-08-14',
      createdBy: ANA,
      createdAt: T0,
      updatedAt: at(61)
    },
    claims,
    log: logOf(claims)
  })
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
export function markClaim(doc: ArticleDoc, id: string, exact: string, verdict: Verdict, minute: number): ArticleDoc {
  const start = doc.article.text.indexOf(exact)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  const claim: Claim = {
    id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [],
    createdBy: ANA, createdAt: at(minute), updatedAt: at(minute)
  }
  let next = apply(doc, { type: 'claim.create', by: ANA, at: at(minute), claim })
  if (verdict !== 'unreviewed') next = apply(next, { type: 'claim.setVerdict', by: ANA, at: at(minute + 1), claimId: id, verdict, previous: 'unreviewed' })
  return next
}

function plainBody(texts: readonly string[]) {
  return bodyFromBlocks(texts.map((text) => ({ kind: 'p' as const, text })))
}

export function revisedDoc(): ArticleDoc {
  const body = plainBody(BEFORE_UPDATE)
  let doc = ArticleDoc.parse({
    format: 'factmark-article', version: 1,
    article: { id: 'trade-update', title: 'Belarus–Kazakhstan trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' }, createdBy: ANA, createdAt: T0, updatedAt: T0 },
    claims: [], log: []
  })
  doc = markClaim(doc, 'c-inplace', 'the efforts to intensify the trade', 'verified', 1)
  doc = markClaim(doc, 'c-open', 'In January-June', 'unreviewed', 3)
  doc = markClaim(doc, 'c-wording', '$294.6 million', 'verified', 5)
  doc = markClaim(doc, 'c-changed', 'eight joint plants', 'verified', 7)
  doc = markClaim(doc, 'c-moved', '25 years of diplomatic relations', 'disputed', 9)
  doc = markClaim(doc, 'c-gone', 'double the number of joint plants', 'needs-context', 11)
  doc = apply(doc, reviseArticle(doc, plainBody(AFTER_UPDATE), BASHIR, at(20)))
  // The reviewer accepts the new figure: the verdict stays, given for "$294.6 million" until confirmed.
  const wording = doc.claims.find((c) => c.id === 'c-wording')!
  return apply(doc, { type: 'claim.placeAnchor', by: BASHIR, at: at(21), claimId: wording.id, from: placementOf(wording), to: placementFor(wording, wording) })
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
    { ...span(STRUCTURED.footnote), block: 6 },
    { ...span(STRUCTURED.badLink), url: 'javascript:alert(1)' }
  ]
  let doc = ArticleDoc.parse({
    format: 'factmark-article', version: 1,
    article: { id: 'structured', title: STRUCTURED.title, text: body.text, blocks, links, origin: { kind: 'paste' }, createdBy: ANA, createdAt: T0, updatedAt: T0 },
    claims: [], log: []
  })
  doc = markClaim(doc, 'claim-rose', STRUCTURED.claim, 'verified', 1)
  doc = markClaim(doc, 'claim-ref', STRUCTURED.reference, 'disputed', 3)
  return doc
}
