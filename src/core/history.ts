// The audit trail told in words: one line per operation, shared by the app's history panel and the reports.

import { logFold } from './log-fold'
import { ANNOTATION_SOURCES } from './annotations/formats'
import type { Note, Operation } from './model'
import { DEFAULT_VERDICT_LABELS, type ReviewStatus, type Verdict } from './model'
import { anchorState, PLACEMENT_LABELS, revisionSummary } from './placement-words'
import { shorten } from './shorten'

/**
 * A reviewer's name as the document knows it now (from their latest operation; see ArticleDoc.people), else their id:
 * reports and the history show names, and a rename shows everywhere, old changes included.
 */
export function personName(people: Readonly<Record<string, string>>, id: string): string {
  return people[id]?.trim() || id.trim() || 'Unknown reviewer'
}

/** Who wrote a note, as reports and the app show it: its reviewer, or for a note imported from another tool its author there. */
export function noteAuthor(people: Readonly<Record<string, string>>, note: Pick<Note, 'by' | 'author'>): string {
  return note.author ? `${note.author} (imported)` : personName(people, note.by)
}

/** What the history adds to a change that did nothing, because its claim was gone when it came in order. */
export const NO_EFFECT = 'no effect: the claim had been deleted'

/**
 * The operations of a log (in its order) that changed nothing: about a claim that was not there at that point (deleted
 * concurrently, say), a claim created or deleted twice, a second creation of the article. They stay in the log, the
 * audit trail, and the history says so.
 */
export function withoutEffect(log: readonly Operation[]): ReadonlySet<string> {
  let idle = idleByLog.get(log)
  if (!idle) idleByLog.set(log, (idle = findWithoutEffect(log)))
  return idle
}

// A report asks once per claim; the log is the same each time.
const idleByLog = new WeakMap<readonly Operation[], ReadonlySet<string>>()

function findWithoutEffect(log: readonly Operation[]): Set<string> {
  const idle = new Set<string>()
  const present = new Set<string>()
  let created = false
  for (const op of log) {
    if (op.type === 'article.create') {
      if (created) idle.add(op.id)
      created = true
    } else if (op.type === 'article.snapshot') {
      present.clear()
      for (const c of op.claims) present.add(c.id)
    } else if (op.type === 'claim.create') {
      if (present.has(op.claim.id)) idle.add(op.id)
      present.add(op.claim.id)
    } else if (op.type === 'claim.delete') {
      if (!present.delete(op.claimId)) idle.add(op.id)
    } else if ('claimId' in op && !present.has(op.claimId)) {
      idle.add(op.id)
    }
  }
  return idle
}

/** The id of the claim an operation is about, if any. */
export function claimIdOf(op: Operation): string | undefined {
  if (op.type === 'claim.create') return op.claim.id
  return 'claimId' in op ? op.claimId : undefined
}

export type HistoryOptions = { verdictLabels: Record<Verdict, string>; includeNotes: boolean } & {
  /** Reviewers' names by id, for a claim given to one of them (absent: "a reviewer"). */
  people?: Record<string, string>
  /**
   * Wrap quoted user text in Unicode directional isolates (FSI … PDI), so that an Arabic or Hebrew quote does
   * not reorder the English sentence around it. For HTML; plain-text formats leave them out.
   */
  isolate?: boolean
}

/** Pairs of quotation marks a text may already come wrapped in (a claim that is itself a quotation). */
const PAIRS: readonly [string, string][] = [['“', '”'], ['"', '"'], ['«', '»'], ['„', '“']]

/**
 * Text in quotation marks, “like this”, unless it already carries its own: wrapped in a known pair (kept, and
 * what is inside is shortened), or beginning with “ or ending with ” (a partial quotation: left as it is).
 * `shorten` cuts the inside; `isolate` wraps it in directional isolates for HTML (see HistoryOptions).
 */
export function inQuotes(text: string, options: { isolate?: boolean; shorten?: (inner: string) => string } = {}): string {
  const trimmed = text.trim()
  const pair = PAIRS.find(([open, close]) => trimmed.length > open.length + close.length && trimmed.startsWith(open) && trimmed.endsWith(close))
  const own = !pair && (trimmed.startsWith('“') || trimmed.endsWith('”'))
  const [open, close] = pair ?? (own ? ['', ''] : ['“', '”'])
  const inner = pair ? trimmed.slice(open.length, trimmed.length - close.length) : text
  const cut = options.shorten ? options.shorten(inner) : inner
  return `${open}${options.isolate ? `\u2068${cut}\u2069` : cut}${close}`
}

/** One change as a reviewer would say it. Without notes in the report, note text is not quoted here either. */
/** What each review status is called, everywhere. */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  'in-progress': 'In progress',
  ready: 'Ready for the editor',
  approved: 'Approved',
  reopened: 'Reopened'
}

