import { createSelectors } from '../../../core/anchoring/selectors'
import { newId } from '../../../core/ids'
import type { Operation } from '../../../core/model'
import type { Span } from '../../../core/sentences'
import { notices } from '../state/notices.svelte'
import { reader } from '../state/reader.svelte'
import type { ReviewSession } from '../state/review.svelte'

/** Marks the current selection in the article as a claim. */
export async function markSelection(session: ReviewSession): Promise<void> {
  const span = reader.selection
  if (!span) {
    notices.show('Select the words of a claim in the article first.')
    return
  }
  const stored = await session.run((by, at) => newClaimOperation(session.doc.article.text, span, by, at))
  // Clear the selection that was marked, unless the user has already moved on to another one.
  if (stored && reader.selection?.start === span.start && reader.selection.end === span.end) reader.clearSelection()
}

export function newClaimOperation(text: string, span: Span, by: string, at: string): Operation {
  const { quote, position } = createSelectors(text, span.start, span.end)
  return {
    type: 'claim.create',
    by,
    at,
    claim: {
      id: newId(),
      quote,
      position,
      verdict: 'unreviewed',
      conclusion: '',
      claimant: '',
      tags: [],
      notes: [],
      sources: [],
      createdBy: by,
      createdAt: at,
      updatedAt: at
    }
  }
}
