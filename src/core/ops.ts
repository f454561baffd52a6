// The only way a document changes. An article is a pure function of the *set* of its operations: they are folded in
// (ts, replica, id) order (core/clock.ts), and folding never fails. Concurrent changes merge instead: a field (title,
// verdict, conclusion, claimant, tags, placement) takes the last value in that order; notes and sources are sets by id;
// a deleted claim is gone, and a later change to it is kept in the log (the audit trail) without effect; two reviewers'
// verdicts made without seeing each other's both stay, as a disagreement (Claim.verdicts); a claim made against an older
// text is placed on the current one by the anchoring resolver, as a revision places existing claims.
//
// Whether a change fits the document as the renderer last saw it (`previous` values, a claim that still exists) is
// checked separately, by `checkFits`, only for changes made here and now: it guards against acting on a stale view.

import { compareStamps } from './clock'
import { FactmarkError } from './errors'
import { articleProblem, claimCountProblem, claimProblem, claimsProblem } from './invariants'
import { checkSourceUrl } from './links'
import { ARTICLE_FORMAT, ARTICLE_VERSION, type ArticleDoc, type Claim, type ClaimPlacement, type Operation, type OperationBody, type ReviewStatus } from './model'
import { compareClaims, placementFits, placementOf } from './placement'
import { lowerFirst } from './shorten'
import { placementOnText, reviseArticle } from './revise'

export { compareClaims, placementFits, placementFor, placementOf } from './placement'

type Op<T extends Operation['type']> = Extract<Operation, { type: T }>

/**
 * Arrays that the fold or batch now running made itself and that no caller holds yet: they are changed in place rather
 * than copied. A document's arrays are otherwise never changed once made (callers keep old documents), and copying the
 * log and the claims for each of 1,000 operations on a 10,000-claim article cost more than applying them.
 */
let owned: WeakSet<object> | null = null

function inBatch<T>(run: () => T): T {
  const outer = owned
  owned = new WeakSet()
  try {
    return run()
  } finally {
    owned = outer
  }
}

/** The array to change: `array` itself when this batch made it, else a copy this batch now owns. */
function writable<T>(array: readonly T[]): T[] {
  if (owned?.has(array)) return array as T[]
  const copy = [...array]
  owned?.add(copy)
  return copy
}

/** `array` with `item` at `index`: inserted when this batch made it, else a copy one longer. */
function inserted<T>(array: readonly T[], index: number, item: T): T[] {
  if (owned?.has(array)) {
    ;(array as T[]).splice(index, 0, item)
    return array as T[]
  }
  const copy = array.toSpliced(index, 0, item)
  owned?.add(copy)
  return copy
}

/** `array` with `item` at its end: pushed when this batch made it, else a copy one longer. */
function appended<T>(array: readonly T[], item: T): T[] {
  if (owned?.has(array)) {
    ;(array as T[]).push(item)
    return array as T[]
  }
  // concat copies at the exact new length in one go: ~12 µs for 12,000 items, against ~170 µs for a copy then a push
  // (or a spread with the item), whose store is grown and, at that size, allocated as a large object.
  const copy = array.concat([item])
  owned?.add(copy)
  return copy
}

/** What a change would break (core/invariants.ts): the change is left out, kept in the log without effect. */
class Refused {
  constructor(readonly problem: string) {}
}

/** Told of each operation the fold or batch now running leaves out, and why. */
let refusals: ((op: Operation, problem: string) => void) | null = null

function listening<T>(onRefused: ((op: Operation, problem: string) => void) | undefined, run: () => T): T {
  if (!onRefused) return run()
  const outer = refusals
  refusals = onRefused
  try {
    return run()
  } finally {
    refusals = outer
  }
}

/**
 * `op` applied to `doc`, or what it would break (a sentence): how main tries a change before it saves it. The
 * document given is never changed.
 */
export function tryApply(doc: ArticleDoc, op: Operation): { doc: ArticleDoc } | { problem: string } {
  let problem: string | null = null
  const next = listening(
    (refused, why) => {
      if (refused.id === op.id) problem = why
    },
    () => apply(doc, op)
  )
  return problem === null ? { doc: next } : { problem }
}

/**
 * The document made by a set of operations (in any order; an id counts once). It starts at the first creation; an
 * operation that sorts before it (a writer whose clock was far behind, a log edited by hand) is applied just after it,
 * so that nothing fails and nothing is dropped. An operation that would leave the document invalid (core/invariants.ts:
 * a forged or broken copy of a log) is kept in the log without effect, and `onRefused` is told. Throws only for a set
 * without a valid creation.
 */
