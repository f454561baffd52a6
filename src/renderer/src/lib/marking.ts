import { newClaimOperation } from '../../../core/new-claim'
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
  let asked = false
  const stored = await session.run((by, at) => {
    asked = true
    span = reader.currentSelection(text) ?? atKeyPress
    if (!span) notices.show('Select the words of a claim in the article first.')
    return span && newClaimOperation(session.doc.article.text, span, { by, at })
  })
  if (!asked && atKeyPress) {
    // "Not now" on the name prompt: the claim is not marked, but the words stay selected for the next try.
    reader.selectText(atKeyPress)
    notices.show('Not marked yet: Factmark needs your name to credit the claim. Press M again when you are ready.')
    return
  }
  const marked = span as Span | null
  // Clear the selection that was marked, unless the user has already moved on to another one
  // (read from the DOM: the selectionchange event that updates `reader.selection` may still be on its way).
  const current = reader.currentSelection(text)
  if (stored && marked && current?.start === marked.start && current.end === marked.end) reader.clearSelection()
}
