// Concurrent changes that merge rather than fail, each checked in every order the operations can arrive in, one by one
// and as a batch: the document is the same whatever the order, and it is the one the design asks for.

import { describe, expect, it } from 'vitest'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { formatHlc } from '../../src/core/clock'
import { hasDisagreement, verdictsInForce } from '../../src/core/disagreement'
import { ArticleDoc, type Claim, type Operation } from '../../src/core/model'
import { apply, applyAll, fold, placementFor, placementOf, tookEffect, undoOf } from '../../src/core/ops'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { createOp, make, writer, type Writer } from './stamping'

const TEXT = 'Exports rose 12% in June. Imports fell by 3%.\nThe minister said trade doubled since 2015.'

function desk() {
  const dana = writer('desk-dana', 'r-dana', 'Dana')
  const sam = writer('desk-sam', 'r-sam', 'Sam', dana.wall.ms + 40) // Sam's clock is a little ahead
  const body = bodyFromPlainText(TEXT)
  const genesis = createOp(dana, { id: 'trade-story', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  sam.clock.observe(genesis.ts)
  return { dana, sam, genesis, doc: fold([genesis]) }
}

function newClaim(doc: ArticleDoc, id: string, exact: string): Claim {
  const start = doc.article.text.indexOf(exact)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  return { id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: '', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' }
}

/** Makes a change and applies it to the maker's own view. */
function change(w: Writer, doc: ArticleDoc, body: Parameters<typeof make>[2]): [ArticleDoc, Operation] {
  const op = make(w, doc, body)
  return [apply(doc, op), op]
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]))
}

/** The document `ops` make on top of `base`, the same in every order of arrival, one at a time or all at once. */
function merged(base: ArticleDoc, ops: readonly Operation[]): ArticleDoc {
  const results = permutations(ops).flatMap((order) => [order.reduce(apply, base), applyAll(base, order)])
  const json = JSON.stringify(results[0])
  for (const doc of results) expect(JSON.stringify(doc)).toBe(json)
  expect(JSON.stringify(fold([...base.log, ...ops].reverse()))).toBe(json)
  expect(ArticleDoc.safeParse(results[0]).success).toBe(true)
  return results[0]!
}

