import { resolveAnchor } from './anchoring/resolve'
import { graphemeAt } from './anchoring/snap'
import { createSelectors } from './anchoring/selectors'
import type { ArticleDoc, Claim, ClaimPlacement, OperationBody } from './model'
import type { ArticleBody } from './plain-text'
import { placementOf } from './placement'

export interface RevisionCounts {
  anchored: number
  moved: number
  orphaned: number
}

/**
 * Where a claim goes in a new text (position, then exact match by context, then fuzzy match; see core/anchoring/resolve):
 * found where it was, it stays as it is; moved, changed or not found, it is flagged for a reviewer to look at.
 */
export function placementOnText(claim: Claim, text: string): ClaimPlacement {
  const resolved = resolveAnchor(text, { quote: claim.quote, position: claim.position })
  const previousExact = claim.anchor?.previousExact ?? claim.quote.exact
  const kept = claim.verdictWording !== undefined ? { verdictWording: claim.verdictWording } : {}
  if (resolved.status === 'orphaned') {
    return { quote: claim.quote, position: claim.position, anchor: { status: 'orphaned', textChanged: false, previousExact }, ...kept }
  }
  // Whole characters: a fuzzy match may end inside a letter with its accents, a flag or an emoji.
  const { quote, position } = createSelectors(text, graphemeAt(text, resolved.start).start, graphemeAt(text, resolved.end - 1).end)
  // Same words in the same surroundings is the same place, however far edits above it shifted the offsets.
  const samePlace = quote.exact === claim.quote.exact && quote.prefix === claim.quote.prefix && quote.suffix === claim.quote.suffix
  const clean = (resolved.status === 'anchored' || samePlace) && !resolved.textChanged && !claim.anchor
  return clean
    ? { quote, position, ...kept }
    : { quote, position, anchor: { status: 'moved', textChanged: resolved.textChanged || quote.exact !== previousExact, previousExact }, ...kept }
}

/** The change that replaces an article's text with a new version, every claim re-anchored (see placementOnText). */
export function reviseArticle(doc: Pick<ArticleDoc, 'article' | 'claims'>, next: ArticleBody): RevisionBody {
  return {
    type: 'article.revise',
    text: next.text,
    blocks: next.blocks,
    ...(next.links?.length ? { links: next.links } : {}),
    previous: { text: doc.article.text, blocks: doc.article.blocks, ...(doc.article.links ? { links: doc.article.links } : {}) },
    anchors: doc.claims.map((claim) => ({ claimId: claim.id, to: placementOnText(claim, next.text), from: placementOf(claim) }))
  }
}

export type RevisionBody = Extract<OperationBody, { type: 'article.revise' }>

export function countRevision(op: Pick<RevisionBody, 'anchors'>): RevisionCounts {
  const counts: RevisionCounts = { anchored: 0, moved: 0, orphaned: 0 }
  for (const { to } of op.anchors) counts[to.anchor?.status ?? 'anchored']++
  return counts
}
