import { personName } from '../history'
import type { ArticleDoc } from '../model'

/**
 * Everyone who reviewed the article, by name, in order of first appearance: who made each logged change and who wrote
 * each claim, note and source (the log may have been trimmed; the claims still say). Importing an article is not
 * reviewing it, so its creator counts only through such work (a seeded sample has a machine's user name).
 */
export function reviewers(doc: ArticleDoc): string[] {
  const ids = [
    ...doc.log.filter((op) => op.type !== 'article.create' && op.type !== 'article.snapshot').map((op) => op.by),
    ...doc.claims.flatMap((c) => [c.createdBy, ...c.notes.map((n) => n.by), ...c.sources.map((s) => s.by)])
  ]
  // By id first (two reviewers may share a name, and then both are named), then by the names shown.
  const people = [...new Set(ids.filter((id) => id.trim().length > 0))].map((id) => personName(doc.people, id))
  return [...new Set(people)]
}
