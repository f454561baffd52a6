import { describe, expect, it } from 'vitest'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { withoutEffect } from '../../src/core/history'
import type { Claim } from '../../src/core/model'
import { apply, bodyOf, invert } from '../../src/core/ops'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { act, created, make, writer } from './stamping'

describe('withoutEffect', () => {
  it('finds the changes that came, in order, when their claim was not there, and only those', () => {
    const ana = writer('desk-ana', 'r-ana', 'Ana')
    const sam = writer('desk-sam', 'r-sam', 'Sam', ana.wall.ms + 60_000) // a minute ahead
    const body = bodyFromPlainText('Exports rose 12% in June.')
    let doc = created(ana, { id: 'article01', title: 'T', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
    const claim: Claim = { id: 'claim001', ...createSelectors(body.text, 8, 16), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: '', createdAt: doc.article.createdAt, updatedAt: doc.article.createdAt }
    doc = act(ana, doc, { type: 'claim.create', claim })
    // Sam sets a verdict on his copy while Ana deletes the claim on hers; his sorts after her delete.
    const bySam = make(sam, doc, { type: 'claim.setVerdict', claimId: 'claim001', verdict: 'verified', previous: 'unreviewed' })
    doc = act(ana, doc, { type: 'claim.delete', claimId: 'claim001', claim: doc.claims[0]! })
    const deleteOp = doc.log.at(-1)!
    doc = apply(doc, bySam)
    expect(doc.log.at(-1)).toBe(bySam)
    // Ana undoes her delete: changes after that count again.
    doc = act(ana, doc, invert(bodyOf(deleteOp)))
    doc = act(ana, doc, { type: 'claim.setConclusion', claimId: 'claim001', conclusion: 'Back.', previous: '' })
    expect(doc.claims[0]!.conclusion).toBe('Back.')
    expect([...withoutEffect(doc.log)]).toEqual([bySam.id])
  })
})
