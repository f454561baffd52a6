import type { ArticleAnalysis } from '../core/analysis'
import { analyseArticle } from '../core/analyse-article'
import type { ArticleDoc } from '../core/model'

/** Analyses kept: one per open article is what the window asks for again (after every change it makes). */
const KEPT = 8

/**
 * Each article's analysis for its current text, worked out once per text revision: a change of verdict or a note asks
 * again and gets the same answer at once.
 */
export class AnalysisCache {
  readonly #kept = new Map<string, ArticleAnalysis>()

  /** The analysis already worked out for the document's current text, if any (a report reuses its findings). */
  kept(doc: ArticleDoc): ArticleAnalysis | undefined {
    return this.#kept.get(keyOf(doc))
  }

  of(doc: ArticleDoc): ArticleAnalysis {
    const key = keyOf(doc)
    let analysis = this.#kept.get(key)
    if (analysis) this.#kept.delete(key)
    else analysis = analyseArticle(doc.article, doc.revision)
    this.#kept.set(key, analysis) // the latest used last: the first is the one to drop
    if (this.#kept.size > KEPT) this.#kept.delete(this.#kept.keys().next().value!)
    return analysis
  }
}

const keyOf = (doc: ArticleDoc) => `${doc.article.id} ${doc.revision}`
