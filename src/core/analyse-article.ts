// The analysis itself: the model's scores (core/suggest) and the arithmetic check (core/numbers), run by main and the CLI.
import type { ArticleAnalysis } from './analysis'
import type { Article, ClaimOrigin } from './model'
import { SUGGESTION_KINDS } from './model'
import { checkNumbers } from './numbers'
import { scoreBlocks, scoreText, SUGGEST_THRESHOLD } from './suggest'

export function analyseArticle(article: Pick<Article, 'text' | 'blocks'>, revision: string): ArticleAnalysis {
  const blocks = article.blocks.length > 0 ? article.blocks : [{ start: 0, end: article.text.length }]
  return {
    revision,
    threshold: SUGGEST_THRESHOLD,
    suggestions: scoreBlocks(article.text, blocks).filter((s) => s.score >= SUGGEST_THRESHOLD),
    findings: checkNumbers(article.text, blocks)
  }
}

/**
 * What an accepted suggestion's claim records of it, from main's own scoring of the claim's words (never the score a
 * window sent): the best of its sentences, and every reason that fired in them.
 */
export function suggestedOrigin(words: string): ClaimOrigin {
  const scored = scoreText(words)
  const score = scored.reduce((best, s) => Math.max(best, s.score), 0)
  const kinds = SUGGESTION_KINDS.filter((kind) => scored.some((s) => s.kinds.includes(kind)))
  return { kind: 'suggested', score, kinds }
}
