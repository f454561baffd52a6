import type { ArticleAnalysis } from '../core/analysis'
import { analysisInSlices } from '../core/analyse-article'
import type { ArticleDoc } from '../core/model'
import { finishInTurns } from './next-turn'

/** Analyses kept: one per open article is what the window asks for again (after every change it makes). */
const KEPT = 8

/**
 * Each article's analysis for its current text, worked out once per text revision: a change of verdict or a note asks
 * again and gets the same answer at once.
 */
export class AnalysisCache {
  readonly #kept = new Map<string, ArticleAnalysis>()
  readonly #pending = new Map<string, Promise<ArticleAnalysis>>()

  /** Worked out in slices with turns between (half a second at 1 MB would hold main); one at a time per text. */
  async of(doc: ArticleDoc): Promise<ArticleAnalysis> {
    const key = keyOf(doc)
    let analysis = this.#kept.get(key)
    if (!analysis) {
      let pending = this.#pending.get(key)
      if (!pending) {
        pending = finishInTurns(analysisInSlices(doc.article, doc.revision)).finally(() => this.#pending.delete(key))
        this.#pending.set(key, pending)
      }
      analysis = await pending
    }
    this.#kept.delete(key) // kept again below, as the latest used (another caller may have kept it meanwhile)
    this.#kept.set(key, analysis) // the latest used last: the first is the one to drop
    if (this.#kept.size > KEPT) this.#kept.delete(this.#kept.keys().next().value!)
    return analysis
  }
}

const keyOf = (doc: ArticleDoc) => `${doc.article.id} ${doc.revision}`