describe('concurrent verdicts', () => {
  it('by two reviewers are both kept, as a disagreement, until someone resolves it', () => {
    const { dana, sam, doc: start } = desk()
    const [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
    // Neither has seen the other's verdict.
    const [, byDana] = change(dana, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'disputed', previous: 'unreviewed' })
    const [, bySam] = change(sam, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'verified', previous: 'unreviewed' })
    const doc = merged(base, [byDana, bySam])
    const claim = doc.claims[0]!
    expect(claim.verdicts).toEqual([
      { op: byDana.id, by: 'r-dana', verdict: 'disputed' },
      { op: bySam.id, by: 'r-sam', verdict: 'verified' }
    ])
    expect(claim.verdict).toBe('verified') // the later by order, as a field; the disagreement is beside it
    expect(hasDisagreement(claim)).toBe(true)
    expect(verdictsInForce(claim, doc.people).map((v) => `${v.name}: ${v.verdict}`)).toEqual(['Dana: disputed', 'Sam: verified'])

    // Dana, having seen Sam's, changes her own verdict: it replaces hers only, and Sam's judgement still stands beside it.
    for (const w of [dana, sam]) w.clock.observe(bySam.ts)
    const [changed] = change(dana, doc, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'needs-context', previous: 'verified' })
    expect(changed.claims[0]!.verdicts!.map((v) => `${v.by}: ${v.verdict}`)).toEqual(['r-sam: verified', 'r-dana: needs-context'])
    expect(hasDisagreement(changed.claims[0]!)).toBe(true)

    // Resolving is its own operation: the final verdict replaces every one in force, and says who decided.
    const [resolved] = change(dana, changed, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'needs-context', previous: 'needs-context', resolves: true })
    expect(resolved.claims[0]!.verdicts).toEqual([{ op: resolved.log.at(-1)!.id, by: 'r-dana', verdict: 'needs-context' }])
    expect(hasDisagreement(resolved.claims[0]!)).toBe(false)
  })

  it('a reviewer undoes their own verdict in a disagreement: the other reviewer’s stands, whichever sorts later', () => {
    for (const samAhead of [true, false]) {
      const { dana, sam, doc: start } = desk()
      if (!samAhead) dana.clock.observe(formatHlc(dana.wall.ms + 1_000, 0))
      const [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
      const [, byDana] = change(dana, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'disputed', previous: 'unreviewed' })
      const [, bySam] = change(sam, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'verified', previous: 'unreviewed' })
      const both = merged(base, [byDana, bySam])
      expect(hasDisagreement(both.claims[0]!)).toBe(true)
      for (const w of [dana, sam]) w.clock.observe(both.log.at(-1)!.ts)
      // Dana takes hers back; Sam's verified is then the only one in force.
      const [undone] = change(dana, both, undoOf(byDana))
      expect(undone.claims[0]!.verdicts).toEqual([{ op: bySam.id, by: 'r-sam', verdict: 'verified' }])
      expect(undone.claims[0]!.verdict).toBe('verified')
      expect(hasDisagreement(undone.claims[0]!)).toBe(false)
      // Sam cannot undo Dana's.
      expect(() => make(sam, both, undoOf(byDana))).toThrow(/Only your own verdict/)
    }
  })

  it('that agree are no disagreement, and one reviewer in two windows never disagrees with themself', () => {
    const { dana, sam, doc: start } = desk()
    const [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
    const same = merged(base, [
      make(dana, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'verified', previous: 'unreviewed' }),
      make(sam, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'verified', previous: 'unreviewed' })
    ])
    expect(same.claims[0]!.verdicts).toHaveLength(2)
    expect(hasDisagreement(same.claims[0]!)).toBe(false)

    const window2 = writer('desk-dana-2', 'r-dana', 'Dana', dana.wall.ms + 5)
    const self = merged(base, [
      make(dana, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'verified', previous: 'unreviewed' }),
      make(window2, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'disputed', previous: 'unreviewed' })
    ])
    expect(self.claims[0]!.verdicts).toHaveLength(1)
    expect(hasDisagreement(self.claims[0]!)).toBe(false)
  })
})

