import { openSuggestions, type ArticleAnalysis, type NumberFinding, type Suggestion } from '../../../core/analysis'
import { newClaimOperation } from '../../../core/new-claim'
import { unwrap } from '../lib/factmark'
import type { ReviewSession } from './review.svelte'

/**
 * What Factmark found in the open article by itself: the claims worth checking and its own arithmetic. Main works them
 * out for each text revision; what is shown is derived from that and the document (dismissed suggestions and those a
 * claim already covers are left out), so a colleague's dismissal or claim hides a suggestion here too.
 */
export class ArticleInsights {
  private readonly session: ReviewSession
  analysis = $state.raw<ArticleAnalysis | null>(null)
  /** Why the analysis could not be had, in words; null while all is well. */
  error = $state<string | null>(null)
  /** The suggestion the keyboard is on (its start in the text), or null. */
  focusedStart = $state<number | null>(null)
  /** The finding being looked at in the Numbers list: its quantities are marked in the article. */
  focusedFinding = $state.raw<NumberFinding | null>(null)
  #asked: string | null = null

  constructor(session: ReviewSession) {
    this.session = session
  }

  /** Asks main for the analysis of the current text, once per text revision. */
  async refresh(): Promise<void> {
    const doc = this.session.doc
    const key = `${doc.article.id} ${doc.revision}`
    if (this.#asked === key) return
    this.#asked = key
    try {
      const analysis = await unwrap(window.factmark.analyseArticle({ articleId: doc.article.id }))
      if (this.#asked === key) {
        this.analysis = analysis
        this.error = null
      }
    } catch (error) {
      if (this.#asked === key) this.error = (error as Error).message
      this.#asked = null
    }
  }

  /** The suggestions still open, strongest first. */
  readonly suggestions = $derived.by(() => openSuggestions(this.session.doc, this.analysis))

  readonly findings: NumberFinding[] = $derived.by(() => (this.analysis?.revision === this.session.doc.revision ? this.analysis.findings : []))

  get focused(): Suggestion | null {
    return this.suggestions.find((s) => s.start === this.focusedStart) ?? null
  }

  /** Accepting makes the suggestion a claim on exactly its words (main records that it was suggested, and its score). */
  accept(suggestion: Suggestion): Promise<boolean> {
    const next = this.#after(suggestion)
    return this.session.run((by, at) => {
      if (this.session.doc.article.text.slice(suggestion.start, suggestion.end) !== suggestion.text) return null
      const op = newClaimOperation(this.session.doc.article.text, suggestion, { by, at })
      if (op.type !== 'claim.create') return null
      this.focusedStart = next
      return { ...op, claim: { ...op.claim, origin: { kind: 'suggested', score: suggestion.score, kinds: suggestion.kinds } } }
    })
  }

  dismiss(suggestion: Suggestion): Promise<boolean> {
    const next = this.#after(suggestion)
    return this.session.run(() => {
      this.focusedStart = next
      return { type: 'suggestion.dismiss', sentence: suggestion.text }
    })
  }

  /** Steps the keyboard's focus through the suggestions, strongest first; returns the one now focused. */
  step(by: 1 | -1): Suggestion | null {
    const list = this.suggestions
    if (list.length === 0) return null
    const index = list.findIndex((s) => s.start === this.focusedStart)
    const next = list[index < 0 ? (by > 0 ? 0 : list.length - 1) : (index + by + list.length) % list.length]!
    this.focusedStart = next.start
    return next
  }

  /** Where the focus goes once `suggestion` leaves the list: the next one, else the one before. */
  #after(suggestion: Suggestion): number | null {
    const list = this.suggestions
    const index = list.findIndex((s) => s.start === suggestion.start)
    return (list[index + 1] ?? list[index - 1])?.start ?? null
  }
}
