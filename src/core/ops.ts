import { FactmarkError } from './errors'
import { checkSourceUrl } from './links'
import type { ArticleDoc, Claim, ClaimPlacement, Operation } from './model'

/**
 * The only way a document changes. Pure: returns a new document with the operation applied and logged,
 * or throws a FactmarkError when the operation does not fit the document (e.g. it was made against an older state).
 */
export function apply(doc: ArticleDoc, op: Operation): ArticleDoc {
  const changed = applyChange(doc, op)
  return { ...changed, article: { ...changed.article, updatedAt: op.at }, log: [...doc.log, op] }
}

/** Replays a log onto a document: how two copies merge and how the audit trail is checked. */
export function replay(doc: ArticleDoc, ops: readonly Operation[]): ArticleDoc {
  return ops.reduce(apply, doc)
}

/** The operation that undoes `op`, made by `by` at `at`. */
export function invert(op: Operation, by: string, at: string): Operation {
  const stamp = { by, at }
  switch (op.type) {
    case 'article.rename':
      return { type: op.type, ...stamp, title: op.previous, previous: op.title }
    case 'claim.create':
      return { type: 'claim.delete', ...stamp, claimId: op.claim.id, claim: op.claim }
    case 'claim.delete':
      return { type: 'claim.create', ...stamp, claim: op.claim }
    case 'claim.setVerdict':
      return {
        type: op.type,
        ...stamp,
        claimId: op.claimId,
        verdict: op.previous,
        previous: op.verdict,
        ...(op.previousWording !== undefined ? { wording: op.previousWording } : {}),
        ...(op.wording !== undefined ? { previousWording: op.wording } : {})
      }
    case 'claim.setConclusion':
      return { type: op.type, ...stamp, claimId: op.claimId, conclusion: op.previous, previous: op.conclusion }
    case 'claim.setClaimant':
      return { type: op.type, ...stamp, claimId: op.claimId, claimant: op.previous, previous: op.claimant }
    case 'claim.setTags':
      return { type: op.type, ...stamp, claimId: op.claimId, tags: op.previous, previous: op.tags }
    case 'claim.addNote':
      return { type: 'claim.deleteNote', ...stamp, claimId: op.claimId, note: op.note }
    case 'claim.deleteNote':
      return { type: 'claim.addNote', ...stamp, claimId: op.claimId, note: op.note }
    case 'claim.editNote':
      return { type: op.type, ...stamp, claimId: op.claimId, noteId: op.noteId, text: op.previous, previous: op.text }
    case 'claim.addSource':
      return { type: 'claim.deleteSource', ...stamp, claimId: op.claimId, source: op.source }
    case 'claim.deleteSource':
      return { type: 'claim.addSource', ...stamp, claimId: op.claimId, source: op.source }
    case 'article.revise':
      return {
        type: op.type,
        ...stamp,
        text: op.previous.text,
        blocks: op.previous.blocks,
        ...(op.previous.links ? { links: op.previous.links } : {}),
        previous: { text: op.text, blocks: op.blocks, ...(op.links ? { links: op.links } : {}) },
        anchors: op.anchors.map((a) => ({ claimId: a.claimId, to: a.from, from: a.to }))
      }
    case 'claim.placeAnchor':
      return { type: op.type, ...stamp, claimId: op.claimId, to: op.from, from: op.to }
  }
}

/** The same operation, stamped with who made it and when (main stamps every operation it receives). */
export function restamp(op: Operation, by: string, at: string): Operation {
  return { ...op, by, at }
}

