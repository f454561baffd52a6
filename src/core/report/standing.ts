// Where a claim stands after its article's text was updated, as every report tells it: the placement (in
// place, moved, text changed, not found), the words it had before, and whether its verdict was given for
// earlier words. The words themselves live in core/placement-words.ts.

import type { Claim } from '../model'
import { placementState, PLACEMENT_LABELS, PLACEMENT_SENTENCES, type PlacementState } from '../placement-words'

export interface Standing {
  state: PlacementState
  /** "Text changed" — for headings, badges and table cells; empty in place. */
  label: string
  /** "Text changed, re-check: …" — what a report says about it; empty in place. */
  sentence: string
  /**
   * The claim's words before the update, when a reader needs them beside what the report shows as its words:
   * its text changed, or (not found) they differ from the words it was last found with.
   */
  earlier?: string
  /** The words its verdict was given for, until a reviewer confirms the verdict for the current words. */
  verdictFor?: string
}

export function standingOf(claim: Pick<Claim, 'anchor' | 'quote' | 'verdictWording'>): Standing {
  const state = placementState(claim)
  const previous = claim.anchor?.previousExact
  const earlier = previous !== undefined && (state === 'text-changed' || (state === 'not-found' && previous !== claim.quote.exact)) ? previous : undefined
  return {
    state,
    label: state === 'in-place' ? '' : PLACEMENT_LABELS[state],
    sentence: PLACEMENT_SENTENCES[state],
    ...(earlier !== undefined ? { earlier } : {}),
    ...(claim.verdictWording !== undefined ? { verdictFor: claim.verdictWording } : {})
  }
}

/**
 * Whether the claim's stored position selects its words in the current text, so that it can be marked there
 * and given a position. A claim not found never is: its quote and position are those of the earlier text.
 */
export function inCurrentText(text: string, claim: Pick<Claim, 'anchor' | 'quote' | 'position'>): boolean {
  const { start, end } = claim.position
  return claim.anchor?.status !== 'orphaned' && end > start && text.slice(start, end) === claim.quote.exact
}