export function describeOperation(op: Operation, options: HistoryOptions): string {
  const quoted = (text: string, max = 80) => inQuotes(text, { isolate: options.isolate, shorten: (inner) => shorten(inner, max) })
  const label = (v: Verdict) => options.verdictLabels[v] || DEFAULT_VERDICT_LABELS[v]
  const note = (text: string) => (options.includeNotes ? ` ${quoted(text)}` : '')
  switch (op.type) {
    case 'article.create':
      return `added the article ${quoted(op.article.title)}`
    case 'article.snapshot':
      return `brought the article to its saved state (${op.reason})`
    case 'article.rename':
      return `renamed the article to ${quoted(op.title)} (was ${quoted(op.previous)})`
    case 'claim.create': {
      const from = op.claim.imported
      if (from) return `imported the claim ${quoted(op.claim.quote.exact)} from ${ANNOTATION_SOURCES[from.format]}${from.author.trim() ? ` by ${from.author.trim()}` : ''}`
      return `${op.claim.origin ? 'accepted the suggested claim' : 'marked the claim'} ${quoted(op.claim.quote.exact)}`
    }
    case 'claim.delete':
      return `deleted the claim ${quoted(op.claim.quote.exact)}`
    case 'claim.setVerdict':
      return op.resolves
        ? `resolved the reviewers' disagreement: ${label(op.verdict)}`
        : `set the verdict to ${label(op.verdict)} (was ${label(op.previous)})`
    case 'claim.setConclusion':
      return op.conclusion ? `wrote the conclusion ${quoted(op.conclusion)}` : 'cleared the conclusion'
    case 'claim.setClaimant':
      return op.claimant ? `set the claimant to ${quoted(op.claimant)}` : 'cleared the claimant'
    case 'claim.setTags':
      return op.tags.length ? `set the tags to ${op.tags.map((t) => quoted(t, 40)).join(', ')}` : 'removed the tags'
    case 'claim.addNote':
      return `added a note${note(op.note.text)}`
    case 'claim.editNote':
      return `edited a note${options.includeNotes ? ` to ${quoted(op.text)}` : ''}`
    case 'claim.deleteNote':
      return `deleted a note${note(op.note.text)}`
    case 'claim.addSource':
      return `added the source ${quoted(op.source.title || op.source.url)} (${op.source.stance})`
    case 'claim.deleteSource':
      return `removed the source ${quoted(op.source.title || op.source.url)}`
    case 'article.revise': {
      const moved = op.anchors.filter((a) => a.to.anchor?.status === 'moved').length
      const orphaned = op.anchors.filter((a) => a.to.anchor?.status === 'orphaned').length
      return `updated the article to a new version (${revisionSummary({ anchored: op.anchors.length - moved - orphaned, moved, orphaned })})`
    }
    case 'claim.placeAnchor':
      return op.to.anchor ? `moved the claim back (${PLACEMENT_LABELS[anchorState(op.to.anchor)].toLocaleLowerCase()})` : op.to.quote.exact === op.from.quote.exact && op.to.position.start === op.from.position.start ? 'accepted where the claim now sits' : `re-attached the claim to ${quoted(op.to.quote.exact)}`
    case 'suggestion.dismiss':
      return `dismissed the suggestion ${quoted(op.sentence)}`
    case 'suggestion.restore':
      return `brought back the suggestion ${quoted(op.sentence)}`
    case 'article.setStatus':
      return `set the review status to ${REVIEW_STATUS_LABELS[op.status].toLocaleLowerCase()} (was ${REVIEW_STATUS_LABELS[op.previous].toLocaleLowerCase()})`
    case 'claim.assign':
      return op.assignee === null ? 'took the claim off its reviewer' : `gave the claim to ${quoted(options.people?.[op.assignee] ?? 'a reviewer', 40)} to check`
  }
}

/** The claims an operation changed: its own claim, or those a revision moved or lost. */
function claimsTouched(op: Operation): readonly string[] {
  if (op.type === 'article.revise') return [...new Set(op.anchors.filter((a) => a.to.anchor !== undefined || a.from.anchor !== undefined).map((a) => a.claimId))]
  const id = claimIdOf(op)
  return id === undefined ? [] : [id]
}

const NO_OPERATIONS: readonly Operation[] = []

/** The operations that changed one claim, oldest first, from an index of the log kept as it grows. */
export function claimOperations(log: readonly Operation[], claimId: string): readonly Operation[] {
  return operationsByClaim(log).get(claimId) ?? NO_OPERATIONS
}

/** Indexes the log by claim ahead of need (in idle time): the first claim opened would otherwise wait for it. */
export function prepareHistory(log: readonly Operation[]): void {
  operationsByClaim(log)
}

// Extended as the log grows (core/log-fold.ts): a claim the added operations touch gets a new list.
const operationsByClaim = logFold<ReadonlyMap<string, readonly Operation[]>>({
  whole: (log) => indexByClaim(new Map(), log, null),
  extend: (earlier, added) => indexByClaim(new Map(earlier), added, new Set())
})

function indexByClaim(index: Map<string, readonly Operation[]>, ops: readonly Operation[], copied: Set<string> | null): Map<string, readonly Operation[]> {
  for (const op of ops) {
    for (const id of claimsTouched(op)) {
      const list = index.get(id) as Operation[] | undefined
      if (list && (!copied || copied.has(id))) list.push(op)
      else {
        index.set(id, list ? [...list, op] : [op])
        copied?.add(id)
      }
    }
  }
  return index
}

