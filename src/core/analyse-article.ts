// The analysis itself: the model's scores (core/suggest) and the arithmetic check (core/numbers), run by main and the CLI.
import type { ArticleAnalysis } from './analysis'
import type { Article, ClaimOrigin } from './model'
import { SUGGESTION_KINDS } from './model'
import { checkNumbers } from './numbers'
import { scoreBlocks, scoreText, SUGGEST_THRESHOLD } from './suggest'

export function analyseArticle(article: Pick<Article, 'text' | 'blocks'>, revision: string): ArticleAnalysis {
  const slices = analysisInSlices(article, revision)
  for (let step = slices.next(); ; step = slices.next()) if (step.done) return step.value
}

/** Blocks analysed between two pauses of `analysisInSlices`: a few milliseconds of work. */
const BLOCKS_PER_SLICE = 40

/**
 * The same analysis, a few blocks at a time: it pauses (yields) between slices so that main can give other work a turn
 * (a 1 MB article takes half a second). Blocks are scored and checked each on its own, so the slices join exactly.
 */
export function* analysisInSlices(article: Pick<Article, 'text' | 'blocks'>, revision: string): Generator<void, ArticleAnalysis> {
  const blocks = article.blocks.length > 0 ? article.blocks : [{ start: 0, end: article.text.length }]
  const suggestions: ArticleAnalysis['suggestions'] = []
  const findings: ArticleAnalysis['findings'] = []
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_SLICE) {
    if (i > 0) yield
    const slice = blocks.slice(i, i + BLOCKS_PER_SLICE)
    for (const s of scoreBlocks(article.text, slice)) if (s.score >= SUGGEST_THRESHOLD) suggestions.push(s)
    findings.push(...checkNumbers(article.text, slice))
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end) // as checkNumbers orders them
  return { revision, threshold: SUGGEST_THRESHOLD, suggestions, findings }
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
