// Changes a window could send to applyOperation: of every type, aimed at the article as it is at the time of the call
// (its claims, notes, sources and text), with wrong parts mixed in: claims that do not exist or are another's, offsets
// beyond the text or inside a character, forged authors, snapshots and placements, unsafe links, huge or hostile
// strings, duplicates and replays. A generated recipe picks by number; `operationFrom` turns it into a change against
// the document of the moment.
import fc from 'fast-check'
import type { ArticleDoc, Claim } from '../../src/core/model'
import { HARD_STRINGS, anyValue, orWrong, text, url } from './values'

const TYPES = [
  'article.create',
  'article.rename',
  'claim.create',
  'claim.delete',
  'claim.setVerdict',
  'claim.setConclusion',
  'claim.setClaimant',
  'claim.setTags',
  'claim.addNote',
  'claim.editNote',
  'claim.deleteNote',
  'claim.addSource',
  'claim.deleteSource',
  'article.revise',
  'claim.placeAnchor',
  'article.snapshot',
  'suggestion.dismiss',
  'suggestion.restore',
  'article.setStatus',
  'claim.assign'
] as const
const STATUSES = ['in-progress', 'ready', 'approved', 'reopened', 'signed']
const VERDICTS = ['unreviewed', 'verified', 'disputed', 'needs-context', 'unverifiable']
const AT = '2024-03-31T12:00:00.000Z'

/** A number to pick with, and how: the thing it names is resolved against the document when the call is made. */
const pick = fc.nat()

const offsetRecipe = fc.record({
  kind: fc.oneof({ weight: 6, arbitrary: fc.constant('anywhere' as const) }, { weight: 1, arbitrary: fc.constantFrom('beyond', 'inside-character', 'negative', 'not-an-integer') }),
  n: pick
})

const noteRecipe = fc.record({ id: fc.constantFrom('note-a', 'note-b', 'note-dup', 'x', '__proto__'), text, by: fc.constantFrom('ann', 'someone-else', '') })
const sourceRecipe = fc.record({ id: fc.constantFrom('source-a', 'source-b', 'source-dup'), url, title: text, by: fc.constantFrom('ann', 'someone-else') })

/** `arbitrary` about once in `every` recipes; otherwise undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })
}

const recipe = fc.record({
  // Deleting is one change in forty: the claims to aim at would otherwise be gone in the first hundred runs.
  type: fc.oneof({ weight: 4, arbitrary: fc.constant('claim.create') }, { weight: 1, arbitrary: fc.constant('claim.delete') }, { weight: 30, arbitrary: fc.constantFrom(...TYPES.filter((t) => t !== 'claim.delete')) }, { weight: 1, arbitrary: text }),
  claim: fc.oneof({ weight: 4, arbitrary: pick.map((n) => ({ existing: n })) }, { weight: 1, arbitrary: fc.constantFrom({ id: 'claim-nowhere' }, { id: 'Not An Id' }, { id: '__proto__' }) }),
  note: fc.oneof(pick.map((n) => ({ existing: n })), noteRecipe),
  source: fc.oneof(pick.map((n) => ({ existing: n })), sourceRecipe),
  start: offsetRecipe,
  length: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(-3, 0, 1, 2, 10_000) }),
  exactIsText: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  exact: text,
  verdict: orWrong(fc.constantFrom(...VERDICTS)),
  previousIsCurrent: fc.boolean(),
  value: text,
  tags: fc.oneof({ weight: 4, arbitrary: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(text, { maxLength: 60 }) }),
  notes: fc.array(noteRecipe, { maxLength: 4 }),
  sources: fc.array(sourceRecipe, { maxLength: 4 }),
  forged: fc.record({ createdBy: fc.constantFrom('ann', 'someone-else'), verdicts: fc.boolean(), anchor: fc.boolean() }),
  revise: fc.record({ text: fc.oneof(text, fc.constant('keep')), blocks: fc.constantFrom('keep', 'outside', 'none', 'overlapping', 'million'), anchors: fc.constantFrom('keep', 'none', 'forged') }),
  extra: sometimes(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'by', 'at', 'id', 'ts', 'rev', 'replica', 'undoes', 'seen'), anyValue), 3),
  garbage: sometimes(anyValue, 12)
})
export type Recipe = typeof recipe extends fc.Arbitrary<infer T> ? T : never
export const operationRecipe: fc.Arbitrary<Recipe> = recipe

const at = <T>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined)

/** Offsets inside a surrogate pair or a grapheme cluster of the text: where a claim must never start or end. */
function insideCharacter(text: string): number[] {
  const out: number[] = []
  for (let i = 1; i < text.length && out.length < 200; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0xdc00 && code <= 0xdfff) || (code >= 0x0300 && code <= 0x036f) || code === 0x200d || code === 0xfe0f) out.push(i)
  }
  return out
}

