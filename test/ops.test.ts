import { describe, expect, it } from 'vitest'
import { createSelectors } from '../src/core/anchoring/selectors'
import { FactmarkError } from '../src/core/errors'
import { ArticleDoc, Operation, type Claim, type Note, type OperationBody, type Source } from '../src/core/model'
import { apply, bodyOf, checkFits, findClaim, fold, invert, placementFor, placementOf } from '../src/core/ops'
import { bodyFromPlainText } from '../src/core/plain-text'
import { reviseArticle } from '../src/core/revise'
import { act, created, make, writer, type Writer } from './core/stamping'

const text = 'In January-June the trade soared almost 80% to make up $294.6 million.\nThe exports totaled $252.6 million.'
const FORGED = 'r-forged'
const LONG_AGO = '2000-01-01T00:00:00.000Z'

function desk() {
  const ana = writer('desk-ana', 'r-ana', 'Ana')
  const ben = writer('desk-ben', 'r-ben', 'Ben', ana.wall.ms + 1)
  const body = bodyFromPlainText(text)
  const doc = created(ana, { id: 'article01', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  ben.clock.observe(doc.log[0]!.ts)
  return { ana, ben, doc }
}

function claim(doc: ArticleDoc, id: string, exact: string): Claim {
  const start = doc.article.text.indexOf(exact)
  return { id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: FORGED, createdAt: LONG_AGO, updatedAt: LONG_AGO }
}

const note: Note = { id: 'note0001', text: 'BelTA figure; check the customs data <b>first</b>, "quoted", with, commas\nand lines', by: FORGED, at: LONG_AGO }
const source: Source = {
  id: 'source01',
  url: 'https://www.belstat.gov.by/en/',
  title: 'Foreign trade, January–June 2017',
  publisher: 'Belstat',
  excerpt: 'Trade with Kazakhstan: 294.6',
  stance: 'supports',
  accessedAt: '2026-11-28',
  by: FORGED,
  at: LONG_AGO
}

/** One change of every kind a reviewer makes, each written against the document before it, as the renderer would. */
const script: ((doc: ArticleDoc) => OperationBody)[] = [
  (doc) => ({ type: 'claim.create', claim: claim(doc, 'claim001', 'soared almost 80%') }),
  (doc) => ({ type: 'claim.create', claim: claim(doc, 'claim002', 'The exports totaled $252.6 million') }),
  (doc) => ({ type: 'claim.create', claim: claim(doc, 'claim003', 'almost 80% to make up $294.6 million') }),
  () => ({ type: 'claim.setVerdict', claimId: 'claim001', verdict: 'disputed', previous: 'unreviewed' }),
  () => ({ type: 'claim.addNote', claimId: 'claim001', note }),
  () => ({ type: 'claim.editNote', claimId: 'claim001', noteId: 'note0001', text: 'Customs data says 79.6%.', previous: note.text }),
  () => ({ type: 'claim.addSource', claimId: 'claim001', source }),
  () => ({ type: 'claim.setConclusion', claimId: 'claim001', conclusion: 'Close, but the rise was 79.6%.', previous: '' }),
  () => ({ type: 'claim.setClaimant', claimId: 'claim001', claimant: 'Andrei Kobyakov', previous: '' }),
  () => ({ type: 'claim.setTags', claimId: 'claim001', tags: ['trade', 'statistics'], previous: [] }),
  () => ({ type: 'claim.deleteSource', claimId: 'claim001', source }),
  () => ({ type: 'claim.deleteNote', claimId: 'claim001', note }),
  () => ({ type: 'article.rename', title: 'Belarus–Kazakhstan trade', previous: 'Trade' }),
  (doc) => ({ type: 'claim.delete', claimId: 'claim002', claim: doc.claims.find((c) => c.id === 'claim002')! }),
  () => ({ type: 'suggestion.dismiss', sentence: 'The exports totaled $252.6 million.' }),
  () => ({ type: 'suggestion.dismiss', sentence: 'In January-June the trade soared almost 80% to make up $294.6 million.' }),
  () => ({ type: 'suggestion.restore', sentence: 'The exports totaled $252.6 million.' }),
  () => ({ type: 'claim.assign', claimId: 'claim003', assignee: 'r-ana', previous: null }),
  () => ({ type: 'article.setStatus', status: 'ready', previous: 'in-progress' }),
  // A new version of the text edits claim001's words, so it is flagged; the reviewer then re-attaches it to the new
  // words (its verdict is now for the earlier wording) and confirms the verdict for them.
  (doc) => reviseArticle(doc, bodyFromPlainText(text.replace('soared almost 80%', 'soared by almost 80%'))),
  (doc) => {
    const moved = doc.claims.find((c) => c.id === 'claim001')!
    return { type: 'claim.placeAnchor', claimId: moved.id, from: placementOf(moved), to: placementFor(moved, claim(doc, moved.id, 'soared by almost 80%')) }
  },
  () => ({ type: 'claim.setVerdict', claimId: 'claim001', verdict: 'disputed', previous: 'disputed' })
]

function played() {
  const { ana, ben, doc: start } = desk()
  const docs = [start]
  const ops: Operation[] = []
  for (const body of script) {
    const op = make(ana, docs.at(-1)!, body(docs.at(-1)!))
    ops.push(op)
    docs.push(apply(docs.at(-1)!, op))
  }
  return { ana, ben, start, docs, ops }
}

/** What undo restores: content, not the times of the change (updatedAt, editedAt) or which operations gave the verdict. */
function content(doc: ArticleDoc) {
  return {
    title: doc.article.title,
    text: doc.article.text,
    dismissed: [...(doc.dismissed ?? [])].sort(), // a set: undoing a restore dismisses again, at the end
    claims: doc.claims.map(({ updatedAt: _u, verdicts: _v, ...c }) => ({ ...c, notes: c.notes.map(({ editedAt: _e, ...n }) => n) }))
  }
}

describe('operations', () => {
  it('apply every kind, each leaving a valid, logged document', () => {
    const { start, docs, ops } = played()
    ops.forEach((op, i) => {
      expect(ArticleDoc.safeParse(docs[i + 1]).success).toBe(true)
      expect(docs[i + 1]!.log.at(-1)).toEqual(op)
      expect(docs[i + 1]!.article.updatedAt).toBe(op.at)
    })
    const kinds = new Set([start.log[0]!.type, ...ops.map((op) => op.type)])
    expect([...kinds].sort()).toEqual(Operation.options.map((o) => o.shape.type.value).filter((t) => t !== 'article.snapshot').sort())
    const doc = docs.at(-1)!
    expect(doc.article.title).toBe('Belarus–Kazakhstan trade')
    expect(doc.claims.map((c) => c.id)).toEqual(['claim001', 'claim003']) // article order
    const c1 = doc.claims[0]!
    expect(c1.quote.exact).toBe('soared by almost 80%')
    expect(c1.anchor).toBeUndefined()
    expect(c1.verdictWording).toBeUndefined() // confirmed for the new words
    expect(c1).toMatchObject({ verdict: 'disputed', conclusion: 'Close, but the rise was 79.6%.', claimant: 'Andrei Kobyakov', tags: ['trade', 'statistics'], notes: [], sources: [], createdBy: 'r-ana' })
    // The same set of operations folds to the same document, whatever order it comes in.
    expect(fold([...doc.log].reverse())).toEqual(doc)
  })

  it.each(script.map((_, i) => [i] as const))('change %i is undone by its inverse, and redone by the inverse of that', (i) => {
    const { ana, docs, ops } = played()
    const before = docs[i]!
    const after = docs[i + 1]!
    const undo = make(ana, after, invert(bodyOf(ops[i]!)))
    const undone = apply(after, undo)
    expect(content(undone)).toEqual(content(before))
    expect(undone.claims.map((c) => c.verdict)).toEqual(before.claims.map((c) => c.verdict))
    const redone = apply(undone, make(ana, undone, invert(bodyOf(undo))))
    expect(content(redone)).toEqual(content(after))
    expect(redone.log.slice(-2).map((op) => op.by)).toEqual(['r-ana', 'r-ana'])
  })

  it('undo gives back the words a verdict was given for, which main takes from its document', () => {
    const { ana, docs, ops } = played()
    const placed = docs.at(-2)! // after the re-attachment: the verdict was for the earlier words
    expect(placed.claims[0]!.verdictWording).toBe('soared almost 80%')
    const confirm = ops.at(-1)!
    expect(confirm).toMatchObject({ type: 'claim.setVerdict', previousWording: 'soared almost 80%' }) // the renderer never said so
    const undone = apply(docs.at(-1)!, make(ana, docs.at(-1)!, invert(bodyOf(confirm))))
    expect(undone.claims[0]!.verdictWording).toBe('soared almost 80%')
  })

  it('a change made against an older state, arriving from elsewhere, folds without failing: last writer by order', () => {
    const { ana, ben, docs } = played()
    const doc = docs[4]! // claim001 disputed
    const stale: OperationBody = { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'verified', previous: 'unreviewed' }
    expect(() => checkFits(doc, stale)).toThrow(/verdict was changed meanwhile/)
    // Ben made it on his own view, where the claim was still unreviewed; it arrives here later.
    ben.clock.observe(ana.clock.next())
    const fromBen = make(ben, docs[3]!, stale)
    const merged = apply(doc, fromBen)
    expect(merged.claims.find((c) => c.id === 'claim001')!.verdict).toBe('verified')
    expect(merged.log.at(-1)).toEqual(fromBen)
  })

  it('knows which operations each document holds, older documents included', () => {
    const { docs, ops } = played()
    const [before, after] = [docs[5]!, docs[6]!]
    // Applied again to the document that has it: nothing changes. To the one before: the same document again.
    expect(apply(after, ops[5]!)).toBe(after)
    expect(apply(before, ops[5]!)).toEqual(after)
    expect(apply(after, ops[5]!)).toBe(after)
    // An undo of a delete finds what was removed in the document it is made on, not in a later one.
    const deleted = docs[14]! // claim002 deleted
    expect(make(played().ana, deleted, invert(bodyOf(ops[13]!)))).toMatchObject({ type: 'claim.create', claim: docs[13]!.claims.find((c) => c.id === 'claim002') })
    const removedNote = docs[11]!.claims[0]!.notes[0]!
    expect(make(played().ana, docs[12]!, { type: 'claim.addNote', claimId: 'claim001', note })).toMatchObject({ note: removedNote })
    expect(() => make(played().ana, docs[6]!, { type: 'claim.addNote', claimId: 'claim001', note })).toThrow('That note is already there.')
  })

  it('bodyOf leaves exactly the stamp out', () => {
    const { ops } = played()
    for (const op of ops) {
      const body = bodyOf(op)
      for (const key of ['id', 'ts', 'replica', 'by', 'name', 'at', 'rev']) expect(body).not.toHaveProperty(key)
      expect({ ...body, id: op.id, ts: op.ts, replica: op.replica, by: op.by, name: op.name, at: op.at, rev: op.rev }).toEqual(op)
    }
  })
})

describe('checkFits refuses a change that does not fit the document as it is, in words', () => {
  const { docs } = played()
  const doc = docs[7]! // claim001 disputed, with note0001 (edited) and source01
  const c1 = doc.claims.find((c) => c.id === 'claim001')!
  const refusals: [string, OperationBody, string, string][] = [
    ['a stale verdict', { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'verified', previous: 'unreviewed' }, 'conflict', 'The verdict was changed meanwhile; reload the article and try again.'],
    ['a stale conclusion', { type: 'claim.setConclusion', claimId: 'claim001', conclusion: 'x', previous: 'old' }, 'conflict', 'The conclusion was changed meanwhile; reload the article and try again.'],
    ['a stale claimant', { type: 'claim.setClaimant', claimId: 'claim001', claimant: 'x', previous: 'old' }, 'conflict', 'The claimant was changed meanwhile; reload the article and try again.'],
    ['stale tags', { type: 'claim.setTags', claimId: 'claim001', tags: ['a'], previous: ['b'] }, 'conflict', 'The tags was changed meanwhile; reload the article and try again.'],
    ['a stale title', { type: 'article.rename', title: 'New', previous: 'Not the title' }, 'conflict', 'The title was changed meanwhile; reload the article and try again.'],
    ['a stale note', { type: 'claim.editNote', claimId: 'claim001', noteId: 'note0001', text: 'x', previous: note.text }, 'conflict', 'The note was changed meanwhile; reload the article and try again.'],
    ['a stale text', { ...reviseArticle({ ...doc, article: { ...doc.article, text: 'Other words.' } }, bodyFromPlainText('New words.')) }, 'conflict', 'The article text was changed meanwhile; reload the article and try again.'],
    ['a claim that is gone', { type: 'claim.setVerdict', claimId: 'claim999', verdict: 'verified', previous: 'unreviewed' }, 'not-found', 'That claim no longer exists.'],
    ['a note that is gone', { type: 'claim.deleteNote', claimId: 'claim001', note: { ...note, id: 'note9999' } }, 'not-found', 'That note no longer exists.'],
    ['a source that is gone', { type: 'claim.deleteSource', claimId: 'claim001', source: { ...source, id: 'source99' } }, 'not-found', 'That source no longer exists.'],
    ['a claim already there', { type: 'claim.create', claim: claim(doc, 'claim001', 'soared almost 80%') }, 'conflict', 'That claim is already there.'],
    ['a note already there', { type: 'claim.addNote', claimId: 'claim001', note }, 'conflict', 'That note is already there.'],
    ['a source already there', { type: 'claim.addSource', claimId: 'claim001', source }, 'conflict', 'That source is already there.'],
    ['a claim whose quote is not the text at its position', { type: 'claim.create', claim: { ...claim(doc, 'claim009', 'soared almost 80%'), quote: { exact: 'plunged', prefix: '', suffix: '' } } }, 'invalid-argument', 'The claim does not match the article text at its position, or cuts a character in half.'],
    ['a placement from a stale view', { type: 'claim.placeAnchor', claimId: 'claim001', from: { ...placementOf(c1), position: { start: 0, end: 2 } }, to: placementOf(c1) }, 'conflict', 'Where the claim sits was changed meanwhile; reload the article and try again.'],
    ['a placement off the text', { type: 'claim.placeAnchor', claimId: 'claim001', from: placementOf(c1), to: { ...placementOf(c1), position: { start: 0, end: 2 } } }, 'invalid-argument', 'The claim does not match the article text at its new position.'],
    ['an article created again', { type: 'article.create', article: doc.article }, 'forbidden', 'An article is created by importing it; its whole state cannot be replaced.'],
    ['a whole state', { type: 'article.snapshot', article: doc.article, claims: [], reason: 'because' }, 'forbidden', 'An article is created by importing it; its whole state cannot be replaced.']
  ]
  it.each(refusals)('%s', (_what, body, code, message) => {
    let error: unknown
    try {
      checkFits(doc, body)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(FactmarkError)
    expect(error).toMatchObject({ code, message })
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/', 'data:text/html,<script>alert(1)</script>'])('a source whose link is %s', (url) => {
    expect(() => checkFits(doc, { type: 'claim.addSource', claimId: 'claim001', source: { ...source, id: 'source02', url } })).toThrow(/refused/)
  })

  it('and lets through what fits', () => {
    expect(() => checkFits(doc, { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'verified', previous: 'disputed' })).not.toThrow()
    expect(() => checkFits(doc, { type: 'claim.delete', claimId: 'claim001', claim: c1 })).not.toThrow()
  })
})

describe('stampOperation', () => {
  function withNote(): { ana: Writer; ben: Writer; doc: ArticleDoc } {
    const { ana, ben, doc: start } = desk()
    let doc = act(ana, start, { type: 'claim.create', claim: claim(start, 'claim001', 'soared almost 80%') })
    doc = act(ana, doc, { type: 'claim.addNote', claimId: 'claim001', note })
    doc = act(ana, doc, { type: 'claim.addSource', claimId: 'claim001', source })
    ben.clock.observe(doc.log.at(-1)!.ts)
    return { ana, ben, doc }
  }

  it('takes authorship and times from the stamp, never from the sender', () => {
    const { ana, doc: start } = desk()
    const body: OperationBody = {
      type: 'claim.create',
      claim: { ...claim(start, 'claim001', 'soared almost 80%'), verdict: 'verified', verdicts: [{ op: 'someone.1', by: FORGED, verdict: 'disputed' }], notes: [note], sources: [source] }
    }
    const op = make(ana, start, body)
    expect(op).toMatchObject({ by: 'r-ana', name: 'Ana', replica: 'desk-ana', rev: start.revision })
    if (op.type !== 'claim.create') throw new Error(op.type)
    expect(op.claim).toMatchObject({ createdBy: 'r-ana', createdAt: op.at, updatedAt: op.at, verdicts: [{ op: op.id, by: 'r-ana', verdict: 'verified' }] })
    expect(op.claim.notes[0]).toMatchObject({ by: 'r-ana', at: op.at })
    expect(op.claim.sources[0]).toMatchObject({ by: 'r-ana', at: op.at })
    expect(JSON.stringify(op)).not.toContain(FORGED)
    const noted = make(ana, apply(start, op), { type: 'claim.addNote', claimId: 'claim001', note: { ...note, id: 'note0002' } })
    expect(noted).toMatchObject({ note: { by: 'r-ana', at: noted.at } })
  })

  it('takes what a change replaces from the document: snapshots, the verdicts it saw, where the claim was, the revision', () => {
    const { ana, ben, doc: noted } = withNote()
    const doc = act(ben, noted, { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'disputed', previous: 'unreviewed' })
    const c1 = doc.claims[0]!
    const forgedClaim = { ...c1, conclusion: 'not what it says', createdBy: FORGED }
    expect(make(ana, doc, { type: 'claim.delete', claimId: 'claim001', claim: forgedClaim })).toMatchObject({ claim: c1 })
    expect(make(ana, doc, { type: 'claim.deleteNote', claimId: 'claim001', note: { ...note, text: 'not it' } })).toMatchObject({ note: c1.notes[0] })
    expect(make(ana, doc, { type: 'claim.deleteSource', claimId: 'claim001', source: { ...source, title: 'not it' } })).toMatchObject({ source: c1.sources[0] })
    // Another reviewer's verdict is replaced only by a resolution; what the sender says it saw is never taken.
    expect(make(ana, doc, { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'verified', previous: 'disputed', seen: [doc.log.at(-1)!.id] })).toMatchObject({ seen: [] })
    expect(make(ana, doc, { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'verified', previous: 'disputed', seen: [], resolves: true, previousWording: 'forged' })).toMatchObject({
      seen: [doc.log.at(-1)!.id]
    })
    expect(make(ana, doc, { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'verified', previous: 'disputed', previousWording: 'forged' })).not.toHaveProperty('previousWording')
    ana.clock.observe(doc.log.at(-1)!.ts)
    const revised = act(ana, doc, reviseArticle(doc, bodyFromPlainText(`Update. ${text}`)))
    const later = make(ana, revised, { type: 'claim.setConclusion', claimId: 'claim001', conclusion: 'x', previous: '' })
    expect(later.rev).toBe(revised.log.at(-1)!.id)
    expect(later.rev).not.toBe(doc.revision)
  })

  it('lets only a note’s author edit or delete it, by reviewer id', () => {
    const { ana, ben, doc } = withNote()
    const edit: OperationBody = { type: 'claim.editNote', claimId: 'claim001', noteId: 'note0001', text: 'Ben was here.', previous: note.text }
    expect(() => make(ben, doc, edit)).toThrow(new FactmarkError('forbidden', "That note is Ana's; only its author can change it."))
    expect(() => make(ben, doc, { type: 'claim.deleteNote', claimId: 'claim001', note })).toThrow(/only its author can change it/)
    // Ben calling himself Ana changes nothing: ownership is the id.
    const impostor = writer('desk-ben-2', 'r-ben', 'Ana', ben.wall.ms)
    impostor.clock.observe(doc.log.at(-1)!.ts)
    expect(() => make(impostor, doc, edit)).toThrow(/only its author/)
    expect(() => make(ana, doc, edit)).not.toThrow()
  })

  it('lets a reviewer who renamed themself keep their notes, shown under the new name', () => {
    const { ana, ben, doc } = withNote()
    ana.name = 'Ana Petrova'
    const renamed = act(ana, doc, { type: 'claim.editNote', claimId: 'claim001', noteId: 'note0001', text: 'Still mine.', previous: note.text })
    expect(renamed.claims[0]!.notes[0]).toMatchObject({ by: 'r-ana', text: 'Still mine.' })
    expect(renamed.people['r-ana']).toBe('Ana Petrova')
    expect(() => make(ben, renamed, { type: 'claim.deleteNote', claimId: 'claim001', note })).toThrow("That note is Ana Petrova's; only its author can change it.")
  })

  it('brings back a deleted claim, note or source as it was removed: its authors stay its authors, whoever undoes', () => {
    const { ana, ben, doc } = withNote()
    // Ben deletes Ana's claim (with her note and source), then undoes it.
    const deleted = act(ben, doc, { type: 'claim.delete', claimId: 'claim001', claim: doc.claims[0]! })
    const deleteOp = deleted.log.at(-1)!
    const restored = act(ben, deleted, invert(bodyOf(deleteOp)))
    expect(restored.claims).toEqual(doc.claims)
    expect(restored.claims[0]!.notes[0]!.by).toBe('r-ana')
    // So Ana can still edit her note, and Ben still cannot.
    const edit: OperationBody = { type: 'claim.editNote', claimId: 'claim001', noteId: 'note0001', text: 'Mine.', previous: note.text }
    expect(() => make(ana, restored, edit)).not.toThrow()
    expect(() => make(ben, restored, edit)).toThrow(/only its author/)

    // Ben removes Ana's source and undoes that: still Ana's.
    const removed = act(ben, restored, { type: 'claim.deleteSource', claimId: 'claim001', source })
    const back = act(ben, removed, invert(bodyOf(removed.log.at(-1)!)))
    expect(back.claims[0]!.sources).toEqual(doc.claims[0]!.sources)

    // Ana deletes her note and undoes it: the same note, at its own time. Ben cannot bring back Ana's note.
    const gone = act(ana, back, { type: 'claim.deleteNote', claimId: 'claim001', note })
    const restoreNote = invert(bodyOf(gone.log.at(-1)!))
    expect(() => make(ben, gone, restoreNote)).toThrow("That note is Ana's; only its author can bring it back.")
    expect(act(ana, gone, restoreNote).claims[0]!.notes).toEqual(doc.claims[0]!.notes)
  })

  it('brings back a claim deleted before an update of the text, on the new text', () => {
    const { ana, doc } = withNote()
    const deleted = act(ana, doc, { type: 'claim.delete', claimId: 'claim001', claim: doc.claims[0]! })
    const undo = invert(bodyOf(deleted.log.at(-1)!))
    const revised = act(ana, deleted, reviseArticle(deleted, bodyFromPlainText(`Updated. ${text}`)))
    const restored = act(ana, revised, undo)
    const c1 = restored.claims[0]!
    expect(restored.article.text.slice(c1.position.start, c1.position.end)).toBe('soared almost 80%')
    expect(c1.notes).toEqual(doc.claims[0]!.notes)
  })
})

describe('finding claims by id across documents', () => {
  it('every document keeps finding its own claims, whatever was added, removed or brought back after it', () => {
    const { ana, doc } = desk()
    const words = ['January-June', 'the trade', 'soared almost 80%', 'to make up', '$294.6 million', 'The exports']
    const docs: ArticleDoc[] = [doc]
    let now = doc
    words.forEach((w, i) => docs.push((now = act(ana, now, { type: 'claim.create', claim: claim(now, `claim-${i}`, w) }))))
    const withAll = now
    docs.push((now = act(ana, now, { type: 'claim.delete', claimId: 'claim-2', claim: withAll.claims.find((c) => c.id === 'claim-2')! })))
    docs.push((now = act(ana, now, { type: 'claim.setVerdict', claimId: 'claim-4', verdict: 'verified', previous: 'unreviewed' })))
    docs.push((now = act(ana, now, invert(now.log.find((op) => op.type === 'claim.delete')!) as OperationBody)))
    docs.push((now = act(ana, now, { type: 'claim.delete', claimId: 'claim-0', claim: now.claims.find((c) => c.id === 'claim-0')! })))
    for (const d of docs) {
      for (const c of d.claims) expect(findClaim(d, c.id)).toBe(c)
      for (const id of words.map((_, i) => `claim-${i}`)) if (!d.claims.some((c) => c.id === id)) expect(findClaim(d, id)).toBeUndefined()
    }
    // Changes made on an older document find their claim in it, not in a later one.
    const older = docs[3]!
    const changed = apply(older, make(ana, older, { type: 'claim.setConclusion', claimId: 'claim-1', conclusion: 'Checked.', previous: '' }))
    expect(findClaim(changed, 'claim-1')?.conclusion).toBe('Checked.')
    expect(findClaim(older, 'claim-1')?.conclusion).toBe('')
    expect(findClaim(changed, 'claim-2')).toBe(older.claims.find((c) => c.id === 'claim-2'))
    expect(findClaim(now, 'claim-2')?.id).toBe('claim-2')
    expect(now.claims.map((c) => c.id)).toEqual(['claim-1', 'claim-2', 'claim-3', 'claim-4', 'claim-5'])
  })
})

describe('notes made in the same millisecond', () => {
  it('keep the order they were made in, whatever their ids', () => {
    const { ana, doc } = desk()
    const withClaim = act(ana, doc, { type: 'claim.create', claim: claim(doc, 'claim-1', 'the trade') })
    const first = make(ana, withClaim, { type: 'claim.addNote', claimId: 'claim-1', note: { ...note, id: 'note-zz', text: 'first' } })
    const afterFirst = apply(withClaim, first)
    const second = make(ana, afterFirst, { type: 'claim.addNote', claimId: 'claim-1', note: { ...note, id: 'note-aa', text: 'second' } })
    const sameMs = (op: Operation) => (op.type === 'claim.addNote' ? { ...op, note: { ...op.note, at: '2026-12-02T09:00:00.000Z' } } : op)
    const both = apply(apply(withClaim, sameMs(first)), sameMs(second))
    expect(both.claims[0]!.notes.map((n) => n.text)).toEqual(['first', 'second'])
    // The same from the set of operations in either order of arrival.
    expect(fold([...both.log].reverse()).claims[0]!.notes.map((n) => n.text)).toEqual(['first', 'second'])
  })
})