export function fold(ops: readonly Operation[], onRefused?: (op: Operation, problem: string) => void): ArticleDoc {
  return listening(onRefused, () => inBatch(() => foldSorted(ops)))
}

function foldSorted(ops: readonly Operation[]): ArticleDoc {
  const sorted = uniqueSorted(ops)
  const first = sorted.find((op): op is Op<'article.create'> => op.type === 'article.create')
  if (!first) throw new FactmarkError('io', 'This article’s history does not start with its creation; it cannot be opened.')
  const problem = articleProblem(first.article)
  if (problem) throw new FactmarkError('io', `This article cannot be opened: ${lowerFirst(problem)}`)
  let doc = genesis(first)
  for (const op of sorted) if (op !== first) doc = step(doc, op)
  // The log stays in order whatever was applied first, so that the next operation can go on top of it.
  return sorted[0] === first ? doc : { ...doc, log: sorted }
}

/**
 * One more operation. Usually it sorts after every one the document has (a change made now, or the next line of a log)
 * and is applied on top; one that sorts earlier (a colleague's change made before ours, arriving later) refolds the log
 * with it in place. One already in the log changes nothing.
 */
export function apply(doc: ArticleDoc, op: Operation): ArticleDoc {
  const known = indexOf(doc.log).byId.get(op.id)
  if (known) return compareStamps(known, op) <= 0 ? doc : fold([...doc.log, op])
  const last = doc.log.at(-1)
  if (!last || compareStamps(last, op) < 0) return step(doc, op)
  return fold([...doc.log, op])
}

/** Several operations at once (a log read from disk, a batch from a server): one refold at most. */
export function applyAll(doc: ArticleDoc, ops: readonly Operation[], onRefused?: (op: Operation, problem: string) => void): ArticleDoc {
  return listening(onRefused, () => applyAllSorted(doc, ops))
}

function applyAllSorted(doc: ArticleDoc, ops: readonly Operation[]): ArticleDoc {
  const known = indexOf(doc.log).byId
  // Two different operations under one id (a writer that reused its ids) both go into a refold, which keeps the same one
  // whatever the order they came in.
  if (ops.some((op) => known.has(op.id) && compareStamps(op, known.get(op.id)!) < 0)) return fold([...doc.log, ...ops])
  const fresh = uniqueSorted(ops.filter((op) => !known.has(op.id)))
  if (fresh.length === 0) return doc
  const last = doc.log.at(-1)
  if (last && compareStamps(last, fresh[0]!) >= 0) return fold([...doc.log, ...fresh])
  return inBatch(() => fresh.reduce(step, doc))
}

/** What a log holds, looked up by key: its operations by id, and the latest removal of each claim, note and source. */
interface LogIndex {
  byId: Map<string, Operation>
  removals: Map<string, Operation>
}

// A memo, not state: an index is a function of its log array (which is never changed once made), kept beside it so that
// applying an operation does not scan the whole log. Each step hands the index on to the log it makes; an older log
// whose index was handed on builds its own again when asked.
const indexes = new WeakMap<readonly Operation[], LogIndex>()

function indexOf(log: readonly Operation[]): LogIndex {
  let index = indexes.get(log)
  if (!index) {
    index = { byId: new Map(), removals: new Map() }
    for (const op of log) record(index, op)
    indexes.set(log, index)
  }
  return index
}

function record(index: LogIndex, op: Operation): void {
  if (!index.byId.has(op.id)) index.byId.set(op.id, op)
  const key = removalKey(op)
  if (key) index.removals.set(key, op)
}

function removalKey(op: OperationBody): string | undefined {
  if (op.type === 'claim.delete') return `claim ${op.claimId}`
  if (op.type === 'claim.deleteNote') return `note ${op.claimId} ${op.note.id}`
  if (op.type === 'claim.deleteSource') return `source ${op.claimId} ${op.source.id}`
  return undefined
}

/**
 * The latest logged removal of what `restoring` brings back (a claim.create, addNote or addSource that undoes a
 * delete), which holds it as it was removed; undefined for something never removed, a new one.
 */
