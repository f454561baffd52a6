import { resolveAnchor } from './anchoring/resolve'
import { createSelectors } from './anchoring/selectors'
import type { ArticleDoc, ClaimPlacement, Operation } from './model'
import type { ArticleBody } from './plain-text'
import { placementOf } from './ops'

export interface RevisionCounts {
  anchored: number
  moved: number
  orphaned: number
}

/**
 * The operation that replaces an article's text with a new version and re-anchors every claim
 * (position, then exact match by context, then fuzzy match; see core/anchoring/resolve).
 * Claims found where they were stay as they are; moved ones and orphans are flagged for a reviewer to look at.
 */
export function reviseArticle(doc: ArticleDoc, next: ArticleBody, by: string, at: string): Extract<Operation, { type: 'article.revise' }> {
  const anchors = doc.claims.map((claim) => {
    const from = placementOf(claim)
    const resolved = resolveAnchor(next.text, { quote: claim.quote, position: claim.position })
    const previousExact = claim.anchor?.previousExact ?? claim.quote.exact
    const kept = claim.verdictWording !== undefined ? { verdictWording: claim.verdictWording } : {}
    let to: ClaimPlacement
    if (resolved.status === 'orphaned') {
      to = { quote: claim.quote, position: claim.position, anchor: { status: 'orphaned', textChanged: false, previousExact }, ...kept }
    } else {
      const { quote, position } = createSelectors(next.text, resolved.start, resolved.end)
      // Same words in the same surroundings is the same place, however far edits above it shifted the offsets.
      const samePlace = quote.exact === claim.quote.exact && quote.prefix === claim.quote.prefix && quote.suffix === claim.quote.suffix
      const clean = (resolved.status === 'anchored' || samePlace) && !resolved.textChanged && !claim.anchor
      to = clean
        ? { quote, position, ...kept }
        : { quote, position, anchor: { status: 'moved', textChanged: resolved.textChanged || quote.exact !== previousExact, previousExact }, ...kept }
    }
    return { claimId: claim.id, to, from }
  })
  return {
    type: 'article.revise',
    by,
    at,
    text: next.text,
    blocks: next.blocks,
    ...(next.links?.length ? { links: next.links } : {}),
    previous: { text: doc.article.text, blocks: doc.article.blocks, ...(doc.article.links ? { links: doc.article.links } : {}) },
    anchors
  }
}

export function countRevision(op: Extract<Operation, { type: 'article.revise' }>): RevisionCounts {
  const counts: RevisionCounts = { anchored: 0, moved: 0, orphaned: 0 }
  for (const { to } of op.anchors) counts[to.anchor?.status ?? 'anchored']++
  return counts
}
