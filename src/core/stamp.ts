// A change as main records it: the renderer's body, checked against the document and stamped with who, where and when.
// Nothing the renderer says about authorship, time or what a change replaces is kept: main takes it from its own
// document (previous values, snapshots of what is removed, the verdicts a new verdict replaces) and from itself.

import { suggestedOrigin } from './analyse-article'
import { createSelectors } from './anchoring/selectors'
import { FactmarkError } from './errors'
import { checkSourceUrl } from './links'
import type { ArticleDoc, Claim, Note, Operation, OperationBody, Source } from './model'
import { checkFits, findClaim, placementFits, placementOf, removalOf, reviewStatusOf } from './ops'
import { placementOnText } from './revise'

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
 * owned (a reviewer edits, deletes and brings back only their own notes), rebuilt (what it brings along, a new claim's
 * notes and sources, a new text's placements, is made anew from the values a reviewer gives, never kept as sent) and
 * stamped. Throws a FactmarkError that says why not. Whether the result is a valid document is the store's last check
 * (ops.ts `tryApply`).
 */
export function stampOperation(doc: ArticleDoc, body: OperationBody, stamp: Stamp): Operation {
  checkFits(doc, body) // against what the sender saw; then what the change replaces is taken from the document
  return { ...fromDocument(doc, body, stamp), ...stamp, rev: doc.revision } as Operation
}

/**
 * A claim main made from an imported annotation (core/annotations/place.ts), as it is saved: placed as the import found
 * it, its notes by their own authors at their own times (the importer holds them), its sources checked again, and the
 * reviewer who imported it as its maker. Only main's import reaches this; a claim the window sends goes through
 * stampOperation, which keeps none of this.
 */
export function stampImportedClaim(doc: ArticleDoc, claim: Claim, stamp: Stamp): Operation {
  if (!claim.imported) throw new FactmarkError('internal', 'Only an imported annotation is saved as an imported claim.')
  if (findClaim(doc, claim.id)) throw new FactmarkError('conflict', 'That claim is already there.')
  const sources = claim.sources.map((source) => {
    const link = checkSourceUrl(source.url)
    if (!link.ok) throw new FactmarkError('unsafe-url', link.message)
    return { ...source, url: link.url, by: stamp.by }
  })
  const { verdicts: _given, ...rest } = claim
  const saved: Claim = {
    ...rest,
    tags: tagsOf(claim.tags),
    notes: claim.notes.map((note) => ({ ...note, by: stamp.by })),
    sources,
    ...(claim.verdict !== 'unreviewed' ? { verdicts: [{ op: stamp.id, by: stamp.by, verdict: claim.verdict }] } : {}),
    createdBy: stamp.by,
    createdAt: stamp.at,
    updatedAt: stamp.at
  }
  return { type: 'claim.create', claim: saved, ...stamp, rev: doc.revision }
}

function fromDocument(doc: ArticleDoc, body: OperationBody, stamp: Stamp): OperationBody {
  const claim = 'claimId' in body ? findClaim(doc, body.claimId) : undefined
  switch (body.type) {
    case 'claim.create': {
      // Undoing a delete brings the claim back as it was removed, its authors and times with it (not the undoer's).
      const removed = removalOf(doc, body)
      if (removed?.type === 'claim.delete') return { ...body, claim: removed.claim }
      return { ...body, claim: newClaim(doc, body.claim, stamp) }
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
        // It gives back the author's own verdict before it (none: a withdrawal), never a colleague's that happened to
        // be the latest when it was made.
        const before = (undone.seen ?? []).map((id) => doc.log.find((op) => op.id === id)).find((op) => op !== undefined && op.by === stamp.by)
        const verdict = before?.type === 'claim.setVerdict' ? before.verdict : before?.type === 'claim.create' ? before.claim.verdict : 'unreviewed'
        return { ...rest, verdict, undoes, seen: [...(undone.seen ?? []), undone.id], ...wording }
      }
      // A resolution replaces every verdict in force; any other verdict only its author's own (a colleague's stands
      // beside it: a disagreement, until someone resolves it).
      const replaced = (claim.verdicts ?? []).filter((v) => rest.resolves || v.by === stamp.by)
      return { ...rest, seen: replaced.map((v) => v.op), ...wording }
    }
    case 'claim.addNote': {
      const removed = removalOf(doc, body)
      if (removed?.type === 'claim.deleteNote') {
        if (removed.note.by !== stamp.by) throw notYours(doc, removed.note, 'bring it back')
        return { ...body, note: removed.note }
      }
      return { ...body, note: newNote(body.note, stamp) }
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
      return { ...body, source: removed?.type === 'claim.deleteSource' ? removed.source : newSource(body.source, stamp) }
    }
    case 'claim.deleteSource': {
      const source = claim?.sources.find((s) => s.id === body.source.id)
      return source ? { ...body, source } : body
    }
    case 'claim.setTags':
      return { ...body, tags: tagsOf(body.tags), previous: claim ? claim.tags : body.previous }
    case 'article.revise': {
      // Every claim gets a placement on the new text: the one sent, where it holds for the claim as it is now and on the
      // new text (an undo gives back the old ones exactly); otherwise found by the resolver, as an update would.
      const sent = new Map(body.anchors.map((a) => [a.claimId, a]))
      const anchors = doc.claims.map((c) => {
        const from = placementOf(c)
        const plan = sent.get(c.id)
        const holds = plan !== undefined && JSON.stringify(plan.from) === JSON.stringify(from) && placementFits(body.text, plan.to)
        return { claimId: c.id, to: holds ? plan.to : placementOnText(c, body.text), from }
      })
      const { article } = doc
      return { ...body, previous: { text: article.text, blocks: article.blocks, ...(article.links ? { links: article.links } : {}) }, anchors }
    }
    case 'claim.placeAnchor':
      return claim ? { ...body, from: placementOf(claim) } : body
    case 'article.setStatus':
      return { ...body, previous: reviewStatusOf(doc) }
    case 'claim.assign':
      return claim ? { ...body, previous: claim.assignee ?? null } : body
    default:
      return body
  }
}