export function removalOf(doc: ArticleDoc, restoring: OperationBody): Operation | undefined {
  const key =
    restoring.type === 'claim.create'
      ? `claim ${restoring.claim.id}`
      : restoring.type === 'claim.addNote'
        ? `note ${restoring.claimId} ${restoring.note.id}`
        : restoring.type === 'claim.addSource'
          ? `source ${restoring.claimId} ${restoring.source.id}`
          : undefined
  return key === undefined ? undefined : indexOf(doc.log).removals.get(key)
}

/** In fold order, each id once: of two operations with one id, the one that sorts first, whichever came first. */
function uniqueSorted(ops: readonly Operation[]): Operation[] {
  const seen = new Set<string>()
  return [...ops].sort(compareStamps).filter((op) => !seen.has(op.id) && seen.add(op.id))
}

function genesis(op: Op<'article.create'>): ArticleDoc {
  return {
    format: ARTICLE_FORMAT,
    version: ARTICLE_VERSION,
    article: { ...op.article },
    claims: [],
    log: [op],
    revision: op.id,
    people: { ...op.people, [op.by]: op.name }
  }
}

/**
 * Applies an operation that sorts after all of the document's, and logs it; one whose result would be invalid is logged
 * without effect. Never throws.
 */
function step(doc: ArticleDoc, op: Operation): ArticleDoc {
  const people = doc.people[op.by] === op.name ? doc.people : { ...doc.people, [op.by]: op.name }
  const changed = change({ ...doc, people }, op)
  const log = appended(doc.log, op)
  const index = indexes.get(doc.log)
  if (index) {
    if (log !== doc.log) indexes.delete(doc.log)
    record(index, op)
    indexes.set(log, index)
  }
  if (changed instanceof Refused) {
    refusals?.(op, changed.problem)
    return { ...doc, log }
  }
  return { ...changed, article: { ...changed.article, updatedAt: op.at }, log, people }
}

/**
 * The document after `op`, or why not. A change is checked before it touches an array that this batch changes in place
 * (a claim is made and checked, then put in); a new text or state is checked once made.
 */
function change(doc: ArticleDoc, op: Operation): ArticleDoc | Refused {
  switch (op.type) {
    case 'article.create':
      return doc // an article is created once; a second creation (a copied log) changes nothing
    case 'article.rename':
      return { ...doc, article: { ...doc.article, title: op.title } }
    case 'claim.create':
      return createClaim(doc, op)
    case 'claim.delete':
      return deleteClaim(doc, op.claimId)
    case 'claim.setVerdict':
      return updateClaim(doc, op, (c) => {
        const { verdictWording: _given, ...rest } = c
        // The verdicts in force: this one, and those it did not see from other reviewers.
        const seen = op.seen ? new Set(op.seen) : null
        const others = (c.verdicts ?? []).filter((v) => seen !== null && !seen.has(v.op) && v.by !== op.by)
        // "Unreviewed" withdraws the author's verdict rather than standing against the others'; what is left is in force.
        const verdicts = op.verdict === 'unreviewed' ? others : [...others, { op: op.id, by: op.by, verdict: op.verdict }]
        const verdict = verdicts.at(-1)?.verdict ?? op.verdict
        return { ...rest, verdict, verdicts, ...(op.wording !== undefined ? { verdictWording: op.wording } : {}) }
      })
    case 'claim.setConclusion':
      return updateClaim(doc, op, (c) => ({ ...c, conclusion: op.conclusion }))
    case 'claim.setClaimant':
      return updateClaim(doc, op, (c) => ({ ...c, claimant: op.claimant }))
    case 'claim.setTags':
      return updateClaim(doc, op, (c) => ({ ...c, tags: [...op.tags] }))
    case 'claim.addNote':
      // By time; notes of the same millisecond in the order they were made (the fold's, the same everywhere: the sort
      // is stable), not by their random ids.
      return updateClaim(doc, op, (c) => (c.notes.some((n) => n.id === op.note.id) ? c : { ...c, notes: [...c.notes, op.note].sort((a, b) => a.at.localeCompare(b.at)) }))
    case 'claim.editNote':
      return updateClaim(doc, op, (c) => ({ ...c, notes: c.notes.map((n) => (n.id === op.noteId ? { ...n, text: op.text, editedAt: op.at } : n)) }))
    case 'claim.deleteNote':
      return updateClaim(doc, op, (c) => ({ ...c, notes: c.notes.filter((n) => n.id !== op.note.id) }))
    case 'claim.addSource':
      return updateClaim(doc, op, (c) => (c.sources.some((s) => s.id === op.source.id) ? c : { ...c, sources: [...c.sources, op.source] }))
    case 'claim.deleteSource':
      return updateClaim(doc, op, (c) => ({ ...c, sources: c.sources.filter((s) => s.id !== op.source.id) }))
    case 'article.revise':
      return checkedWhole(revise(doc, op))
    case 'claim.placeAnchor': {
      const moved = updateClaim(doc, op, (c) => place(c, onCurrentText(doc, op.rev, c, op.to), op.at))
      if (moved === doc || moved instanceof Refused) return moved
      // updateClaim made the array its own (a copy, or one this batch owns): sorted in place, its memo made anew.
      const claims = moved.claims.sort(compareClaims)
      claimsById.delete(claims)
      return { ...moved, claims }
    }
    case 'article.snapshot':
      return checkedWhole({ ...doc, article: { ...op.article, id: doc.article.id }, claims: [...op.claims].sort(compareClaims) })
    case 'suggestion.dismiss':
      return doc.dismissed?.includes(op.sentence) ? doc : { ...doc, dismissed: [...(doc.dismissed ?? []), op.sentence] }
    case 'suggestion.restore':
      return doc.dismissed?.includes(op.sentence) ? { ...doc, dismissed: doc.dismissed.filter((s) => s !== op.sentence) } : doc
    case 'article.setStatus':
      return { ...doc, status: { status: op.status, by: op.by, at: op.at, op: op.id } }
    case 'claim.assign':
      return updateClaim(doc, op, (c) => {
        const { assignee: _was, ...rest } = c
        return op.assignee === null ? rest : { ...rest, assignee: op.assignee }
      })
  }
}

