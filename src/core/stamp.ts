// A change as main records it: the renderer's body, checked against the document and stamped with who, where and when.
// Nothing the renderer says about authorship, time or what a change replaces is kept: main takes it from its own
// document (previous values, snapshots of what is removed, the verdicts a new verdict replaces) and from itself.

import { FactmarkError } from './errors'
import type { ArticleDoc, Note, Operation, OperationBody } from './model'
import { checkFits, findClaim, placementOf, removalOf } from './ops'

/** Who makes a change, where and when: everything of an operation's stamp but the revision, which the document gives. */
export interface Stamp {
  id: string
  ts: string
  replica: string
  /** The reviewer's stable id, and what they are called now. */
  by: string
  name: string
  at: string
}

/**
 * The operation main stores for `body`: checked (checkFits: made against the current state, about things that exist),
 * owned (a reviewer edits, deletes and brings back only their own notes), and stamped. Throws a FactmarkError that
 * says why not.
 */
export function stampOperation(doc: ArticleDoc, body: OperationBody, stamp: Stamp): Operation {
  checkFits(doc, body) // against what the sender saw; then what the change replaces is taken from the document
  return { ...fromDocument(doc, body, stamp), ...stamp, rev: doc.revision } as Operation
}

function fromDocument(doc: ArticleDoc, body: OperationBody, stamp: Stamp): OperationBody {
  const claim = 'claimId' in body ? findClaim(doc, body.claimId) : undefined
  switch (body.type) {
    case 'claim.create': {
      // Undoing a delete brings the claim back as it was removed, its authors and times with it (not the undoer's).
      const removed = removalOf(doc, body)
      if (removed?.type === 'claim.delete') return { ...body, claim: removed.claim }
      const { verdicts: _claimed, ...claim } = body.claim
      return {
        ...body,
        claim: {
          ...claim,
          // A verdict given with the claim is this reviewer's, whatever the sender said.
          ...(claim.verdict !== 'unreviewed' ? { verdicts: [{ op: stamp.id, by: stamp.by, verdict: claim.verdict }] } : {}),
          createdBy: stamp.by,
          createdAt: stamp.at,
          updatedAt: stamp.at,
          notes: claim.notes.map((n) => ({ ...n, by: stamp.by, at: stamp.at })),
          sources: claim.sources.map((s) => ({ ...s, by: stamp.by, at: stamp.at }))
        }
      }
    }
    case 'claim.delete':
      return claim ? { ...body, claim } : body
    case 'claim.setVerdict': {
      if (!claim) return body
      // The words the replaced verdict was given for, so that undo gives them back.
      const { previousWording: _sent, undoes, ...rest } = body
      const wording = claim.verdictWording !== undefined ? { previousWording: claim.verdictWording } : {}
      if (undoes) {
        // Undoing one's own verdict: it replaces what that verdict replaced, and leaves other reviewers' standing.
        const undone = doc.log.find((op) => op.id === undoes)
        const own = (claim.verdicts ?? []).find((v) => v.by === stamp.by)
        if (!undone || undone.type !== 'claim.setVerdict' || undone.by !== stamp.by || undone.claimId !== claim.id) {
          throw new FactmarkError('forbidden', 'Only your own verdict can be undone.')
        }
        // Still in force as that verdict left it: its entry (or, for a withdrawal, no entry of theirs).
        const stillAsLeft = undone.verdict === 'unreviewed' ? own === undefined : own?.op === undone.id
        if (!stillAsLeft) {
          throw new FactmarkError('conflict', 'Your verdict was changed meanwhile; reload the article and try again.')
        }
        return { ...rest, undoes, seen: [...(undone.seen ?? []), undone.id], ...wording }
      }
      return { ...rest, seen: (claim.verdicts ?? []).map((v) => v.op), ...wording }
    }
    case 'claim.addNote': {
      const removed = removalOf(doc, body)
      if (removed?.type === 'claim.deleteNote') {
        if (removed.note.by !== stamp.by) throw notYours(doc, removed.note, 'bring it back')
        return { ...body, note: removed.note }
      }
      return { ...body, note: { ...body.note, by: stamp.by, at: stamp.at } }
    }
    case 'claim.editNote':
    case 'claim.deleteNote': {
      const noteId = body.type === 'claim.editNote' ? body.noteId : body.note.id
      const note = claim?.notes.find((n) => n.id === noteId)
      if (note && note.by !== stamp.by) throw notYours(doc, note, 'change it')
      return body.type === 'claim.deleteNote' && note ? { ...body, note } : body
    }
    case 'claim.addSource': {
      const removed = removalOf(doc, body)
      return { ...body, source: removed?.type === 'claim.deleteSource' ? removed.source : { ...body.source, by: stamp.by, at: stamp.at } }
    }
    case 'claim.deleteSource': {
      const source = claim?.sources.find((s) => s.id === body.source.id)
      return source ? { ...body, source } : body
    }
    case 'claim.placeAnchor':
      return claim ? { ...body, from: placementOf(claim) } : body
    default:
      return body
  }
}

function notYours(doc: ArticleDoc, note: Note, what: string): FactmarkError {
  return new FactmarkError('forbidden', `That note is ${doc.people[note.by] ?? note.by}'s; only its author can ${what}.`)
}
