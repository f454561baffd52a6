// One vocabulary for where a claim stands after an update of its article's text: the CLI, the app's notices and
// lists, the claim panel and every report say the same words.

import type { AnchorState, Claim } from './model'
import type { RevisionCounts } from './revise'

export type PlacementState = 'in-place' | 'moved' | 'text-changed' | 'not-found'

export function placementState(claim: Pick<Claim, 'anchor'>): PlacementState {
  return anchorState(claim.anchor)
}

export function anchorState(anchor: AnchorState | undefined): PlacementState {
  if (!anchor) return 'in-place'
  if (anchor.status === 'orphaned') return 'not-found'
  return anchor.textChanged ? 'text-changed' : 'moved'
}

/** Short labels, for lists and table columns. */
export const PLACEMENT_LABELS: Record<PlacementState, string> = {
  'in-place': 'In place',
  moved: 'Moved',
  'text-changed': 'Text changed',
  'not-found': 'Not found'
}

/** What a report or the claim panel says about a claim that needs a look; empty for a claim in place. */
export const PLACEMENT_SENTENCES: Record<PlacementState, string> = {
  'in-place': '',
  moved: 'Moved: found again in another place of the current text; check that it is the same claim.',
  'text-changed': 'Text changed, re-check: its words are different in the current text.',
  'not-found': 'Not found in the current text.'
}

/** "3 claims in place, 1 moved, 1 not found" — how an update's result is told everywhere. */
export function revisionSummary(counts: RevisionCounts): string {
  return `${counts.anchored} ${counts.anchored === 1 ? 'claim' : 'claims'} in place, ${counts.moved} moved, ${counts.orphaned} not found`
}

/**
 * What reports call a claim's words on either side of an update, and how they qualify a verdict that was given
 * for the earlier words and not yet confirmed for the current ones ("Verified, given for the earlier wording: “…”").
 */
export const WORDING_WORDS = {
  earlier: 'Earlier words',
  current: 'Current words',
  asItWas: 'Its words, in the text as it was',
  verdictForEarlier: 'given for the earlier wording'
} as const