/** An article's review status: in progress until someone sets one. */
export function reviewStatusOf(doc: Pick<ArticleDoc, 'status'>): ReviewStatus {
  return doc.status?.status ?? 'in-progress'
}

/** A new text or a whole new state, checked as a whole. */
function checkedWhole(doc: ArticleDoc): ArticleDoc | Refused {
  const problem = articleProblem(doc.article) ?? claimsProblem(doc)
  return problem ? new Refused(problem) : doc
}

function createClaim(doc: ArticleDoc, op: Op<'claim.create'>): ArticleDoc | Refused {
  if (positionOf(doc.claims, op.claim.id) >= 0) return doc
  const claim = place(op.claim, onCurrentText(doc, op.rev, op.claim, placementOf(op.claim)), op.claim.updatedAt)
  const problem = claimCountProblem(doc.claims.length + 1) ?? claimProblem(doc.article.text, doc.people, claim)
  if (problem) return new Refused(problem)
  const claims = inserted(doc.claims, sortedIndex(doc.claims, claim), claim)
  shareById(claims, doc.claims).set(claim.id, claim)
  return { ...doc, claims }
}

/**
 * A placement made against text revision `rev`, on the current text: as it is when it was made against this text and
 * still selects its words (or is marked not found); otherwise found again by the resolver, as a revision would.
 */
function onCurrentText(doc: ArticleDoc, rev: string, claim: Claim, to: ClaimPlacement): ClaimPlacement {
  const { text } = doc.article
  if (rev === doc.revision && placementFits(text, to)) return to
  const placed = placementOnText({ ...claim, quote: to.quote, position: to.position, anchor: to.anchor }, text)
  return to.verdictWording !== undefined ? { ...placed, verdictWording: to.verdictWording } : placed
}

/**
 * A new text: the claims go where the revision placed them, when it was made against this text and the claim is still
 * where the revision found it; any other claim (made, re-attached or moved concurrently, or after a concurrent
 * revision) is found again on the new text from where it is now.
 */
function revise(doc: ArticleDoc, op: Op<'article.revise'>): ArticleDoc {
  const next = { text: op.text, blocks: op.blocks, ...(op.links ? { links: op.links } : {}) }
  const plans = op.rev === doc.revision ? new Map(op.anchors.map((a) => [a.claimId, a])) : new Map<string, Op<'article.revise'>['anchors'][number]>()
  const planned = new Map<string, ClaimPlacement>()
  const unplanned: Claim[] = []
  for (const claim of doc.claims) {
    const plan = plans.get(claim.id)
    if (plan && JSON.stringify(plan.from) === JSON.stringify(placementOf(claim))) planned.set(claim.id, plan.to)
    else unplanned.push(claim)
  }
  if (unplanned.length) for (const anchor of reviseArticle({ article: doc.article, claims: unplanned }, next).anchors) planned.set(anchor.claimId, anchor.to)
  const claims = doc.claims.map((c) => {
    const to = planned.get(c.id)!
    return place(c, placementFits(op.text, to) ? to : placementOnText(c, op.text), op.at)
  })
  const { links: _old, ...article } = doc.article
  return {
    ...doc,
    article: { ...article, text: op.text, blocks: op.blocks, ...(op.links?.length ? { links: op.links } : {}) },
    claims: claims.sort(compareClaims),
    revision: op.id
  }
}