describe('a change to a claim deleted concurrently', () => {
  it('stays in the log, in any order of arrival, and changes nothing', () => {
    const { dana, sam, doc: start } = desk()
    const [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
    const claim = base.claims[0]!
    const [, deleted] = change(dana, base, { type: 'claim.delete', claimId: claim.id, claim })
    // Sam's clock is ahead, so his changes sort after Dana's delete.
    const [samView, verdict] = change(sam, base, { type: 'claim.setVerdict', claimId: claim.id, verdict: 'disputed', previous: 'unreviewed' })
    const [, note] = change(sam, samView, { type: 'claim.addNote', claimId: claim.id, note: { id: 'note-sam', text: 'Customs say 11%.', by: '', at: '2000-01-01T00:00:00.000Z' } })
    expect(deleted.ts < verdict.ts).toBe(true)
    const doc = merged(base, [deleted, verdict, note])
    expect(doc.claims).toEqual([])
    expect(doc.log.map((op) => op.id)).toEqual([...base.log, deleted, verdict, note].map((op) => op.id))
    const before = fold([...base.log, deleted])
    expect(tookEffect(before, verdict)).toBe(false)
  })
})

describe('a claim made against an older text', () => {
  it('lands on the new text by the resolver, whatever the order of arrival, where the revision would have put it', () => {
    const { dana, sam, doc: base } = desk()
    // Sam marks a claim on the text as it was; Dana meanwhile puts a sentence before the article.
    const [, created] = change(sam, base, { type: 'claim.create', claim: newClaim(base, 'claim-said', 'said trade doubled') })
    const next = bodyFromPlainText(`Updated with figures from customs. ${TEXT}`)
    const [, revised] = change(dana, base, reviseArticle(base, next))
    expect(created.rev).toBe(base.revision)
    expect(revised.ts < created.ts).toBe(true) // Sam's clock is ahead: his claim sorts after the revision it never saw
    const doc = merged(base, [revised, created])
    const claim = doc.claims[0]!
    expect(doc.article.text).toBe(next.text)
    expect(claim.position.start).toBe(next.text.indexOf('said trade doubled'))
    expect(claim.anchor).toBeUndefined() // same words in the same surroundings: in place, nothing to look at

    // Exactly where the revision places a claim it knew about.
    const known = fold([...base.log, created])
    const sequential = apply(known, make(dana, known, reviseArticle(known, next)))
    expect(placementOf(claim)).toEqual(placementOf(sequential.claims[0]!))
  })

  it('whose words the new text no longer has is kept, not found, with its words', () => {
    const { dana, sam, doc: base } = desk()
    const [, created] = change(sam, base, { type: 'claim.create', claim: newClaim(base, 'claim-imports', 'Imports fell by 3%') })
    const next = bodyFromPlainText(TEXT.replace(' Imports fell by 3%.', ''))
    const [, revised] = change(dana, base, reviseArticle(base, next))
    const doc = merged(base, [revised, created])
    expect(doc.claims).toHaveLength(1)
    expect(doc.claims[0]!.quote.exact).toBe('Imports fell by 3%')
    expect(doc.claims[0]!.anchor).toEqual({ status: 'orphaned', textChanged: false, previousExact: 'Imports fell by 3%' })
  })

  it('re-attached while the text was revised keeps its re-attachment on the new text', () => {
    const { dana, sam, doc: start } = desk()
    let [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-trade', 'trade doubled') })
    ;[base] = change(dana, base, { type: 'claim.setVerdict', claimId: 'claim-trade', verdict: 'disputed', previous: 'unreviewed' })
    for (const w of [dana, sam]) w.clock.observe(base.log.at(-1)!.ts)
    // Sam moves the claim to the longer words; concurrently Dana edits the first sentence (not those words).
    const claim = base.claims[0]!
    const wider = newClaim(base, 'x', 'trade doubled since 2015')
    const [, placed] = change(sam, base, { type: 'claim.placeAnchor', claimId: claim.id, from: placementOf(claim), to: placementFor(claim, wider) })
    dana.wall.ms += 1000
    const [, revised] = change(dana, base, reviseArticle(base, bodyFromPlainText(TEXT.replace('rose 12%', 'rose almost 12%'))))
    // The revision sorts after the re-attachment it did not see, and its plan has the claim on the shorter words.
    expect(placed.ts < revised.ts).toBe(true)
    const doc = merged(base, [placed, revised])
    const after = doc.claims[0]!
    expect(doc.article.text.slice(after.position.start, after.position.end)).toBe('trade doubled since 2015')
    expect(after.verdictWording).toBe('trade doubled') // the verdict was given for the shorter words
  })
})

describe('two concurrent revisions', () => {
  it('the later by order wins, the other’s text stays in the log, and no claim is dropped', () => {
    const { dana, sam, doc: start } = desk()
    let [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
    ;[base] = change(dana, base, { type: 'claim.create', claim: newClaim(base, 'claim-said', 'The minister said') })
    for (const w of [dana, sam]) w.clock.observe(base.log.at(-1)!.ts)
    const danaText = TEXT.replace('rose 12% in June', 'rose 14% in June')
    const samText = `Corrected. ${TEXT.replace('The minister said', 'The ministry said')}`
    const [, byDana] = change(dana, base, reviseArticle(base, bodyFromPlainText(danaText)))
    const [, bySam] = change(sam, base, reviseArticle(base, bodyFromPlainText(samText)))
    const [later, earlier] = bySam.ts > byDana.ts ? [bySam, byDana] : [byDana, bySam]
    const doc = merged(base, [byDana, bySam])
    expect(doc.article.text).toBe(later.type === 'article.revise' ? later.text : '')
    expect(doc.revision).toBe(later.id)
    expect(doc.log.find((op) => op.id === earlier.id)).toMatchObject({ type: 'article.revise', text: earlier.type === 'article.revise' ? earlier.text : '' })
    expect(doc.claims.map((c) => c.id).sort()).toEqual(['claim-rose', 'claim-said'])
    for (const c of doc.claims) {
      if (c.anchor?.status !== 'orphaned') expect(doc.article.text.slice(c.position.start, c.position.end)).toBe(c.quote.exact)
    }
    // Sam's revision is the later one here (his clock is ahead): the claim whose words he changed is flagged.
    expect(later).toBe(bySam)
    expect(doc.claims.find((c) => c.id === 'claim-said')!.anchor).toMatchObject({ status: 'moved', textChanged: true, previousExact: 'The minister said' })
    // Dana's edit of the figure is gone with her text; the claim on it is found on Sam's, with its words.
    const rose = doc.claims.find((c) => c.id === 'claim-rose')!
    expect(rose.quote.exact).toBe('rose 12% in June')
    expect(rose.anchor?.status).not.toBe('orphaned')
  })
})

describe('operations that break the rules a writer keeps', () => {
  it('one that sorts before the article’s creation is applied after it, never a failure', () => {
    const { dana, doc: start } = desk()
    const [base, created] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
    const early = { ...make(dana, base, { type: 'claim.setConclusion', claimId: 'claim-rose', conclusion: 'From a clock in 1970.', previous: '' }), ts: formatHlc(1, 0) }
    const doc = merged(base, [early])
    expect(doc.claims[0]!.conclusion).toBe('') // applied before the claim existed: logged, without effect
    expect(doc.log.map((op) => op.id)).toEqual([early.id, ...base.log.map((op) => op.id)])
    expect(doc.log.map((op) => op.id)).toContain(created.id)
  })

  it('two different operations under one id: the same one counts whatever the order', () => {
    const { dana, doc: start } = desk()
    const [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
    const first = make(dana, base, { type: 'claim.setConclusion', claimId: 'claim-rose', conclusion: 'First.', previous: '' })
    const reused = { ...make(dana, base, { type: 'claim.setConclusion', claimId: 'claim-rose', conclusion: 'Second.', previous: '' }), id: first.id }
    const doc = merged(base, [first, reused])
    expect(doc.claims[0]!.conclusion).toBe('First.')
    expect(doc.log.filter((op) => op.id === first.id)).toHaveLength(1)
  })
})

describe('undoing a first verdict beside a colleague’s', () => {
  it('withdraws the author’s verdict and never takes the colleague’s under their name', () => {
    const { dana, sam, doc: start } = desk()
    const [base] = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'rose 12% in June') })
    const [bySamDoc, bySam] = change(sam, base, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'unverifiable', previous: 'unreviewed' })
    for (const w of [dana, sam]) w.clock.observe(bySam.ts)
    const [withDana, byDana] = change(dana, bySamDoc, { type: 'claim.setVerdict', claimId: 'claim-rose', verdict: 'verified', previous: 'unverifiable' })
    expect(withDana.claims[0]!.verdicts!.map((v) => `${v.by}: ${v.verdict}`)).toEqual(['r-sam: unverifiable', 'r-dana: verified'])
    const [undone] = change(dana, withDana, undoOf(byDana))
    expect(undone.claims[0]!.verdicts).toEqual([{ op: bySam.id, by: 'r-sam', verdict: 'unverifiable' }])
  })
})
