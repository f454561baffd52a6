import { createSelectors } from '../../../core/anchoring/selectors'
import { newId } from '../../../core/ids'
import type { Operation } from '../../../core/model'
import type { Span } from '../../../core/sentences'
import { notices } from '../state/notices.svelte'
import { reader } from '../state/reader.svelte'
import type { ReviewSession } from '../state/review.svelte'

/** Marks the current selection in the article as a claim. */
export async function markSelection(session: ReviewSession): Promise<void> {
  let span: Span | null = null
  const text = session.doc.article.text
  const atKeyPress = reader.currentSelection(text) ?? reader.selection
  // The selection is read when this change's turn comes, so "] then M" marks the sentence ] selected;
  // if it is gone by then (the one-time name dialog takes the focus), the one at the key press counts.
  const stored = await session.run((by, at) => {
    span = reader.currentSelection(text) ?? atKeyPress
    if (!span) notices.show('Select the words of a claim in the article first.')
    return span && newClaimOperation(session.doc.article.text, span, by, at)
  })
  const marked = span as Span | null
  // Clear the selection that was marked, unless the user has already moved on to another one
  // (read from the DOM: the selectionchange event that updates `reader.selection` may still be on its way).
  const current = reader.currentSelection(text)
  if (stored && marked && current?.start === marked.start && current.end === marked.end) reader.clearSelection()
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