function offset(doc: ArticleDoc, r: Recipe['start']): number {

  const length = doc.article.text.length
  switch (r.kind) {
    case 'anywhere':
      return r.n % (length + 1)
    case 'beyond':
      return length + 1 + (r.n % 5)
    case 'inside-character':
      return at(insideCharacter(doc.article.text), r.n) ?? r.n % (length + 1)
    case 'negative':
      return -1 - (r.n % 3)
    case 'not-an-integer':
      return at([0.5, NaN, Infinity, 1e300], r.n)!
  }
  return 0
}

function claimOf(doc: ArticleDoc, r: Recipe): { claim?: Claim; id: string } {
  if ('existing' in r.claim) {
    const claim = at(doc.claims, r.claim.existing)
    return { claim, id: claim?.id ?? 'claim-none' }
  }
  return { id: r.claim.id }
}

/** The change a recipe makes against `doc` (a body, as the window sends it; main stamps it). */
export function operationFrom(doc: ArticleDoc, r: Recipe): unknown {
  if (r.garbage !== undefined) return r.garbage
  const { claim, id } = claimOf(doc, r)
  const text = doc.article.text
  const start = offset(doc, r.start)
  const end = start + r.length
  const exact = r.exactIsText && Number.isInteger(start) && Number.isInteger(end) ? text.slice(start, end) : r.exact
  const note = 'existing' in r.note ? (at(claim?.notes ?? [], r.note.existing) ?? { id: 'note-none', text: 'x', by: 'ann', at: AT }) : { ...r.note, at: AT }
  const source =
    'existing' in r.source
      ? (at(claim?.sources ?? [], r.source.existing) ?? fullSource({ id: 'source-none', url: 'https://example.org/', title: '', by: 'ann' }))
      : fullSource(r.source)
  const placement = { quote: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) }, position: { start, end }, ...(r.forged.anchor ? { anchor: { status: 'moved', textChanged: true, previousExact: 'forged' } } : {}) }
  const previous = (current: unknown) => (r.previousIsCurrent ? current : r.value)
  const body: Record<string, unknown> = { type: r.type }
  switch (r.type) {
    case 'article.create':
    case 'article.snapshot':
      Object.assign(body, { article: doc.article, claims: doc.claims, reason: r.value })
      break
    case 'article.rename':
      Object.assign(body, { title: r.value, previous: previous(doc.article.title) })
      break
    case 'claim.create':
      Object.assign(body, {
        claim: {
          // A new id, an id that is not one, or (re-sent) one the article already has.
          id: 'id' in r.claim ? r.claim.id : r.previousIsCurrent && claim ? claim.id : `claim-${(r.start.n % 9_999).toString(36)}x`,
          ...placement,
          verdict: r.verdict,
          conclusion: r.value,
          claimant: r.exact,
          tags: r.tags,
          notes: r.notes.map((n: Recipe['notes'][number]) => ({ ...n, at: AT })),
          sources: r.sources.map(fullSource),
          ...(r.forged.verdicts ? { verdicts: [{ op: 'someone.1', by: 'someone-else', verdict: 'verified' }] } : {}),
          createdBy: r.forged.createdBy,
          createdAt: AT,
          updatedAt: AT
        }
      })
      break
    case 'claim.delete':
      Object.assign(body, { claimId: id, claim: claim ? { ...claim, conclusion: 'fabricated' } : doc.claims[0] })
      break
    case 'claim.setVerdict':
      Object.assign(body, { claimId: id, verdict: r.verdict, previous: r.previousIsCurrent ? claim?.verdict : VERDICTS[r.start.n % VERDICTS.length], ...(r.forged.verdicts ? { seen: ['someone.1'], undoes: 'someone.1' } : {}), ...(r.previousIsCurrent && r.forged.anchor ? { resolves: true } : {}) })
      break
    case 'claim.setConclusion':
      Object.assign(body, { claimId: id, conclusion: r.value, previous: previous(claim?.conclusion) })
      break
    case 'claim.setClaimant':
      Object.assign(body, { claimId: id, claimant: r.value, previous: previous(claim?.claimant) })
      break
    case 'claim.setTags':
      Object.assign(body, { claimId: id, tags: r.tags, previous: r.previousIsCurrent ? claim?.tags : r.tags })
      break
    case 'claim.addNote':
      Object.assign(body, { claimId: id, note })
      break
    case 'claim.editNote':
      Object.assign(body, { claimId: id, noteId: note.id, text: r.value, previous: previous('text' in note ? note.text : '') })
      break
    case 'claim.deleteNote':
      Object.assign(body, { claimId: id, note: { ...note, by: 'ann' } }) // relabelled as the sender's
      break
    case 'claim.addSource':
    case 'claim.deleteSource':
      Object.assign(body, { claimId: id, source })
      break
    case 'article.revise': {
      const next = r.revise.text === 'keep' ? `${text}\n\n${r.value}` : r.revise.text
      const blocks =
        r.revise.blocks === 'keep' ? [{ kind: 'p', start: 0, end: next.length }]
        : r.revise.blocks === 'outside' ? [{ kind: 'p', start: 0, end: next.length + 10 }]
        : r.revise.blocks === 'overlapping' ? [{ kind: 'p', start: 0, end: next.length }, { kind: 'p', start: 0, end: 1 }]
        : r.revise.blocks === 'million' ? MILLION_BLOCKS
        : []
      const anchors =
        r.revise.anchors === 'none' ? []
        : doc.claims.map((c) => ({ claimId: c.id, from: { quote: c.quote, position: c.position }, to: r.revise.anchors === 'forged' ? placement : { quote: c.quote, position: c.position } }))
      Object.assign(body, { text: next, blocks, previous: { text: r.previousIsCurrent ? text : r.value, blocks: doc.article.blocks }, anchors })
      break
    }
    case 'claim.placeAnchor':
      Object.assign(body, { claimId: id, to: placement, from: claim ? { quote: claim.quote, position: claim.position } : placement })
      break
    case 'suggestion.dismiss':
    case 'suggestion.restore':
      // words of the text (a sentence or not), words it does not have, or hostile strings
      Object.assign(body, { sentence: r.previousIsCurrent ? (doc.dismissed?.[r.start.n % Math.max(1, doc.dismissed.length)] ?? exact) : r.forged.anchor ? r.value : exact })
      break
    case 'article.setStatus':
      // a status (or one that is not), against the current one or a stale one
      Object.assign(body, { status: STATUSES[r.start.n % STATUSES.length], previous: r.previousIsCurrent ? (doc.status?.status ?? 'in-progress') : STATUSES[(r.start.n + 1) % STATUSES.length] })
      break
    case 'claim.assign':
      // someone the article knows, no one, or an id that is not one
      Object.assign(body, { claimId: id, assignee: r.forged.anchor ? r.value : r.start.n % 3 === 0 ? null : (Object.keys(doc.people)[0] ?? 'ann'), previous: r.previousIsCurrent ? (claim?.assignee ?? null) : 'r-someone' })
      break
  }
  return r.extra ? { ...body, ...r.extra } : body
}

const MILLION_BLOCKS = Array.from({ length: 1_000_000 }, () => ({ kind: 'p', start: 0, end: 1 }))

function fullSource(s: { id: string; url: string; title: string; by: string }) {
  return { ...s, publisher: HARD_STRINGS[6]!, excerpt: '', stance: 'supports', accessedAt: '2024-03-31', at: AT }
}
