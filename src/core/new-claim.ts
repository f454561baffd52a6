import { createSelectors } from './anchoring/selectors'
import { newId } from './ids'
import type { OperationBody } from './model'

/**
 * The change that marks a new, unreviewed claim on [start, end) of `text`: the app's M, the CLI's `claim add`. Who made
 * it and when are main's to stamp; `by` and `at` here only fill the shape.
 */
export function newClaimOperation(text: string, span: { start: number; end: number }, fill: { id?: string; by?: string; at?: string } = {}): OperationBody {
  const { quote, position } = createSelectors(text, span.start, span.end)
  const at = fill.at ?? new Date().toISOString()
  return {
    type: 'claim.create',
    claim: { id: fill.id ?? newId(), quote, position, verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: fill.by ?? '', createdAt: at, updatedAt: at }
  }
}
