import { articleAgreement, claimJudgements, prepareJudgements, type ArticleAgreement, type Judgement } from '../../../core/agreement'
import { hasDisagreement } from '../../../core/disagreement'
import type { ArticleDoc, Claim, Operation, OperationBody, Verdict } from '../../../core/model'
import { prepareHistory } from '../../../core/history'
import { apply, applyAll, bodyOf, findClaim, readyForChanges, undoOf } from '../../../core/ops'
import { needsLook } from '../../../core/progress'
import { claimMatcher } from '../lib/history'
import { unwrap, type CallError } from '../lib/factmark'
import { ArticleInsights } from './insights.svelte'
import { notices } from './notices.svelte'

/** One article's undo and redo stacks: kept by the library per article, so they survive opening another one. */
export class UndoHistory {
  undo = $state.raw<Operation[]>([])
  redo = $state.raw<Operation[]>([])
}

export interface RunOptions {
  /** Where a refusal is shown (beside the field that caused it); by default a notice. */
  onError?: (message: string, field?: string) => void
}

/** What the claim list shows by verdict: all, one verdict, those that need a look, or those reviewers disagree on. */
export type ClaimFilter = Verdict | 'all' | 'needs-look' | 'disagreements'

/** The list's assignee filter: anyone, no one yet, or a reviewer's id (ids never hold a colon). */
export const ANYONE = ':anyone'
export const UNASSIGNED = ':unassigned'
export type AssigneeFilter = typeof ANYONE | typeof UNASSIGNED | (string & {})

/** What the sidebar lists below the article's desk line. */
export type SidebarView = 'claims' | 'suggestions' | 'numbers' | 'agreement'

/**
 * The article under review: its document, the selected claim, list filters, and undo/redo.
 * Every change goes to main as an operation; once main has stored it, the same reducer applies it here.
 */
export class ReviewSession {
  doc = $state.raw<ArticleDoc>(null!)
  selectedId = $state<string | null>(null)
  /** Claims under the last click, shortest first, so overlapping ones stay reachable. */
  underPointer = $state.raw<string[]>([])
  #filter = $state<ClaimFilter>('all')
  /** Whose claims the list shows (see AssigneeFilter). */
  assigneeFilter = $state<AssigneeFilter>(ANYONE)
  query = $state('')
  busy = $state(false)
  /** What the sidebar lists: the claims, Factmark's suggestions, or its checks of the article's numbers. */
  sidebar = $state<SidebarView>('claims')
  readonly insights: ArticleInsights = new ArticleInsights(this)
  /** Called with each stored document before the rest of the UI updates, so highlights paint first. */
  onApplied: ((doc: ArticleDoc, selectedId: string | null) => void) | null = null
  readonly #history: UndoHistory

  constructor(
    doc: ArticleDoc,
    private readonly reviewer: () => Promise<string | null>,
    private readonly onStored: (summary: { id: string }) => void,
    history: UndoHistory = new UndoHistory()
  ) {
    this.doc = doc
    this.#history = history
    readyWhenIdle(doc)
  }

  /** The list's filter. */
  get verdictFilter(): ClaimFilter {
    return this.#filter
  }

  set verdictFilter(filter: ClaimFilter) {
    this.#filter = filter
  }

  // Worked out once per document (and filter), however many components read them: at 10,000 claims each is a walk
  // of the list, and a getter read in five places walked it five times on every change.
  readonly claims: Claim[] = $derived(this.doc.claims)
  readonly selected: Claim | null = $derived(findSelected(this.doc, this.selectedId))

  readonly visibleClaims: Claim[] = $derived.by(() => {
    const filter = this.verdictFilter
    const assignee = this.assigneeFilter
    const shown = (c: Claim) =>
      filter === 'all' || (filter === 'needs-look' ? needsLook(c) : filter === 'disagreements' ? hasDisagreement(c) : c.verdict === filter)
    const theirs = (c: Claim) => assignee === ANYONE || (assignee === UNASSIGNED ? c.assignee === undefined : c.assignee === assignee)
    const matches = claimMatcher(this.query)
    return this.doc.claims.filter((c) => shown(c) && theirs(c) && matches(c))
  })

  /** Claims on which the verdicts in force differ (reviewers who have not yet been resolved). */
  readonly disagreements: Claim[] = $derived(this.doc.claims.filter(hasDisagreement))

  /** Each reviewer's own judgement of one claim (reviewer id → verdict); a change folds only what it adds. */
  judgementsOf(claimId: string): ReadonlyMap<string, Judgement> | undefined {
    return claimJudgements(this.doc, claimId)
  }

  /** How far the article's reviewers agree (Cohen's κ per pair, Fleiss' κ overall), worked out when first looked at. */
  readonly agreement: ArticleAgreement = $derived(articleAgreement(this.doc))

  get canUndo(): boolean {
    return this.#history.undo.length > 0
  }

  get canRedo(): boolean {
    return this.#history.redo.length > 0
  }

  select(id: string | null, underPointer: string[] = []): void {
    this.selectedId = id
    this.underPointer = underPointer
  }

