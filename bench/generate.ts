// Deterministic benchmark articles: the sample article's paragraphs, shuffled and repeated with varied
// numbers, as plain-text blocks, carrying random claims (a few words to a sentence; a tenth overlapping
// others; every verdict). An article is its operations (store version 2): its creation, then one
// claim.create per claim, stamped deterministically; the document is their fold.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSelectors } from '../src/core/anchoring/selectors'
import { newClaimOperation } from '../src/core/new-claim'
import { mulberry32 } from '../test/helpers/mulberry32'
import { formatHlc, hlcTime } from '../src/core/clock'
import { ArticleDoc, VERDICTS, type Claim, type Operation, type OperationBody, type Verdict } from '../src/core/model'
import { apply, compareClaims, fold } from '../src/core/ops'
import { stampOperation, type Stamp } from '../src/core/stamp'
import { bodyFromPlainText, type ArticleBody } from '../src/core/plain-text'

export const SAMPLE_FILE = 'belta-2017-08-14-belarus-kazakhstan-trade.txt'
export const REVIEWER = 'Bench Reviewer'
/** The bench reviewer's stable id (what operations carry in `by`); the workspace's identity for this machine account. */
export const REVIEWER_ID = 'bench-reviewer'
/** The writer whose log the generated operations are in (the workspace's own process writes as another replica). */
export const BENCH_REPLICA = 'bench'
export const FIXED_TIME = '2024-01-02T03:04:05.000Z'
const FIXED_MS = Date.parse(FIXED_TIME)

export interface SizeSpec {
  label: string
  targetBytes: number
  claims: number
  seed: number
}

export const SIZES: SizeSpec[] = [
  { label: '10KB', targetBytes: 10 * 1024, claims: 10, seed: 10 },
  { label: '100KB', targetBytes: 100 * 1024, claims: 1_000, seed: 100 },
  { label: '1MB', targetBytes: 1024 * 1024, claims: 10_000, seed: 1000 }
]

/** The bench's random numbers: mulberry32, deterministic from a seed. */
export const prng = mulberry32

const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8')

export interface BenchArticle {
  spec: SizeSpec
  id: string
  body: ArticleBody
  /** The block texts, in order (what the peer gets as paragraphs). */
  paragraphs: string[]
  claims: Claim[]
  /** The article's operations (its creation, then one claim.create per claim) and the floor's (its creation only). */
  ops: Operation[]
  floorOps: Operation[]
  /** The fold of those operations, with claims (ours) and without (the floor), both validated with ArticleDoc.parse. */
  doc: ArticleDoc
  floorDoc: ArticleDoc
  sizeBytes: number
  overlapping: number
}

export function sampleParagraphs(dataDir: string): string[] {
  const raw = readFileSync(join(dataDir, SAMPLE_FILE), 'utf8')
  const body = bodyFromPlainText(raw)
  return body.blocks.map((b) => body.text.slice(b.start, b.end))
}

/** Every run of digits replaced by another number of the same length (no leading zero). */
function varyNumbers(paragraph: string, rand: () => number): string {
  return paragraph.replace(/\d+/g, (digits) =>
    digits
      .split('')
      .map((_, i) => String(i === 0 && digits.length > 1 ? int(rand, 1, 9) : int(rand, 0, 9)))
      .join('')
  )
}

export function buildText(spec: SizeSpec, paragraphs: string[], rand: () => number): ArticleBody {
  const out: string[] = []
  let bytes = 0
  const SEP = 2 // "\n\n"
  outer: for (;;) {
    for (const p of shuffle(paragraphs, rand)) {
      const next = varyNumbers(p, rand)
      const add = utf8(next) + (out.length ? SEP : 0)
      if (bytes + add > spec.targetBytes && out.length > 0) break outer
      out.push(next)
      bytes += add
    }
  }
  return bodyFromPlainText(out.join('\n\n'))
}

interface Word {
  start: number
  end: number
  block: number
  sentenceEnd: boolean
}

