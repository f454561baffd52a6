// Inter-rater agreement: the formulas against textbook examples worked by hand, and each reviewer's own judgement as
// read from documents made through the real operations (resolutions, undo, withdrawal, deleted claims).

import { describe, expect, it } from 'vitest'
import { articleAgreement, claimJudgements, cohenKappa, fleissKappa, formatKappa, kappaWords, reviewerJudgements } from '../../src/core/agreement'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { ArticleDoc, type Claim, type Operation, type OperationBody, type Verdict } from '../../src/core/model'
import { apply, applyAll, fold, undoOf } from '../../src/core/ops'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { createOp, make, writer, type Writer } from './stamping'

const TEXT = 'Exports rose 12% in June. Imports fell by 3%.\nThe minister said trade doubled since 2015.'

function desk() {
  const dana = writer('desk-dana', 'r-dana', 'Dana')
  const sam = writer('desk-sam', 'r-sam', 'Sam', dana.wall.ms + 40)
  const lee = writer('desk-lee', 'r-lee', 'Lee', dana.wall.ms + 80)
  const body = bodyFromPlainText(TEXT)
  const genesis = createOp(dana, { id: 'trade-story', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  for (const w of [sam, lee]) w.clock.observe(genesis.ts)
  return { dana, sam, lee, doc: fold([genesis]) }
}

function newClaim(doc: ArticleDoc, id: string, exact: string, verdict: Verdict = 'unreviewed'): Claim {
  const start = doc.article.text.indexOf(exact)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  return { id, ...createSelectors(doc.article.text, start, start + exact.length), verdict, conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: '', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' }
}

/** Makes a change and applies it to the maker's own view. */
function change(w: Writer, doc: ArticleDoc, body: OperationBody): [ArticleDoc, Operation] {
  const op = make(w, doc, body)
  return [apply(doc, op), op]
}

/** A reviewer's own verdict on a claim, having seen the document as it is. */
function judge(w: Writer, doc: ArticleDoc, claimId: string, verdict: Verdict, extra: { resolves?: true } = {}): ArticleDoc {
  const claim = doc.claims.find((c) => c.id === claimId)!
  return change(w, doc, { type: 'claim.setVerdict', claimId, verdict, previous: claim.verdict, ...extra })[0]
}

/** The undo of `w`'s latest operation on the document. */
function undoLast(w: Writer, doc: ArticleDoc): ArticleDoc {
  const last = doc.log.filter((op) => op.by === w.by).at(-1)!
  return change(w, doc, undoOf(last))[0]
}

const asObject = (judgements: Map<string, Map<string, string>>) => Object.fromEntries([...judgements].map(([claim, by]) => [claim, Object.fromEntries(by)]))

describe('Cohen’s κ', () => {
  it('matches the textbook 2×2 example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4', () => {
    // p_o = (20 + 15) / 50 = 0.7. Rater A says yes to 25 of 50 (0.5), rater B to 30 (0.6).
    // p_e = 0.5 · 0.6 + 0.5 · 0.4 = 0.5, so κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    expect(cohenKappa([[20, 5], [10, 15]])).toBeCloseTo(0.4, 12)
  })

  it('is 1 for perfect agreement, negative below chance, and undefined without data or with one category only', () => {
    expect(cohenKappa([[3, 0], [0, 2]])).toBeCloseTo(1, 12)
    // Always opposite: p_o = 0, p_e = 0.5 · 0.5 + 0.5 · 0.5 = 0.5, κ = −1.
    expect(cohenKappa([[0, 2], [2, 0]])).toBeCloseTo(-1, 12)
    expect(cohenKappa([[0, 0], [0, 0]])).toBeNull()
    // Both always "yes": p_o = p_e = 1, 0/0.
    expect(cohenKappa([[7, 0], [0, 0]])).toBeNull()
  })
})

describe('Fleiss’ κ', () => {
  it('matches Fleiss’ (1971) worked example: 10 items, 14 raters, 5 categories → κ ≈ 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7]
    ]
    // By hand: P_i = Σ n_ij(n_ij − 1) / (14 · 13) = 1.000, 0.253, 0.308, 0.440, 0.330, 0.462, 0.242, 0.176, 0.286,
    // 0.286; P̄ = 172/455 ≈ 0.378. Column totals 20, 28, 39, 21, 32 of 140: p_j = 0.143, 0.200, 0.279, 0.150, 0.229;
    // P_e = Σ p_j² = 417/1960 ≈ 0.213. κ = (P̄ − P_e) / (1 − P_e) = 4211/20059 ≈ 0.2099.
    expect(fleissKappa(table)).toBeCloseTo(4211 / 20059, 12)
    expect(kappaWords(fleissKappa(table))).toBe('fair')
  })

  it('takes a number of raters that varies by item (the standard generalisation)', () => {
    // Item 1: 3 raters, all A: P = 3·2 / (3·2) = 1. Item 2: 2 raters, A and B: P = 0. Item 3: 4 raters, 2 A 2 B:
    // P = (2 + 2) / (4·3) = 1/3. P̄ = (1 + 0 + 1/3) / 3 = 4/9. Ratings 9: A 6, B 3: P_e = (2/3)² + (1/3)² = 5/9.
    // κ = (4/9 − 5/9) / (4/9) = −1/4.
    expect(fleissKappa([[3, 0], [1, 1], [2, 2]])).toBeCloseTo(-0.25, 12)
    // An item with a single rating says nothing about agreement and changes nothing.
    expect(fleissKappa([[3, 0], [1, 1], [2, 2], [0, 1]])).toBeCloseTo(-0.25, 12)
  })

  it('is undefined without items or when every rating is in one category', () => {
    expect(fleissKappa([])).toBeNull()
    expect(fleissKappa([[1, 0]])).toBeNull()
    expect(fleissKappa([[3, 0], [2, 0]])).toBeNull()
  })
})

describe('kappaWords', () => {
  it('says Landis and Koch’s words, as the value shows to two decimals', () => {
    expect([-0.3, 0, 0.2, 0.204, 0.21, 0.4, 0.41, 0.6, 0.61, 0.8, 0.81, 1].map(kappaWords)).toEqual([
      'poor', 'slight', 'slight', 'slight', 'fair', 'fair', 'moderate', 'moderate', 'substantial', 'substantial', 'almost perfect', 'almost perfect'
    ])
    expect(kappaWords(null)).toBe('not enough data')
    expect([0.39999999999999997, -0.001, 3 / 11].map(formatKappa)).toEqual(['0.40', '0.00', '0.27'])
  })
})

describe('reviewer agreement of an article', () => {
  it('two reviewers: each one’s own verdict counts, also while they disagree, until and after a resolution', () => {
    const { dana, sam, doc: start } = desk()
    let doc = start
    for (const [id, exact] of [['claim-rose', 'Exports rose 12%'], ['claim-fell', 'Imports fell by 3%'], ['claim-said', 'The minister said']] as const) {
      doc = change(dana, doc, { type: 'claim.create', claim: newClaim(doc, id, exact) })[0]
    }
    const base = doc
    // Concurrently, neither having seen the other's: they agree on two claims and disagree on one.
    const mine = [judge(dana, base, 'claim-rose', 'verified'), judge(dana, base, 'claim-fell', 'disputed'), judge(dana, base, 'claim-said', 'verified')]
    const opsOf = (docs: ArticleDoc[]) => docs.map((d) => d.log.at(-1)!)
    let danaView = base
    for (const op of opsOf(mine)) danaView = apply(danaView, op)
    let samView = base
    for (const [id, v] of [['claim-rose', 'verified'], ['claim-fell', 'verified'], ['claim-said', 'verified']] as const) samView = judge(sam, samView, id, v)
    doc = applyAll(danaView, samView.log)
    expect(ArticleDoc.safeParse(doc).success).toBe(true)
    expect(doc.claims.find((c) => c.id === 'claim-fell')!.verdicts).toHaveLength(2) // a disagreement in force

    const agreement = articleAgreement(doc)
    expect(agreement.reviewers).toEqual([
      { id: 'r-dana', name: 'Dana', claims: 3 },
      { id: 'r-sam', name: 'Sam', claims: 3 }
    ])
    // Dana: verified 2, disputed 1; Sam: verified 3. p_o = 2/3; p_e = (2/3)(3/3) + (1/3)(0) = 2/3; κ = 0.
    expect(agreement.pairs).toEqual([{ a: 'r-dana', b: 'r-sam', names: ['Dana', 'Sam'], claims: 3, agreed: 2, kappa: expect.closeTo(0, 12) }])
    // Fleiss: P_i = 1, 0, 1 → P̄ = 2/3; ratings 6: verified 5, disputed 1 → P_e = 25/36 + 1/36 = 26/36; κ = (24/36 − 26/36) / (10/36) = −0.2.
    expect(agreement.overall).toEqual({ kappa: expect.closeTo(-0.2, 12), claims: 3, raters: 2, agreedClaims: 2 })
    expect(agreement.disagreements).toBe(1)

    // Dana resolves the disagreement as verified: the final verdict is nobody's own judgement, so nothing changes.
    for (const w of [dana, sam]) w.clock.observe(doc.log.at(-1)!.ts)
    const resolved = judge(dana, doc, 'claim-fell', 'verified', { resolves: true })
    expect(resolved.claims.find((c) => c.id === 'claim-fell')!.verdicts).toEqual([{ op: resolved.log.at(-1)!.id, by: 'r-dana', verdict: 'verified' }])
    expect(asObject(reviewerJudgements(resolved))).toEqual(asObject(reviewerJudgements(doc)))
    expect(articleAgreement(resolved)).toEqual(agreement)

    // Undoing the resolution is not a judgement either.
    const unresolved = undoLast(dana, resolved)
    expect(asObject(reviewerJudgements(unresolved))['claim-fell']).toEqual({ 'r-dana': 'disputed', 'r-sam': 'verified' })

    // Sam changes his own mind afterwards (not a resolution): that is his judgement now, and they agree throughout.
    const changed = judge(sam, resolved, 'claim-fell', 'disputed')
    const after = articleAgreement(changed)
    expect(after.pairs[0]).toMatchObject({ claims: 3, agreed: 3, kappa: expect.closeTo(1, 12) })
    expect(after.disagreements).toBe(0)
    expect(kappaWords(after.pairs[0]!.kappa)).toBe('almost perfect')
  })

  it('three reviewers: pairs and Fleiss’ κ as worked by hand; resolutions, undo, withdrawal and deleted claims', () => {
    const { dana, sam, lee, doc: start } = desk()
    let doc = start
    const claims = [['cl1', 'Exports rose 12%'], ['cl2', 'in June'], ['cl3', 'Imports fell by 3%'], ['cl4', 'The minister said'], ['cl6', 'June']] as const
    for (const [id, exact] of claims) doc = change(dana, doc, { type: 'claim.create', claim: newClaim(doc, id, exact) })[0]
    // cl5 comes with a verdict: Dana's judgement, until she sets another.
    doc = change(dana, doc, { type: 'claim.create', claim: newClaim(doc, 'cl5', 'trade doubled since 2015', 'verified') })[0]
    const sequence: [Writer, string, Verdict][] = [
      [dana, 'cl1', 'verified'], [sam, 'cl1', 'verified'], [lee, 'cl1', 'verified'],
      [dana, 'cl2', 'verified'], [sam, 'cl2', 'disputed'], [lee, 'cl2', 'verified'],
      [sam, 'cl3', 'disputed'],
      [dana, 'cl4', 'needs-context'], [lee, 'cl4', 'unverifiable'],
      [sam, 'cl5', 'needs-context'],
      [dana, 'cl6', 'verified'], [sam, 'cl6', 'disputed'], [lee, 'cl6', 'needs-context']
    ]
    for (const [w, id, v] of sequence) doc = judge(w, doc, id, v)
    // Dana on cl3: disputed, then verified, then undoes that: back to disputed.
    doc = judge(dana, doc, 'cl3', 'disputed')
    doc = judge(dana, doc, 'cl3', 'verified')
    doc = undoLast(dana, doc)
    // Lee resolves cl3 (no judgement of Lee's) and Dana resolves cl2 her way (her own judgement stays "verified").
    doc = judge(lee, doc, 'cl3', 'verified', { resolves: true })
    doc = judge(dana, doc, 'cl2', 'disputed', { resolves: true })
    // Sam judges cl4, then undoes it: his first verdict on it, so no judgement (whatever the claim's verdict was).
    doc = judge(sam, doc, 'cl4', 'verified')
    doc = undoLast(sam, doc)
    // Lee judges cl5, then withdraws it.
    doc = judge(lee, doc, 'cl5', 'verified')
    doc = judge(lee, doc, 'cl5', 'unreviewed')
    // cl6 is deleted: its judgements are no longer counted.
    doc = change(sam, doc, { type: 'claim.delete', claimId: 'cl6', claim: doc.claims.find((c) => c.id === 'cl6')! })[0]
    expect(ArticleDoc.safeParse(doc).success).toBe(true)

    expect(asObject(reviewerJudgements(doc))).toEqual({
      cl1: { 'r-dana': 'verified', 'r-sam': 'verified', 'r-lee': 'verified' },
      cl2: { 'r-dana': 'verified', 'r-sam': 'disputed', 'r-lee': 'verified' },
      cl3: { 'r-sam': 'disputed', 'r-dana': 'disputed' },
      cl4: { 'r-dana': 'needs-context', 'r-lee': 'unverifiable' },
      cl5: { 'r-dana': 'verified', 'r-sam': 'needs-context' }
    })

    const agreement = articleAgreement(doc)
    expect(agreement.reviewers).toEqual([
      { id: 'r-dana', name: 'Dana', claims: 5 },
      { id: 'r-sam', name: 'Sam', claims: 4 },
      { id: 'r-lee', name: 'Lee', claims: 3 }
    ])
    expect(agreement.pairs.map(({ names, claims, agreed, kappa }) => ({ names, claims, agreed, kappa }))).toEqual([
      // Dana–Sam over cl1 V/V, cl2 V/D, cl3 D/D, cl5 V/N: p_o = 2/4. Dana V 3, D 1; Sam V 1, D 2, N 1.
      // p_e = (3/4)(1/4) + (1/4)(2/4) = 5/16; κ = (8/16 − 5/16) / (11/16) = 3/11 ≈ 0.27.
      { names: ['Dana', 'Sam'], claims: 4, agreed: 2, kappa: expect.closeTo(3 / 11, 12) },
      // Dana–Lee over cl1 V/V, cl2 V/V, cl4 N/U: p_o = 2/3; p_e = (2/3)(2/3) = 4/9; κ = (6/9 − 4/9) / (5/9) = 0.4.
      { names: ['Dana', 'Lee'], claims: 3, agreed: 2, kappa: expect.closeTo(0.4, 12) },
      // Sam–Lee over cl1 V/V, cl2 D/V: p_o = 1/2; p_e = (1/2)(2/2) = 1/2; κ = 0.
      { names: ['Sam', 'Lee'], claims: 2, agreed: 1, kappa: expect.closeTo(0, 12) }
    ])
    expect(agreement.pairs.map((p) => kappaWords(p.kappa))).toEqual(['fair', 'fair', 'slight'])
    // Fleiss over cl1…cl5 (each judged by ≥ 2), categories verified, disputed, needs-context, unverifiable:
    // cl1 [3,0,0,0] P = 1; cl2 [2,1,0,0] P = 2/6 = 1/3; cl3 [0,2,0,0] P = 1; cl4 [0,0,1,1] P = 0; cl5 [1,0,1,0] P = 0.
    // P̄ = (7/3) / 5 = 7/15. Ratings 12: verified 6, disputed 3, needs-context 2, unverifiable 1:
    // P_e = 1/4 + 1/16 + 1/36 + 1/144 = 50/144 = 25/72. κ = (7/15 − 25/72) / (47/72) = 43/235 ≈ 0.183.
    expect(agreement.overall).toEqual({ kappa: expect.closeTo(43 / 235, 12), claims: 5, raters: 3, agreedClaims: 2 })
    expect(kappaWords(agreement.overall.kappa)).toBe('slight')
    expect(agreement.disagreements).toBe(3)

    // Bringing cl6 back (undoing the delete) brings its judgements back with it.
    const restored = undoLast(sam, doc)
    expect(asObject(reviewerJudgements(restored)).cl6).toEqual({ 'r-dana': 'verified', 'r-sam': 'disputed', 'r-lee': 'needs-context' })
  })

  it('one claim’s judgements, worked out change by change from the last fold, are the whole log’s at every step, and never change under a caller', () => {
    const { dana, sam, lee, doc: start } = desk()
    const writers = [dana, sam, lee]
    const ids = ['cl1', 'cl2', 'cl3', 'cl4']
    const exacts = ['Exports rose 12%', 'in June', 'Imports fell by 3%', 'The minister said']
    let doc = start
    ids.forEach((id, i) => (doc = change(dana, doc, { type: 'claim.create', claim: newClaim(doc, id, exacts[i]!) })[0]))
    // From scratch: the same operations as new objects, so nothing of an earlier fold can be used.
    const fromScratch = (d: ArticleDoc) => asObject(reviewerJudgements({ claims: d.claims, log: structuredClone(d.log) }))
    const each = (d: ArticleDoc) => Object.fromEntries(ids.flatMap((id) => { const j = claimJudgements(d, id); return j ? [[id, Object.fromEntries(j)]] : [] }))
    let seed = 7
    const next = (n: number) => (seed = (seed * 16807) % 2147483647) % n
    const verdicts: Verdict[] = ['verified', 'disputed', 'needs-context', 'unverifiable', 'unreviewed']
    for (let step = 0; step < 120; step++) {
      const before = doc
      const held = claimJudgements(before, 'cl1')
      const heldCopy = held && Object.fromEntries(held)
      const w = writers[next(3)]!
      const id = ids[next(ids.length)]!
      const kind = next(10)
      try {
        if (kind < 6 && doc.claims.some((c) => c.id === id)) doc = judge(w, doc, id, verdicts[next(5)]!, next(6) === 0 ? { resolves: true } : {})
        else if (kind < 8 && doc.log.some((op) => op.by === w.by)) doc = undoLast(w, doc)
        else if (doc.claims.some((c) => c.id === id)) doc = change(w, doc, { type: 'claim.delete', claimId: id, claim: doc.claims.find((c) => c.id === id)! })[0]
      } catch {
        continue // a change the store refuses (an undo of a change to a claim since deleted)
      }
      expect(each(doc), `step ${step}`).toEqual(fromScratch(doc))
      expect(asObject(reviewerJudgements(doc))).toEqual(fromScratch(doc))
      // What a caller got for the document before is as it was.
      expect(held && Object.fromEntries(held)).toEqual(heldCopy)
      // Going back to an earlier document (another branch of the history) gives its own judgements too.
      if (step % 10 === 0) expect(each(before)).toEqual(fromScratch(before))
    }
  })

  it('says why κ is undefined: no claim judged by two, or every verdict the same', () => {
    const { dana, sam, doc: start } = desk()
    let doc = change(dana, start, { type: 'claim.create', claim: newClaim(start, 'claim-rose', 'Exports rose 12%') })[0]
    doc = change(dana, doc, { type: 'claim.create', claim: newClaim(doc, 'claim-fell', 'Imports fell by 3%') })[0]
    expect(articleAgreement(doc)).toEqual({
      reviewers: [],
      pairs: [],
      overall: { kappa: null, reason: 'No claim has verdicts from two reviewers yet.', claims: 0, raters: 0, agreedClaims: 0 },
      disagreements: 0
    })
    doc = judge(dana, doc, 'claim-rose', 'verified')
    doc = judge(sam, doc, 'claim-fell', 'disputed')
    const apart = articleAgreement(doc)
    expect(apart.reviewers.map((r) => r.name)).toEqual(['Dana', 'Sam'])
    expect(apart.pairs).toEqual([]) // no claim in common
    expect(apart.overall).toMatchObject({ kappa: null, claims: 0 })

    doc = judge(dana, doc, 'claim-fell', 'disputed')
    const same = articleAgreement(doc)
    expect(same.pairs).toEqual([{ a: 'r-dana', b: 'r-sam', names: ['Dana', 'Sam'], claims: 1, agreed: 1, kappa: null, reason: expect.stringMatching(/same verdict \(Disputed\): agreement is total, but κ is undefined/) }])
    expect(same.overall).toMatchObject({ kappa: null, claims: 1, raters: 2, agreedClaims: 1, reason: expect.stringMatching(/agreement is total/) })
  })
})
