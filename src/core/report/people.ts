import type { ArticleDoc } from '../model'

/**
 * Everyone who worked on the document, in order of first appearance: who imported it, who made each logged
 * change, and who wrote each claim, note and source (the log may have been trimmed; the claims still say).
 */
export function reviewers(doc: ArticleDoc): string[] {
  const names = [
    doc.article.createdBy,
    ...doc.log.map((op) => op.by),
    ...doc.claims.flatMap((c) => [c.createdBy, ...c.notes.map((n) => n.by), ...c.sources.map((s) => s.by)])
  ]
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))]
}
