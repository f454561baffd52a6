import type { ArticleDoc } from '../model'

/**
 * Everyone who reviewed the article, in order of first appearance: who made each logged change and who wrote
 * each claim, note and source (the log may have been trimmed; the claims still say). Importing an article is
 * not reviewing it, so its creator counts only through such work (a seeded sample has a machine's user name).
 */
export function reviewers(doc: ArticleDoc): string[] {
  const names = [
    ...doc.log.map((op) => op.by),
    ...doc.claims.flatMap((c) => [c.createdBy, ...c.notes.map((n) => n.by), ...c.sources.map((s) => s.by)])
  ]
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))]
}
