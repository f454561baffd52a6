import { describe, expect, it } from 'vitest'
import { createSelectors } from '../src/core/anchoring/selectors'
import { ArticleDoc, type Claim } from '../src/core/model'
import { apply, invert } from '../src/core/ops'
import { bodyFromPlainText } from '../src/core/plain-text'
import { countRevision, reviseArticle } from '../src/core/revise'

const at = '2026-11-28T10:00:00.000Z'
const original = [
  'ASTANA, 14 August (BelTA) – Belarus is aimed to maximize the efforts to intensify the trade.',
  'In January-June the trade soared almost 80% to make up $294.6 million.',
  'Today Kazakhstan is home to eight joint plants which assemble Belarusian machinery.',
  'The prime minister noted that 2017 is a year to celebrate 25 years of diplomatic relations.'
].join('\n')

function docWith(claims: [string, string][]): ArticleDoc {
  const body = bodyFromPlainText(original)
  let doc = ArticleDoc.parse({
    format: 'factmark-article', version: 1,
    article: { id: 'article01', title: 'T', text: body.text, blocks: body.blocks, origin: { kind: 'paste' }, createdBy: 'Ana', createdAt: at, updatedAt: at },
    claims: [], log: []
  })
  for (const [id, exact] of claims) {
    const start = doc.article.text.indexOf(exact)
    const claim: Claim = { id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'disputed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: 'Ana', createdAt: at, updatedAt: at }
    doc = apply(doc, { type: 'claim.create', by: 'Ana', at, claim })
  }
  return doc
}

describe('revising an article', () => {
  it('keeps claims in place, flags moved and edited ones, orphans deleted ones — and undo restores the old version', () => {
    const doc = docWith([
      ['claim001', 'soared almost 80%'],
      ['claim002', 'eight joint plants'],
      ['claim003', '25 years of diplomatic relations']
    ])
    const revised = bodyFromPlainText(
      [
        'ASTANA, 14 August (BelTA) – UPDATED: Belarus is aimed to maximize the efforts to intensify the trade.',
        'In January-June the trade soared almost 80% to make up $294.6 million.',
        'Today Kazakhstan is home to nine joint plants which assemble Belarusian machinery.',
        'The prime minister spoke.'
      ].join('\n')
    )
    const op = reviseArticle(doc, revised, 'Ben', at)
    expect(countRevision(op)).toEqual({ anchored: 1, moved: 1, orphaned: 1 })
    const after = apply(doc, op)
    const [c1, c2, c3] = ['claim001', 'claim002', 'claim003'].map((id) => after.claims.find((c) => c.id === id)!)
    // Shifted by the insertion above it, same words and surroundings: in place, nothing to review.
    expect(c1!.anchor).toBeUndefined()
    expect(after.article.text.slice(c1!.position.start, c1!.position.end)).toBe('soared almost 80%')
    // Its own words edited: found, flagged "text changed".
    expect(c2!.anchor).toEqual({ status: 'moved', textChanged: true, previousExact: 'eight joint plants' })
    expect(c2!.quote.exact).toBe('nine joint plants')
    // Deleted: orphaned, kept with its words, never silently attached.
    expect(c3!.anchor).toEqual({ status: 'orphaned', textChanged: false, previousExact: '25 years of diplomatic relations' })
    expect(c3!.quote.exact).toBe('25 years of diplomatic relations')
    // The previous text is kept in the log.
    expect(after.log.at(-1)).toMatchObject({ type: 'article.revise', previous: { text: doc.article.text } })
    expect(ArticleDoc.safeParse(after).success).toBe(true)

    const undone = apply(after, invert(op, 'Ben', at))
    expect(undone.article.text).toBe(doc.article.text)
    expect(undone.claims.map(({ updatedAt: _u, ...c }) => c)).toEqual(doc.claims.map(({ updatedAt: _u, ...c }) => c))
  })

  it('lets a reviewer accept a moved claim and re-attach an orphan to a selection', () => {
    const doc = docWith([['claim002', 'eight joint plants'], ['claim003', '25 years of diplomatic relations']])
    const text = original.replace('eight', 'nine').replace('to celebrate 25 years of diplomatic relations', 'of celebration')
    const after = apply(doc, reviseArticle(doc, bodyFromPlainText(text), 'Ben', at))
    const moved = after.claims.find((c) => c.id === 'claim002')!
    const accepted = apply(after, { type: 'claim.placeAnchor', by: 'Ben', at, claimId: moved.id, from: { quote: moved.quote, position: moved.position, anchor: moved.anchor }, to: { quote: moved.quote, position: moved.position } })
    expect(accepted.claims.find((c) => c.id === 'claim002')!.anchor).toBeUndefined()

    const orphan = accepted.claims.find((c) => c.id === 'claim003')!
    const start = accepted.article.text.indexOf('a year of celebration')
    const to = createSelectors(accepted.article.text, start, start + 'a year of celebration'.length)
    const reattached = apply(accepted, { type: 'claim.placeAnchor', by: 'Ben', at, claimId: orphan.id, from: { quote: orphan.quote, position: orphan.position, anchor: orphan.anchor }, to })
    const placed = reattached.claims.find((c) => c.id === 'claim003')!
    expect(placed.anchor).toBeUndefined()
    expect(reattached.article.text.slice(placed.position.start, placed.position.end)).toBe('a year of celebration')

    // A stale placement is refused rather than applied over someone else's change.
    expect(() => apply(reattached, { type: 'claim.placeAnchor', by: 'Ben', at, claimId: orphan.id, from: { quote: orphan.quote, position: orphan.position, anchor: orphan.anchor }, to })).toThrow(/changed meanwhile/)
  })
})