function wordsOf(body: ArticleBody): Word[] {
  const words: Word[] = []
  body.blocks.forEach((block, index) => {
    const text = body.text.slice(block.start, block.end)
    for (const m of text.matchAll(/\S+/g)) {
      const start = block.start + m.index
      words.push({ start, end: start + m[0].length, block: index, sentenceEnd: /[.!?]["”’)]?$/.test(m[0]) })
    }
  })
  return words
}

function firstWordAtOrAfter(words: Word[], offset: number): number {
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (words[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function buildSpans(body: ArticleBody, count: number, rand: () => number): { spans: { start: number; end: number }[]; overlapping: number } {
  const words = wordsOf(body)
  const overlapCount = Math.round(count / 10)
  const baseCount = count - overlapCount
  const length = body.text.length
  const base: { start: number; end: number; first: number; last: number }[] = []
  for (let k = 0; k < baseCount; k++) {
    const slotStart = Math.floor((k * length) / baseCount)
    const slotEnd = Math.floor(((k + 1) * length) / baseCount)
    // Start somewhere in the first half of the slot, at a word.
    const first = firstWordAtOrAfter(words, slotStart + Math.floor(rand() * (slotEnd - slotStart) * 0.5))
    const w0 = words[first]
    if (!w0 || w0.start >= slotEnd) throw new Error(`no word starts in slot ${k}`)
    // A few words (2–8) most of the time, else up to the end of the sentence.
    let last: number
    if (rand() < 0.25) {
      last = first
      while (last + 1 < words.length && !words[last]!.sentenceEnd && words[last + 1]!.block === w0.block) last++
    } else {
      last = Math.min(words.length - 1, first + int(rand, 1, 7))
    }
    while (last > first && (words[last]!.block !== w0.block || words[last]!.end > slotEnd)) last--
    base.push({ start: w0.start, end: words[last]!.end, first, last })
  }
  const spans: { start: number; end: number }[] = base.map(({ start, end }) => ({ start, end }))
  // A tenth overlap another: start inside a base span and run on past its end (same block).
  let made = 0
  let guard = 0
  while (made < overlapCount) {
    if (++guard > overlapCount * 100) throw new Error('cannot place overlapping spans')
    const b = base[Math.floor(rand() * base.length)]!
    const first = b.first + Math.floor(rand() * (b.last - b.first + 1))
    let last = Math.max(b.last + 1, first + int(rand, 2, 9))
    const block = words[first]!.block
    while (last > first && (last >= words.length || words[last]!.block !== block)) last--
    const span = { start: words[first]!.start, end: words[last]!.end }
    if (span.end <= b.end || (span.start === b.start && span.end === b.end)) continue // not overlapping past the base span
    spans.push(span)
    made++
  }
  return { spans, overlapping: made }
}

/** Stamps for one writer: deterministic ids ("<replica>.<n>") and clock values (`ms`, then the counter). */
export function stamper(replica: string, by: string, name: string, ms: number): () => Stamp {
  let counter = 0
  return () => {
    const n = counter++
    const ts = formatHlc(ms, n)
    return { id: `${replica}.${n}`, ts, replica, by, name, at: hlcTime(ts) }
  }
}

export function makeArticle(spec: SizeSpec, paragraphs: string[]): BenchArticle {
  const rand = prng(spec.seed)
  const body = buildText(spec, paragraphs, rand)
  const { spans, overlapping } = buildSpans(body, spec.claims, rand)
  // Every verdict, in even numbers, in random order.
  const verdicts: Verdict[] = shuffle(
    spans.map((_, i) => VERDICTS[i % VERDICTS.length]!),
    rand
  )
  const unsorted: Claim[] = spans.map((span, i) => {
    const verdict = verdicts[i]!
    return {
      id: 'tmp',
      ...createSelectors(body.text, span.start, span.end),
      verdict,
      conclusion: verdict === 'unreviewed' ? '' : 'Checked against the official statistics.',
      claimant: '',
      tags: [],
      notes: [],
      sources: [],
      createdBy: REVIEWER_ID,
      createdAt: FIXED_TIME,
      updatedAt: FIXED_TIME
    }
  })
  const sorted = unsorted.sort(compareClaims).map((c, i) => ({ ...c, id: `c-${String(i + 1).padStart(6, '0')}` }))
  const id = `bench-${spec.label.toLowerCase()}`
  const article = {
    id,
    title: `Benchmark article (${spec.label}, ${spec.claims} claims)`,
    text: body.text,
    blocks: body.blocks,
    origin: { kind: 'paste' as const },
    createdBy: REVIEWER_ID,
    createdAt: FIXED_TIME,
    updatedAt: FIXED_TIME
  }
  // The log as the app would have written it: the article's creation, then one claim.create per claim (its verdict and
  // conclusion given with it), stamped as main stamps them (core/stamp.ts): the verdict is the creator's, the claim
  // made against the created text.
  const stamp = stamper(BENCH_REPLICA, REVIEWER_ID, REVIEWER, FIXED_MS)
  const createStamp = stamp()
  const create = { type: 'article.create', article, ...createStamp, rev: createStamp.id } as Operation
  const ops: Operation[] = [create]
  for (const claim of sorted) {
    const s = stamp()
    const withVerdict = claim.verdict === 'unreviewed' ? claim : { ...claim, verdicts: [{ op: s.id, by: REVIEWER_ID, verdict: claim.verdict }] }
    ops.push({ type: 'claim.create', claim: { ...withVerdict, createdAt: s.at, updatedAt: s.at }, ...s, rev: create.id } as Operation)
  }
  const doc = ArticleDoc.parse(fold(ops))
  if (doc.claims.length !== sorted.length || doc.log.length !== ops.length) throw new Error(`folded ${doc.claims.length} claims from ${ops.length} operations`)

  const floorStamp = stamper(BENCH_REPLICA, REVIEWER_ID, REVIEWER, FIXED_MS)()
  const floorCreate = {
    type: 'article.create',
    article: { ...article, id: `${id}-floor`, title: `${article.title} — no claims` },
    ...floorStamp,
    rev: floorStamp.id
  } as Operation
  const floorOps = [floorCreate]
  const floorDoc = ArticleDoc.parse(fold(floorOps))
  return {
    spec,
    id,
    body,
    paragraphs: body.blocks.map((b) => body.text.slice(b.start, b.end)),
    claims: doc.claims,
    ops,
    floorOps,
    doc,
    floorDoc,
    sizeBytes: utf8(body.text),
    overlapping
  }
}

export const TAIL_REPLICA = 'bench-tail'
export const COLLEAGUE_ID = 'bench-colleague'
export const COLLEAGUE = 'Bench Colleague'

/**
 * `count` operations a colleague made after the article's checkpoint (a second replica's log, one hour later): in turn a
 * new claim on a few words, a verdict, a conclusion, a note and tags on a random claim. Made and stamped as main makes
 * them (core/stamp.ts's stampOperation against the document so far), so their `previous` and `seen` values hold.
 */
export function tailOps(art: BenchArticle, count: number): { ops: Operation[]; doc: ArticleDoc } {
  const rand = prng(art.spec.seed + 7)
  const words = wordsOf(art.body)
  const stamp = stamper(TAIL_REPLICA, COLLEAGUE_ID, COLLEAGUE, FIXED_MS + 3_600_000)
  let doc = art.doc
  const ops: Operation[] = []
  for (let i = 0; i < count; i++) {
    const claims = doc.claims
    const claim = claims[Math.floor(rand() * claims.length)]
    const kind = claim ? i % 5 : 0
    let body: OperationBody
    if (kind === 0) {
      let first = Math.floor(rand() * words.length)
      let last = Math.min(words.length - 1, first + int(rand, 1, 5))
      while (last > first && words[last]!.block !== words[first]!.block) last--
      if (last < first) first = last
      body = newClaimOperation(art.body.text, { start: words[first]!.start, end: words[last]!.end }, { id: `t-${String(i + 1).padStart(6, '0')}`, by: COLLEAGUE_ID, at: FIXED_TIME })
    } else if (kind === 1) {
      const verdict = VERDICTS[(VERDICTS.indexOf(claim!.verdict) + 1 + Math.floor(rand() * (VERDICTS.length - 1))) % VERDICTS.length]!
      body = { type: 'claim.setVerdict', claimId: claim!.id, verdict, previous: claim!.verdict }
    } else if (kind === 2) {
      body = { type: 'claim.setConclusion', claimId: claim!.id, conclusion: `Seen again by a colleague (${i}).`, previous: claim!.conclusion }
    } else if (kind === 3) {
      body = { type: 'claim.addNote', claimId: claim!.id, note: { id: `n-${String(i + 1).padStart(6, '0')}`, text: 'Asked the ministry for the underlying table.', by: COLLEAGUE_ID, at: FIXED_TIME } }
    } else {
      body = { type: 'claim.setTags', claimId: claim!.id, tags: ['trade', `batch-${i % 7}`], previous: claim!.tags }
    }
    const op = stampOperation(doc, body, stamp())
    ops.push(op)
    doc = apply(doc, op)
  }
  return { ops, doc: ArticleDoc.parse(doc) }
}
