import { describe, expect, it } from 'vitest'
import { ArticleDoc, Operation, type Claim } from '../src/core/model'
import { apply, invert, replay } from '../src/core/ops'
import { bodyFromPlainText } from '../src/core/plain-text'
import { createSelectors } from '../src/core/anchoring/selectors'
import { reviseArticle } from '../src/core/revise'

const T0 = '2026-11-28T09:00:00.000Z'
const at = (minute: number) => `2026-11-28T09:${String(minute).padStart(2, '0')}:00.000Z`
const text = 'In January-June the trade soared almost 80% to make up $294.6 million.\nThe exports totaled $252.6 million.'

function baseDoc(): ArticleDoc {
  const body = bodyFromPlainText(text)
  return ArticleDoc.parse({
    format: 'factmark-article',
    version: 1,
    article: { id: 'article01', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' }, createdBy: 'Ana', createdAt: T0, updatedAt: T0 },
    claims: [],
    log: []
  })
}

function claim(id: string, exact: string, minute = 1): Claim {
  const start = baseDoc().article.text.indexOf(exact)
  return {
    id,
    quote: { exact, prefix: '', suffix: '' },
    position: { start, end: start + exact.length },
    verdict: 'unreviewed',
    conclusion: '',
    claimant: '',
    tags: [],
    notes: [],
    sources: [],
    createdBy: 'Ana',
    createdAt: at(minute),
    updatedAt: at(minute)
  }
}

const note = { id: 'note0001', text: 'BelTA figure; check the customs data <b>first</b>, "quoted", with, commas\nand lines', by: 'Ana', at: at(4) }
const source = {
  id: 'source01',
  url: 'https://www.belstat.gov.by/en/',
  title: 'Foreign trade, January–June 2017',
  publisher: 'Belstat',
  excerpt: 'Trade with Kazakhstan: 294.6',
  stance: 'supports' as const,
  accessedAt: '2026-11-28',
  by: 'Ana',
  at: at(6)
}

/** One of every operation, in an order where each fits the document before it. */
const script: Operation[] = [
  { type: 'claim.create', by: 'Ana', at: at(1), claim: claim('claim001', 'soared almost 80%') },
  { type: 'claim.create', by: 'Ana', at: at(2), claim: claim('claim002', 'The exports totaled $252.6 million', 2) },
  { type: 'claim.create', by: 'Ana', at: at(2), claim: claim('claim003', 'almost 80% to make up $294.6 million', 2) },
  { type: 'claim.setVerdict', by: 'Ana', at: at(3), claimId: 'claim001', verdict: 'disputed', previous: 'unreviewed' },
  { type: 'claim.addNote', by: 'Ana', at: at(4), claimId: 'claim001', note },
  { type: 'claim.editNote', by: 'Ana', at: at(5), claimId: 'claim001', noteId: 'note0001', text: 'Customs data says 79.6%.', previous: note.text },
  { type: 'claim.addSource', by: 'Ana', at: at(6), claimId: 'claim001', source },
  { type: 'claim.setConclusion', by: 'Ana', at: at(7), claimId: 'claim001', conclusion: 'Close, but the rise was 79.6%.', previous: '' },
  { type: 'claim.setClaimant', by: 'Ana', at: at(8), claimId: 'claim001', claimant: 'Andrei Kobyakov', previous: '' },
  { type: 'claim.setTags', by: 'Ana', at: at(9), claimId: 'claim001', tags: ['trade', 'statistics'], previous: [] },
  { type: 'claim.deleteSource', by: 'Ana', at: at(10), claimId: 'claim001', source },
  { type: 'claim.deleteNote', by: 'Ana', at: at(11), claimId: 'claim001', note: { ...note, text: 'Customs data says 79.6%.', editedAt: at(5) } },
  { type: 'article.rename', by: 'Ana', at: at(12), title: 'Belarus–Kazakhstan trade', previous: 'Trade' },
  { type: 'claim.delete', by: 'Ana', at: at(13), claimId: 'claim002', claim: claim('claim002', 'The exports totaled $252.6 million', 2) }
]
// A new version of the text (claim001's words edited, so it is flagged), then a reviewer re-attaching it.
{
  const before = script.reduce(apply, baseDoc())
  const revised = bodyFromPlainText(text.replace('soared almost 80%', 'soared by almost 80%'))
  const revise = reviseArticle(before, revised, 'Ana', at(14))
  script.push(revise)
  const moved = apply(before, revise).claims.find((c) => c.id === 'claim001')!
  const start = revised.text.indexOf('soared by almost 80%')
  script.push({
    type: 'claim.placeAnchor', by: 'Ana', at: at(15), claimId: 'claim001',
    from: { quote: moved.quote, position: moved.position, anchor: moved.anchor },
    to: createSelectors(revised.text, start, start + 'soared by almost 80%'.length)
  })
}

describe('operations', () => {
  it('apply every kind of operation, each leaving a valid, logged document', () => {
    let doc = baseDoc()
    for (const op of script) {
      doc = apply(doc, op)
      expect(ArticleDoc.safeParse(doc).success).toBe(true)
      expect(doc.log.at(-1)).toEqual(op)
      expect(doc.article.updatedAt).toBe(op.at)
    }
    expect(new Set(script.map((op) => op.type)).size).toBe(Operation.options.length)
    expect(doc.article.title).toBe('Belarus–Kazakhstan trade')
    expect(doc.claims.map((c) => c.id)).toEqual(['claim001', 'claim003']) // article order
    expect(doc.claims[0]!.quote.exact).toBe('soared by almost 80%')
    expect(doc.claims[0]!.anchor).toBeUndefined()
    expect(doc.claims[0]).toMatchObject({ verdict: 'disputed', conclusion: 'Close, but the rise was 79.6%.', claimant: 'Andrei Kobyakov', tags: ['trade', 'statistics'], notes: [], sources: [] })
  })

  it.each(script.map((op, i) => [op.type, i] as const))('%s is undone by its inverse, and redone by the inverse of that', (_type, i) => {
    const before = script.slice(0, i).reduce(apply, baseDoc())
    const after = apply(before, script[i]!)
    const undone = apply(after, invert(script[i]!, 'Ben', at(30)))
    // Undo restores content; `updatedAt` (and a note's `editedAt`) move on to the time of the undo.
    expect(stripTimes(undone.claims)).toEqual(stripTimes(before.claims))
    expect(undone.article.title).toBe(before.article.title)
    expect(undone.article.text).toBe(before.article.text)
    const redone = apply(undone, invert(invert(script[i]!, 'Ben', at(30)), 'Ben', at(31)))
    expect(stripTimes(redone.claims)).toEqual(stripTimes(after.claims))
    expect(redone.log.map((op) => op.by)).toEqual([...after.log.map((op) => op.by), 'Ben', 'Ben'])
  })

  it('replaying the log onto the original document reproduces it exactly', () => {
    const finished = script.reduce(apply, baseDoc())
    expect(replay(baseDoc(), finished.log)).toEqual(finished)
  })

  it('refuses an operation made against an older state, leaving the document as it was', () => {
    const doc = apply(baseDoc(), script[0]!)
    const stale: Operation = { type: 'claim.setVerdict', by: 'Ben', at: at(20), claimId: 'claim001', verdict: 'verified', previous: 'disputed' }
    expect(() => apply(doc, stale)).toThrow(/verdict was changed meanwhile/)
    expect(() => apply(doc, { ...stale, claimId: 'nosuchclaim' })).toThrow('That claim no longer exists.')
    expect(doc.claims[0]!.verdict).toBe('unreviewed')
  })

  it('refuses a claim whose quote is not the article text at its position', () => {
    const bad = { ...claim('claim009', 'soared almost 80%'), quote: { exact: 'plunged', prefix: '', suffix: '' } }
    expect(() => apply(baseDoc(), { type: 'claim.create', by: 'Ana', at: at(1), claim: bad })).toThrow(/does not match the article text/)
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/', 'data:text/html,<script>alert(1)</script>'])(
    'refuses a source whose link is %s',
    (url) => {
      const doc = apply(baseDoc(), script[0]!)
      expect(() => apply(doc, { type: 'claim.addSource', by: 'Ana', at: at(6), claimId: 'claim001', source: { ...source, url } })).toThrow(/refused/)
    }
  )
})

function stripTimes(claims: Claim[]) {
  return claims.map(({ updatedAt: _u, ...rest }) => ({ ...rest, notes: rest.notes.map(({ editedAt: _e, ...n }) => n) }))
}
