import { isGraphemeBoundary } from './anchoring/snap'
import type { Claim, ClaimPlacement } from './model'

/** What revisions and re-attachment change of a claim, in a fixed key order (compared as JSON). */
export function placementOf(claim: Claim): ClaimPlacement {
  return {
    quote: claim.quote,
    position: claim.position,
    ...(claim.anchor ? { anchor: claim.anchor } : {}),
    ...(claim.verdictWording !== undefined ? { verdictWording: claim.verdictWording } : {})
  }
}

/**
 * Where a reviewer puts a claim (accepting where an update found it, or re-attaching it to a selection): the
 * placement, plus the words its verdict was given for when those differ from the claim's new words, so the
 * verdict is shown as given for the earlier wording until the reviewer confirms or changes it.
 */
export function placementFor(claim: Claim, at: { quote: ClaimPlacement['quote']; position: ClaimPlacement['position'] }): ClaimPlacement {
  const givenFor = claim.verdictWording ?? claim.anchor?.previousExact ?? claim.quote.exact
  const stale = claim.verdict !== 'unreviewed' && givenFor !== at.quote.exact
  return { quote: at.quote, position: at.position, ...(stale ? { verdictWording: givenFor } : {}) }
}

/** Claims are kept in article order (start, then end), so lists and exports need no sorting. */
export function compareClaims(a: Claim, b: Claim): number {
  return a.position.start - b.position.start || a.position.end - b.position.end || a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Whether a placement holds on `text`: its words are the text at its position, which starts and ends between whole
 * characters. A claim not found (orphaned) keeps its old words and holds anywhere.
 */
export function placementFits(text: string, to: Pick<ClaimPlacement, 'quote' | 'position' | 'anchor'>): boolean {
  if (to.anchor?.status === 'orphaned') return true
  const { start, end } = to.position
  return start < end && end <= text.length && text.slice(start, end) === to.quote.exact && isGraphemeBoundary(text, start) && isGraphemeBoundary(text, end)
}
