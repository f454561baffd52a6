// The revision race of the issue: a claim marked while an update of the text is in flight. The update's revision is
// worked out in the article's turn, against its latest state, so it knows the claim and places it on the new text.
import { describe, expect, it } from 'vitest'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { article, claimOn, open } from '../helpers/store'
import { tempDir } from '../helpers/temp-dir'

const OLD = 'Trade rose sharply this year.\n\nThe exports totaled $252.6 million, the ministry said.'
const NEW = 'A new opening paragraph was added by the editors.\n\nTrade rose sharply this year.\n\nThe exports totaled $252.6 million, the ministry said on Monday.'

describe('the revision race', () => {
  it('puts a claim marked during an update on the new text, 20 times out of 20', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    let placed = 0
    for (let round = 0; round < 20; round++) {
      const { id } = await ws.createArticle(article(`Round ${round}`, OLD))
      const old = ws.getArticle(id)
      const next = bodyFromPlainText(NEW)
      const [created, revised] = await Promise.all([
        ws.applyOperation(id, claimOn(old, 'The exports totaled $252.6 million')),
        ws.applyOperation(id, (latest) => reviseArticle(latest, next))
      ])
      const claimId = created.doc.claims[0]!.id
      const doc = ws.getArticle(id)
      const claim = doc.claims.find((c) => c.id === claimId)!
      expect(doc.article.text).toBe(NEW)
      expect(NEW.slice(claim.position.start, claim.position.end)).toBe('The exports totaled $252.6 million')
      expect(claim.anchor?.status ?? 'anchored').not.toBe('orphaned')
      // The revision knew of the claim: its counts and its undo include it.
      expect(revised.op.type === 'article.revise' && revised.op.anchors.map((a) => a.claimId)).toEqual([claimId])
      placed++
    }
    expect(placed).toBe(20)
  })
})