/** Puts a claim at a placement. */
function place(claim: Claim, to: ClaimPlacement, at: string): Claim {
  // Where nothing changes (a claim created where it was marked), the claim is the operation's own object: the document and
  // its log then hold one copy of it, in memory and in what crosses to the window.
  if (to.quote === claim.quote && to.position === claim.position && to.anchor === claim.anchor && to.verdictWording === claim.verdictWording && at === claim.updatedAt) return claim
  const { anchor: _previous, verdictWording: _given, ...rest } = claim
  return {
    ...rest,
    quote: to.quote,
    position: to.position,
    ...(to.anchor ? { anchor: to.anchor } : {}),
    ...(to.verdictWording !== undefined ? { verdictWording: to.verdictWording } : {}),
    updatedAt: at
  }
}

// Each claim of a claims array by id: a memo beside the array (like the log's index). It gives a claim's sort key
// (position, creation, id: what compareClaims orders by), from which its index is found by a binary search and checked.
// A new array made by a change shares its predecessor's memo: a change to a claim keeps its key; a new claim adds an
// entry; a removed one keeps its entry. An entry that is stale for some array (a claim it does not hold, or holds
// elsewhere) only fails the check, and a scan answers instead. So no change copies the memo (1.3 ms at 10,000 claims)
// or rebuilds it.
const claimsById = new WeakMap<readonly Claim[], Map<string, Claim>>()

function byIdOf(claims: readonly Claim[]): Map<string, Claim> {
  let byId = claimsById.get(claims)
  if (!byId) {
    byId = new Map(claims.map((c) => [c.id, c]))
    claimsById.set(claims, byId)
  }
  return byId
}

/** Hands `from`'s memo on to `claims`, a changed copy of it (or itself). */
function shareById(claims: readonly Claim[], from: readonly Claim[]): Map<string, Claim> {
  const byId = byIdOf(from)
  claimsById.set(claims, byId)
  return byId
}

