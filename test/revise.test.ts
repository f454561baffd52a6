import { describe, expect, it } from 'vitest'
import { createSelectors } from '../src/core/anchoring/selectors'
import { ArticleDoc, type Claim } from '../src/core/model'
import { apply, bodyOf, invert, placementOf } from '../src/core/ops'
import { bodyFromPlainText } from '../src/core/plain-text'
import { countRevision, placementOnText, reviseArticle } from '../src/core/revise'
import { act, created, make, writer } from './core/stamping'

const original = [
  'ASTANA, 14 August (BelTA) – Belarus is aimed to maximize the efforts to intensify the trade.',
  'In January-June the trade soared almost 80% to make up $294.6 million.',
  'Today Kazakhstan is home to eight joint plants which assemble Belarusian machinery.',
  'The prime minister noted that 2017 is a year to celebrate 25 years of diplomatic relations.'
].join('\n')

function desk() {
  const ana = writer('desk-ana', 'r-ana', 'Ana')
  const ben = writer('desk-ben', 'r-ben', 'Ben')
  const body = bodyFromPlainText(original)
  return { ana, ben, doc: created(ana, { id: 'article01', title: 'T', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } }) }
}

function newClaim(doc: ArticleDoc, id: string, exact: string): Claim {
  const start = doc.article.text.indexOf(exact)
  return { id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: '', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' }
}

function docWith(claims: [string, string][]) {
  const d = desk()
  let { doc } = d
  for (const [id, exact] of claims) {
    doc = act(d.ana, doc, { type: 'claim.create', claim: newClaim(doc, id, exact) })
    doc = act(d.ana, doc, { type: 'claim.setVerdict', claimId: id, verdict: 'disputed', previous: 'unreviewed' })
  }
  return { ...d, doc }
}

const UPDATED = [
  'ASTANA, 14 August (BelTA) – UPDATED: Belarus is aimed to maximize the efforts to intensify the trade.',
  'In January-June the trade soared almost 80% to make up $294.6 million.',
  'Today Kazakhstan is home to nine joint plants which assemble Belarusian machinery.',
  'The prime minister spoke.'
].join('\n')

describe('revising an article', () => {
  it('keeps claims in place, flags moved and edited ones, orphans deleted ones — and undo restores the old version', () => {
    const { ben, doc } = docWith([
      ['claim001', 'soared almost 80%'],
      ['claim002', 'eight joint plants'],
      ['claim003', '25 years of diplomatic relations']
    ])
    const revised = bodyFromPlainText(UPDATED)
    const body = reviseArticle(doc, revised)
    expect(body).toMatchObject({ type: 'article.revise', text: revised.text, blocks: revised.blocks, previous: { text: doc.article.text, blocks: doc.article.blocks } })
    expect(body.anchors.map((a) => a.from)).toEqual(doc.claims.map(placementOf))
    expect(countRevision(body)).toEqual({ anchored: 1, moved: 1, orphaned: 1 })
    const op = make(ben, doc, body)
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
    // The new text is the document's revision; the previous text is kept in the log.
    expect(after.revision).toBe(op.id)
    expect(after.log.at(-1)).toMatchObject({ type: 'article.revise', previous: { text: doc.article.text } })
    expect(ArticleDoc.safeParse(after).success).toBe(true)

    const undone = act(ben, after, invert(bodyOf(op)))
    expect(undone.article.text).toBe(doc.article.text)
    expect(undone.article.blocks).toEqual(doc.article.blocks)
    expect(undone.claims.map(({ updatedAt: _u, ...c }) => c)).toEqual(doc.claims.map(({ updatedAt: _u, ...c }) => c))
  })

  it('lets a reviewer accept a moved claim and re-attach an orphan to a selection', () => {
    const { ben, doc } = docWith([['claim002', 'eight joint plants'], ['claim003', '25 years of diplomatic relations']])
    const text = original.replace('eight', 'nine').replace('to celebrate 25 years of diplomatic relations', 'of celebration')
    const after = act(ben, doc, reviseArticle(doc, bodyFromPlainText(text)))
    const moved = after.claims.find((c) => c.id === 'claim002')!
    const accepted = act(ben, after, { type: 'claim.placeAnchor', claimId: moved.id, from: placementOf(moved), to: { quote: moved.quote, position: moved.position } })
    expect(accepted.claims.find((c) => c.id === 'claim002')!.anchor).toBeUndefined()

    const orphan = accepted.claims.find((c) => c.id === 'claim003')!
    const start = accepted.article.text.indexOf('a year of celebration')
    const to = createSelectors(accepted.article.text, start, start + 'a year of celebration'.length)
    const reattached = act(ben, accepted, { type: 'claim.placeAnchor', claimId: orphan.id, from: placementOf(orphan), to })
    const placed = reattached.claims.find((c) => c.id === 'claim003')!
    expect(placed.anchor).toBeUndefined()
    expect(reattached.article.text.slice(placed.position.start, placed.position.end)).toBe('a year of celebration')

    // A placement made on a stale view is refused rather than applied over someone else's change.
    expect(() => make(ben, reattached, { type: 'claim.placeAnchor', claimId: orphan.id, from: placementOf(orphan), to })).toThrow(/changed meanwhile/)
  })

  it('places a claim made while the update was being prepared, which the revision never saw', () => {
    // The race: the revision is computed from the document before a claim is created, and stamped after.
    const { ana, ben, doc } = docWith([['claim001', 'soared almost 80%']])
    const body = reviseArticle(doc, bodyFromPlainText(UPDATED))
    const withNew = act(ana, doc, { type: 'claim.create', claim: newClaim(doc, 'claim-late', 'intensify the trade') })
    const after = act(ben, withNew, body)
    const late = after.claims.find((c) => c.id === 'claim-late')!
    expect(after.article.text.slice(late.position.start, late.position.end)).toBe('intensify the trade')
    expect(late.position.start).toBe(UPDATED.indexOf('intensify the trade'))
  })
})

describe('placementOnText', () => {
  const { doc } = docWith([['claim002', 'eight joint plants']])
  const c2 = doc.claims[0]!

  it('keeps a claim whose words and surroundings are unchanged as it is, however far its offsets moved', () => {
    const text = `A new first paragraph.\n\n${doc.article.text}`
    expect(placementOnText(c2, text)).toEqual(createSelectors(text, c2.position.start + 24, c2.position.end + 24))
  })

  it('flags a claim whose words changed, and one not found, keeping the words it had', () => {
    expect(placementOnText(c2, doc.article.text.replace('eight', 'nine'))).toMatchObject({ quote: { exact: 'nine joint plants' }, anchor: { status: 'moved', textChanged: true, previousExact: 'eight joint plants' } })
    expect(placementOnText(c2, 'Nothing like it.')).toEqual({ quote: c2.quote, position: c2.position, anchor: { status: 'orphaned', textChanged: false, previousExact: 'eight joint plants' } })
  })

  it('keeps the words a verdict was given for, and a flag until a reviewer clears it', () => {
    const flagged = { ...c2, verdictWording: 'eight plants', anchor: { status: 'moved' as const, textChanged: false, previousExact: 'eight joint plants' } }
    expect(placementOnText(flagged, doc.article.text)).toMatchObject({ verdictWording: 'eight plants', anchor: { status: 'moved', previousExact: 'eight joint plants' } })
  })
})