function applyChange(doc: ArticleDoc, op: Operation): ArticleDoc {
  switch (op.type) {
    case 'article.rename':
      expectSame(doc.article.title, op.previous, 'the title')
      return { ...doc, article: { ...doc.article, title: op.title } }
    case 'claim.create':
      return createClaim(doc, op.claim)
    case 'claim.delete':
      claimOf(doc, op.claimId)
      return { ...doc, claims: doc.claims.filter((c) => c.id !== op.claimId) }
    case 'claim.setVerdict':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        expectSame(c.verdict, op.previous, 'the verdict')
        const { verdictWording: _given, ...rest } = c
        return { ...rest, verdict: op.verdict, ...(op.wording !== undefined ? { verdictWording: op.wording } : {}) }
      })
    case 'claim.setConclusion':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        expectSame(c.conclusion, op.previous, 'the conclusion')
        return { ...c, conclusion: op.conclusion }
      })
    case 'claim.setClaimant':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        expectSame(c.claimant, op.previous, 'the claimant')
        return { ...c, claimant: op.claimant }
      })
    case 'claim.setTags':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        expectSame(c.tags.join('\u0000'), op.previous.join('\u0000'), 'the tags')
        return { ...c, tags: [...op.tags] }
      })
    case 'claim.addNote':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        if (c.notes.some((n) => n.id === op.note.id)) conflict('That note is already there.')
        return { ...c, notes: [...c.notes, op.note].sort((a, b) => a.at.localeCompare(b.at)) }
      })
    case 'claim.editNote':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        const note = c.notes.find((n) => n.id === op.noteId) ?? notFound('note')
        expectSame(note.text, op.previous, 'the note')
        return { ...c, notes: c.notes.map((n) => (n.id === op.noteId ? { ...n, text: op.text, editedAt: op.at } : n)) }
      })
    case 'claim.deleteNote':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        if (!c.notes.some((n) => n.id === op.note.id)) notFound('note')
        return { ...c, notes: c.notes.filter((n) => n.id !== op.note.id) }
      })
    case 'claim.addSource':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        const link = checkSourceUrl(op.source.url)
        if (!link.ok) throw new FactmarkError('unsafe-url', link.message)
        if (c.sources.some((s) => s.id === op.source.id)) conflict('That source is already there.')
        return { ...c, sources: [...c.sources, op.source] }
      })
    case 'claim.deleteSource':
      return updateClaim(doc, op.claimId, op.at, (c) => {
        if (!c.sources.some((s) => s.id === op.source.id)) notFound('source')
        return { ...c, sources: c.sources.filter((s) => s.id !== op.source.id) }
      })
    case 'article.revise': {
      expectSame(doc.article.text, op.previous.text, 'the article text')
      const placements = new Map(op.anchors.map((a) => [a.claimId, a.to]))
      const claims = doc.claims.map((c) => {
        const to = placements.get(c.id)
        return to ? place(c, to, op.text, op.at) : c
      })
      const { links: _old, ...article } = doc.article
      return { ...doc, article: { ...article, text: op.text, blocks: op.blocks, ...(op.links?.length ? { links: op.links } : {}) }, claims: claims.sort(compareClaims) }
    }
    case 'claim.placeAnchor': {
      const changed = updateClaim(doc, op.claimId, op.at, (c) => {
        expectSame(JSON.stringify(placementOf(c)), JSON.stringify(op.from), 'where the claim sits')
        return place(c, op.to, doc.article.text, op.at)
      })
      return { ...changed, claims: changed.claims.sort(compareClaims) }
    }
  }
}

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

/** Puts a claim at a placement; a placed (not orphaned) claim must match the text there. */
function place(claim: Claim, to: ClaimPlacement, text: string, at: string): Claim {
  if (to.anchor?.status !== 'orphaned' && text.slice(to.position.start, to.position.end) !== to.quote.exact) {
    throw new FactmarkError('invalid-argument', 'The claim does not match the article text at its new position.')
  }
  const { anchor: _previous, verdictWording: _given, ...rest } = claim
  return {
    ...rest,
    quote: to.quote,
    position: to.position,
    ...(to.anchor ? { anchor: to.anchor } : {}),
    ...(to.verdictWording !== undefined ? { verdictWording: to.verdictWording } : {}),
    updatedAt: at
  }
}

/** Claims are kept in article order (start, then end), so lists and exports need no sorting. */
export function compareClaims(a: Claim, b: Claim): number {
  return a.position.start - b.position.start || a.position.end - b.position.end || a.createdAt.localeCompare(b.createdAt)
}

function createClaim(doc: ArticleDoc, claim: Claim): ArticleDoc {
  const { start, end } = claim.position
  if (doc.claims.some((c) => c.id === claim.id)) conflict('That claim is already there.')
  if (!(start < end && end <= doc.article.text.length) || doc.article.text.slice(start, end) !== claim.quote.exact) {
    throw new FactmarkError('invalid-argument', 'The claim does not match the article text at its position.')
  }
  const claims = [...doc.claims]
  let lo = 0
  let hi = claims.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareClaims(claims[mid]!, claim) <= 0) lo = mid + 1
    else hi = mid
  }
  claims.splice(lo, 0, claim)
  return { ...doc, claims }
}

function updateClaim(doc: ArticleDoc, claimId: string, at: string, change: (claim: Claim) => Claim): ArticleDoc {
  const index = doc.claims.findIndex((c) => c.id === claimId)
  if (index < 0) notFound('claim')
  const claims = [...doc.claims]
  claims[index] = { ...change(claims[index]!), updatedAt: at }
  return { ...doc, claims }
}

function claimOf(doc: ArticleDoc, claimId: string): Claim {
  return doc.claims.find((c) => c.id === claimId) ?? notFound('claim')
}

function expectSame<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) conflict(`${what[0]!.toUpperCase()}${what.slice(1)} was changed meanwhile; reload the article and try again.`)
}

function conflict(message: string): never {
  throw new FactmarkError('conflict', message)
}

function notFound(what: string): never {
  throw new FactmarkError('not-found', `That ${what} no longer exists.`)
}