/** Where a claim with this sort key goes (or is) in a sorted claims array. */
function sortedIndex(claims: readonly Claim[], claim: Claim): number {
  let lo = 0
  let hi = claims.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareClaims(claims[mid]!, claim) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

function positionOf(claims: readonly Claim[], claimId: string): number {
  const key = byIdOf(claims).get(claimId)
  if (key) {
    const index = sortedIndex(claims, key)
    if (claims[index]?.id === claimId) return index
  }
  // Not found where its key says (a stale entry, or claims out of order in a document not made here): a scan.
  return key ? claims.findIndex((c) => c.id === claimId) : -1
}

/** Builds the document's lookups (the log's index, the claims by id) now, so that its first change does not wait for them. */
export function readyForChanges(doc: Pick<ArticleDoc, 'claims' | 'log'>): void {
  indexOf(doc.log)
  byIdOf(doc.claims)
}

/** A claim of the document by id (through the memo: a 10,000-claim article is not scanned for each change). */
export function findClaim(doc: Pick<ArticleDoc, 'claims'>, claimId: string): Claim | undefined {
  const index = positionOf(doc.claims, claimId)
  return index < 0 ? undefined : doc.claims[index]
}

function deleteClaim(doc: ArticleDoc, claimId: string): ArticleDoc {
  const index = positionOf(doc.claims, claimId)
  if (index < 0) return doc
  const claims = writable(doc.claims)
  shareById(claims, doc.claims)
  claims.splice(index, 1)
  return { ...doc, claims }
}

function updateClaim(doc: ArticleDoc, op: Operation & { claimId: string }, change: (claim: Claim) => Claim): ArticleDoc | Refused {
  const index = positionOf(doc.claims, op.claimId)
  if (index < 0) return doc
  const changed = { ...change(doc.claims[index]!), updatedAt: op.at }
  const problem = claimProblem(doc.article.text, doc.people, changed)
  if (problem) return new Refused(problem)
  const claims = writable(doc.claims)
  // Replaced where it was, with the same sort key: the memo holds for the copy too. (A change of placement,
  // placeAnchor, re-sorts the array and makes its memo anew.)
  shareById(claims, doc.claims)
  claims[index] = changed
  return { ...doc, claims }
}

/** Whether an operation changed anything when it was folded in (false: its claim was gone, or it was a repeat). */
export function tookEffect(before: ArticleDoc, op: Operation): boolean {
  if ('claimId' in op && op.type !== 'claim.delete') return before.claims.some((c) => c.id === op.claimId)
  return true
}

// —— Changes made here and now ——

/**
 * Refuses a change that does not fit the document as it is: made against an older state (`previous` values), about a
 * claim, note or source that no longer exists, or a claim that does not match the text. Throws a FactmarkError with a
 * message fit to show as it is. The document folds whatever comes; this is the guard for the one making the change.
 */
export function checkFits(doc: ArticleDoc, op: OperationBody): void {
  const claim = 'claimId' in op ? (findClaim(doc, op.claimId) ?? notFound('claim')) : undefined
  switch (op.type) {
    case 'article.create':
    case 'article.snapshot':
      throw new FactmarkError('forbidden', 'An article is created by importing it; its whole state cannot be replaced.')
    case 'article.rename':
      return expectSame(doc.article.title, op.previous, 'the title')
    case 'claim.create': {
      if (findClaim(doc, op.claim.id)) conflict('That claim is already there.')
      const onText = placementFits(doc.article.text, { quote: op.claim.quote, position: op.claim.position })
      // Sources that come with a new claim pass the same check as those added to it.
      const unsafe = op.claim.sources.map((s) => checkSourceUrl(s.url)).find((link) => !link.ok)
      if (onText && !unsafe) return
      // Undoing a delete: the claim comes back as it was removed (stamp.ts), for a text that may have changed since or
      // where it was not found (the fold finds it again, as a revision would), with the sources it had.
      if (removalOf(doc, op)) return
      if (!onText) throw new FactmarkError('invalid-argument', 'The claim does not match the article text at its position, or cuts a character in half.')
      throw new FactmarkError('unsafe-url', unsafe!.ok ? '' : unsafe!.message)
    }
    case 'claim.delete':
      return
    case 'claim.setVerdict':
      // Undoing one's own verdict is checked against that verdict (in stampOperation), not whatever is latest.
      return op.undoes ? undefined : expectSame(claim!.verdict, op.previous, 'the verdict')
    case 'claim.setConclusion':
      return expectSame(claim!.conclusion, op.previous, 'the conclusion')
    case 'claim.setClaimant':
      return expectSame(claim!.claimant, op.previous, 'the claimant')
    case 'claim.setTags':
      return expectSame(claim!.tags.join('\u0000'), op.previous.join('\u0000'), 'the tags')
    case 'claim.addNote':
      if (claim!.notes.some((n) => n.id === op.note.id)) conflict('That note is already there.')
      return
    case 'claim.editNote': {
      const note = claim!.notes.find((n) => n.id === op.noteId) ?? notFound('note')
      if (!op.text.trim()) throw new FactmarkError('invalid-argument', 'A note needs words, not only spaces.')
      return expectSame(note.text, op.previous, 'the note')
    }
    case 'claim.deleteNote':
      if (!claim!.notes.some((n) => n.id === op.note.id)) notFound('note')
      return
    case 'claim.addSource': {
      const link = checkSourceUrl(op.source.url)
      if (!link.ok) throw new FactmarkError('unsafe-url', link.message)
      if (claim!.sources.some((s) => s.id === op.source.id)) conflict('That source is already there.')
      return
    }
    case 'claim.deleteSource':
      if (!claim!.sources.some((s) => s.id === op.source.id)) notFound('source')
      return
    case 'article.revise':
      return expectSame(doc.article.text, op.previous.text, 'the article text')
    case 'suggestion.dismiss':
      // Only words the text has now (a suggestion is one of its sentences); dismissing one twice changes nothing.
      if (op.sentence.trim() !== op.sentence || !doc.article.text.includes(op.sentence)) {
        throw new FactmarkError('invalid-argument', 'That suggestion is not in the article’s text any more.')
      }
      return
    case 'suggestion.restore':
      if (!doc.dismissed?.includes(op.sentence)) notFound('dismissed suggestion')
      return
    case 'article.setStatus':
      return expectSame(reviewStatusOf(doc), op.previous, 'the review status')
    case 'claim.assign':
      return expectSame(claim!.assignee ?? null, op.previous, 'who the claim is assigned to')
    case 'claim.placeAnchor': {
      expectSame(JSON.stringify(placementOf(claim!)), JSON.stringify(op.from), 'where the claim sits')
      if (!placementFits(doc.article.text, op.to)) {
        throw new FactmarkError('invalid-argument', 'The claim does not match the article text at its new position.')
      }
      return
    }
  }
}

/** The change that undoes `op` (a body: main stamps it as a change of its own). */
export function invert(op: OperationBody): OperationBody {
  switch (op.type) {
    case 'article.create':
    case 'article.snapshot':
      throw new FactmarkError('forbidden', 'Creating an article cannot be undone; move it to the trash instead.')
    case 'article.rename':
      return { type: op.type, title: op.previous, previous: op.title }
    case 'claim.create':
      return { type: 'claim.delete', claimId: op.claim.id, claim: op.claim }
    case 'claim.delete':
      return { type: 'claim.create', claim: op.claim }
    case 'claim.setVerdict':
      return {
        type: op.type,
        claimId: op.claimId,
        verdict: op.previous,
        previous: op.verdict,
        ...(op.previousWording !== undefined ? { wording: op.previousWording } : {}),
        ...(op.wording !== undefined ? { previousWording: op.wording } : {})
      }
    case 'claim.setConclusion':
      return { type: op.type, claimId: op.claimId, conclusion: op.previous, previous: op.conclusion }
    case 'claim.setClaimant':
      return { type: op.type, claimId: op.claimId, claimant: op.previous, previous: op.claimant }
    case 'claim.setTags':
      return { type: op.type, claimId: op.claimId, tags: op.previous, previous: op.tags }
    case 'claim.addNote':
      return { type: 'claim.deleteNote', claimId: op.claimId, note: op.note }
    case 'claim.deleteNote':
      return { type: 'claim.addNote', claimId: op.claimId, note: op.note }
    case 'claim.editNote':
      return { type: op.type, claimId: op.claimId, noteId: op.noteId, text: op.previous, previous: op.text }
    case 'claim.addSource':
      return { type: 'claim.deleteSource', claimId: op.claimId, source: op.source }
    case 'claim.deleteSource':
      return { type: 'claim.addSource', claimId: op.claimId, source: op.source }
    case 'article.revise':
      return {
        type: op.type,
        text: op.previous.text,
        blocks: op.previous.blocks,
        ...(op.previous.links ? { links: op.previous.links } : {}),
        previous: { text: op.text, blocks: op.blocks, ...(op.links ? { links: op.links } : {}) },
        anchors: op.anchors.map((a) => ({ claimId: a.claimId, to: a.from, from: a.to }))
      }
    case 'claim.placeAnchor':
      return { type: op.type, claimId: op.claimId, to: op.from, from: op.to }
    case 'suggestion.dismiss':
      return { type: 'suggestion.restore', sentence: op.sentence }
    case 'suggestion.restore':
      return { type: 'suggestion.dismiss', sentence: op.sentence }
    case 'article.setStatus':
      return { type: op.type, status: op.previous, previous: op.status }
    case 'claim.assign':
      return { type: op.type, claimId: op.claimId, assignee: op.previous, previous: op.assignee }
  }
}

/** The change that undoes a stored operation; a verdict's says which one it undoes (see Claim.verdicts). */
export function undoOf(op: Operation): OperationBody {
  const inverse = invert(bodyOf(op))
  return inverse.type === 'claim.setVerdict' ? { ...inverse, undoes: op.id } : inverse
}

/** What an operation is, without its stamp (the renderer's undo and redo send bodies again). */
export function bodyOf(op: Operation): OperationBody {
  const { id: _id, ts: _ts, replica: _replica, by: _by, name: _name, at: _at, rev: _rev, ...body } = op
  return body as OperationBody
}

function expectSame<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) conflict(`${what[0]!.toUpperCase()}${what.slice(1)} was changed meanwhile; reload the article and try again.`)
}

function conflict(message: string): never {
  throw new FactmarkError('conflict', message)
}

function notFound(what: string): never {
  throw new FactmarkError('not-found', `That ${what} no longer exists.`)
}
