import { findingNote, type NumberFinding } from '../../../core/analysis'
import { newId } from '../../../core/ids'
import type { Claim } from '../../../core/model'
import { newClaimOperation } from '../../../core/new-claim'
import type { Span } from '../../../core/sentences'
import { notices } from '../state/notices.svelte'
import type { ReviewSession } from '../state/review.svelte'

/** Deletes a claim (the selected one when none is given) and offers to undo it at once. */
export async function deleteClaim(session: ReviewSession, claim?: Claim): Promise<void> {
  let deleted: Claim | null = null
  const stored = await session.run((by, at) => {
    deleted = claim ?? session.selected
    return deleted && { type: 'claim.delete', by, at, claimId: deleted.id, claim: deleted }
  })
  if (stored) notices.show('Deleted — the claim, its notes and sources.', 'info', 8000, { label: 'Undo', run: () => void session.undo() })
}

/** Runs one change for a field and resolves with why it was refused (in main's words), or null once stored. */
export async function saveField(session: ReviewSession, build: Parameters<ReviewSession['run']>[0]): Promise<string | null> {
  return (await saveFields(session, build))?.message ?? null
}

/** The same for a form of several fields: the refusal says which field it is about, when main knows. */
export async function saveFields(session: ReviewSession, build: Parameters<ReviewSession['run']>[0]): Promise<{ message: string; field?: string } | null> {
  let problem: { message: string; field?: string } | null = null
  await session.run(build, { onError: (message, field) => (problem = { message, ...(field ? { field } : {}) }) })
  return problem
}

/**
 * Attaches an arithmetic finding as a note: to `claimId`, or, without one, to a new claim on `span` (the finding's
 * sentences). The Numbers list and the claim panel both come here.
 */
export function addFindingNote(session: ReviewSession, finding: NumberFinding, target: { claimId: string } | { span: Span }): Promise<boolean> {
  return session.run((by, at) => {
    const note = { id: newId(), text: findingNote(finding), by, at }
    if ('claimId' in target) return { type: 'claim.addNote', claimId: target.claimId, note }
    const op = newClaimOperation(session.doc.article.text, target.span, { by, at })
    return op.type === 'claim.create' ? { ...op, claim: { ...op.claim, notes: [note] } } : null
  })
}