/**
 * A claim as a reviewer makes it, from what they gave: its words and surroundings taken from the text at its position
 * (checkFits saw that they match), its notes, sources and a verdict given with it theirs, now.
 */
function newClaim(doc: ArticleDoc, given: Claim, stamp: Stamp): Claim {
  const { start, end } = given.position
  const { quote, position } = createSelectors(doc.article.text, start, end)
  return {
    id: given.id,
    quote,
    position,
    verdict: given.verdict,
    ...(given.verdict !== 'unreviewed' ? { verdicts: [{ op: stamp.id, by: stamp.by, verdict: given.verdict }] } : {}),
    conclusion: given.conclusion,
    claimant: given.claimant,
    tags: tagsOf(given.tags),
    notes: given.notes.map((n) => newNote(n, stamp)),
    sources: given.sources.map((s) => newSource(s, stamp)),
    ...(given.origin ? { origin: suggestedOrigin(quote.exact) } : {}),
    createdBy: stamp.by,
    createdAt: stamp.at,
    updatedAt: stamp.at
  }
}

function newNote(given: Note, stamp: Stamp): Note {
  if (!given.text.trim()) throw new FactmarkError('invalid-argument', 'A note needs words, not only spaces.')
  return { id: given.id, text: given.text, by: stamp.by, at: stamp.at }
}

/** A source as the reviewer gave it, its address as the link check writes it (checkFits refused unsafe ones). */
function newSource(given: Source, stamp: Stamp): Source {
  const link = checkSourceUrl(given.url)
  if (!link.ok) throw new FactmarkError('unsafe-url', link.message)
  const { id, title, publisher, excerpt, stance, accessedAt } = given
  return { id, url: link.url, title, publisher, excerpt, stance, accessedAt, by: stamp.by, at: stamp.at }
}

/** Tags as a list shows them: trimmed, each once, in the order given. */
function tagsOf(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))]
}

function notYours(doc: ArticleDoc, note: Note, what: string): FactmarkError {
  return new FactmarkError('forbidden', `That note is ${doc.people[note.by] ?? note.by}'s; only its author can ${what}.`)
}