  /**
   * Sends one operation; true when main stored it. Changes run one after another, and `build` runs when its
   * turn comes, against the document as it is then: keys pressed in quick succession act in order.
   * A builder may return null when, by then, there is nothing to do.
   */
  run(build: (by: string, at: string) => OperationBody | null, options: RunOptions = {}): Promise<boolean> {
    return this.#enqueue(async () => {
      const by = await this.reviewer()
      const op = by && build(by, new Date().toISOString())
      const stored = op ? await this.#send(op, options) : null
      if (stored) this.#pushUndo(stored)
      return stored !== null
    })
  }

  undo(): Promise<void> {
    return this.#enqueue(async () => {
      const history = this.#history
      const op = history.undo.at(-1)
      const by = op && (await this.reviewer())
      if (!op || !by) return
      if (await this.#send(undoOf(op))) {
        history.undo = history.undo.slice(0, -1)
        history.redo = [...history.redo, op]
        notices.show(`Undone: ${undoLabel(op)}`)
      }
    })
  }

  redo(): Promise<void> {
    return this.#enqueue(async () => {
      const history = this.#history
      const op = history.redo.at(-1)
      const by = op && (await this.reviewer())
      if (!op || !by) return
      const stored = await this.#send(bodyOf(op))
      if (stored) {
        history.redo = history.redo.slice(0, -1)
        history.undo = [...history.undo, stored]
        notices.show(`Redone: ${undoLabel(op)}`)
      }
    })
  }

  /** Takes in an operation that main built and stored itself (a new version of the text); it can be undone too. */
  adopt(op: Operation): void {
    this.#setDoc(apply(this.doc, op))
    this.onApplied?.(this.doc, this.selectedId)
    this.#pushUndo(op)
  }

  /** "Needs a look" switches itself off once nothing needs a look (e.g. after undoing an update). */
  #setDoc(doc: ArticleDoc): void {
    this.doc = doc
    if (this.#filter === 'needs-look' && !doc.claims.some(needsLook)) this.#filter = 'all'
    if (this.assigneeFilter !== ANYONE && this.assigneeFilter !== UNASSIGNED && !(this.assigneeFilter in doc.people)) this.assigneeFilter = ANYONE
  }

  #pushUndo(op: Operation): void {
    this.#history.undo = [...this.#history.undo, op]
    this.#history.redo = []
  }

  /** Claims to look at again: moved, changed or not found in an update, or with a verdict given for earlier words. */
  readonly needsLook: Claim[] = $derived(this.doc.claims.filter(needsLook))

  /** Runs `step` once every change asked for before it has been stored (or refused), in turn with later ones. */
  afterPending(step: () => void): Promise<void> {
    return this.#enqueue(async () => step())
  }

  #queue: Promise<unknown> = Promise.resolve()
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task)
    this.#queue = next.catch(() => {})
    return next
  }

  /**
   * A newer state of the article from main (another writer's changes). Changes of ours that main has stored but that
   * the event was made without are kept: the same fold gives the same document whatever the order.
   */
  takeIn(doc: ArticleDoc): void {
    const known = new Set(doc.log.map((op) => op.id))
    const ours = this.doc.log.filter((op) => !known.has(op.id))
    const next = ours.length ? applyAll(doc, ours) : doc
    this.onApplied?.(next, this.selectedId)
    this.#setDoc(next)
    readyWhenIdle(next)
    if (this.selectedId && !next.claims.some((c) => c.id === this.selectedId)) this.selectedId = null
  }

  async #send(op: OperationBody, options: RunOptions = {}): Promise<Operation | null> {
    this.busy = true
    try {
      const { op: stored, summary } = await unwrap(window.factmark.applyOperation({ articleId: this.doc.article.id, op: $state.snapshot(op) }))
      const doc = apply(this.doc, stored)
      let selectedId = this.selectedId
      if (stored.type === 'claim.create') selectedId = stored.claim.id
      if (stored.type === 'claim.delete' && selectedId === stored.claimId) selectedId = null
      // Highlights first, in a frame of their own; the lists and the panel follow in the next one.
      if (this.onApplied) {
        this.onApplied(doc, selectedId)
        await afterNextPaint()
      }
      this.#setDoc(doc)
      this.selectedId = selectedId
      this.onStored(summary)
      return stored
    } catch (error) {
      const message = (error as Error).message
      if (options.onError) options.onError(message, (error as CallError).field)
      else notices.error(message)
      return null
    } finally {
      this.busy = false
    }
  }
}

/** Builds the document's lookups and folds when the window is idle: at 10,000 claims the first change would otherwise spend ~20 ms on them. */
function readyWhenIdle(doc: ArticleDoc): void {
  requestIdleCallback(() => {
    readyForChanges(doc)
    prepareJudgements(doc)
    prepareHistory(doc.log)
  })
}

/** Resolves once the browser has had a chance to paint (rAF, then a task); never waits long in a hidden window. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100)
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback)
        resolve()
      }, 0)
    )
  })
}

export function undoLabel(op: Operation): string {
  switch (op.type) {
    case 'claim.create':
      return op.claim.origin ? 'accept suggestion' : 'mark claim'
    case 'claim.delete':
      return 'delete claim'
    case 'claim.setVerdict':
      return 'verdict'
    case 'claim.addNote':
    case 'claim.editNote':
    case 'claim.deleteNote':
      return 'note'
    case 'claim.addSource':
    case 'claim.deleteSource':
      return 'source'
    case 'article.rename':
      return 'rename'
    case 'article.revise':
      return 'new version of the text'
    case 'claim.placeAnchor':
      return 'claim placement'
    case 'suggestion.dismiss':
      return 'dismiss suggestion'
    case 'suggestion.restore':
      return 'bring back suggestion'
    case 'article.setStatus':
      return 'review status'
    case 'claim.assign':
      return 'assignment'
    default:
      return op.type.replace('claim.set', '').toLowerCase()
  }
}

/** The selected claim, through the document's lookup by id (not a walk of every claim). */
function findSelected(doc: ArticleDoc, id: string | null): Claim | null {
  return id === null ? null : (findClaim(doc, id) ?? null)
}
