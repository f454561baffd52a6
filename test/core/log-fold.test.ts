// A fold over the log worked out again only for what a change adds (core/log-fold.ts), and the index of each claim's
// operations built on it: the same as filtering the whole log, at every step of a random history with revisions, for
// earlier documents too, and never changing a list a caller already has.
import { describe, expect, it } from 'vitest'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { claimIdOf, claimOperations } from '../../src/core/history'
import { logFold } from '../../src/core/log-fold'
import type { ArticleDoc, Claim, Operation, Verdict } from '../../src/core/model'
import { apply, fold } from '../../src/core/ops'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { createOp, make, writer } from './stamping'

const TEXT = 'Exports rose 12% in June. Imports fell by 3%.\nThe minister said trade doubled since 2015.'

function newClaim(doc: ArticleDoc, id: string, exact: string): Claim {
  const start = doc.article.text.indexOf(exact)
  return { id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: '', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' }
}

describe('logFold', () => {
  it('folds only what a grown log adds, and any other log whole', () => {
    const calls: string[] = []
    const count = logFold<number>({
      whole: (log) => (calls.push(`whole ${log.length}`), log.length),
      extend: (earlier, added) => (calls.push(`extend ${added.length}`), earlier + added.length)
    })
    const ops = Array.from({ length: 5 }, (_, i) => ({ id: `op${i}` }) as unknown as Operation)
    expect(count(ops.slice(0, 2))).toBe(2)
    expect(count(ops.slice(0, 2))).toBe(2) // another array with the same operations and no more: folded whole
    expect(count(ops.slice(0, 4))).toBe(4)
    const same = ops.slice(0, 5)
    expect(count(same)).toBe(5)
    expect(count(same)).toBe(5) // the same array: nothing folded
    expect(count([ops[1]!, ops[0]!, ops[2]!, ops[3]!, ops[4]!, { id: 'x' } as unknown as Operation])).toBe(6) // not the same start: whole
    expect(calls).toEqual(['whole 2', 'whole 2', 'extend 2', 'extend 1', 'whole 6'])
  })
})

describe('claimOperations', () => {
  it('is the log filtered by the claim at every step of 150 random changes, revisions included', () => {
    const dana = writer('desk-dana', 'r-dana', 'Dana')
    const body = bodyFromPlainText(TEXT)
    let doc = fold([createOp(dana, { id: 'story', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })])
    const words = ['Exports rose 12%', 'in June', 'Imports fell by 3%', 'The minister said', 'trade doubled']
    const verdicts: Verdict[] = ['verified', 'disputed', 'needs-context', 'unverifiable', 'unreviewed']
    let seed = 5
    const next = (n: number) => (seed = (seed * 16807) % 2147483647) % n
    const ids = () => [...new Set([...doc.claims.map((c) => c.id), ...doc.log.flatMap((op) => (op.type === 'claim.create' ? [op.claim.id] : []))])]
    // The rule, written out on its own: a claim's own operations, and revisions that moved or lost it.
    const touches = (op: Operation, id: string) =>
      op.type === 'article.revise' ? op.anchors.some((a) => a.claimId === id && (a.to.anchor !== undefined || a.from.anchor !== undefined)) : claimIdOf(op) === id
    const filtered = (d: ArticleDoc, id: string) => d.log.filter((op) => touches(op, id)).map((op) => op.id)
    let made = 0
    for (let step = 0; step < 150; step++) {
      const before = doc
      const heldId = before.claims[0]?.id
      const held = heldId ? claimOperations(before.log, heldId) : null
      const heldCopy = held && [...held]
      const kind = next(10)
      const claim = doc.claims[next(Math.max(1, doc.claims.length))]
      if (kind < 3 || !claim) {
        const exact = words[next(words.length)]!
        if (doc.article.text.includes(exact)) doc = apply(doc, make(dana, doc, { type: 'claim.create', claim: newClaim(doc, `c${made++}`, exact) }))
      } else if (kind < 7) {
        doc = apply(doc, make(dana, doc, { type: 'claim.setVerdict', claimId: claim.id, verdict: verdicts[next(5)]!, previous: claim.verdict }))
      } else if (kind < 9) {
        doc = apply(doc, make(dana, doc, { type: 'claim.delete', claimId: claim.id, claim }))
      } else {
        // A new version of the text: every claim is placed anew (one operation touching many claims).
        const text = next(2) ? TEXT : TEXT.replace('rose 12%', 'rose almost 12%').replace('June', 'July')
        if (text !== doc.article.text) doc = apply(doc, make(dana, doc, reviseArticle(doc, bodyFromPlainText(text))))
      }
      for (const id of ids()) expect(claimOperations(doc.log, id).map((op) => op.id), `step ${step}, ${id}`).toEqual(filtered(doc, id))
      expect(held && [...held]).toEqual(heldCopy)
      if (step % 10 === 0) for (const id of ids()) expect(claimOperations(before.log, id).map((op) => op.id)).toEqual(filtered(before, id))
    }
    expect(doc.log.some((op) => op.type === 'article.revise')).toBe(true)
  })
})
