import { describe, expect, it } from 'vitest'
import { articleIri } from '../../src/core/report/w3c'
import { plan, smallDoc, TRADE, wordsAt } from './small-doc'

const PAGE = 'https://news.example.org/belta/trade'

/** A W3C annotation that gives only where its words are, in code points, on `target`. */
const at = (start: number, end: number, target: string) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: `urn:p:${start}-${end}-${target}`,
  type: 'Annotation',
  target: { source: target, selector: { type: 'TextPositionSelector', start, end } }
})

describe('annotations that give only a position', () => {
  const start = TRADE.indexOf('eight joint plants')
  const end = start + 'eight joint plants'.length

  it('are placed by it when they name this very article (its address, or the id Factmark exports it under)', async () => {
    for (const doc of [smallDoc(TRADE, PAGE), smallDoc()]) {
      const target = doc.article.origin.url ?? articleIri(doc.article.id)
      const { claims, counts } = await plan(doc, [at(start, end, target)])
      expect(counts.placed).toBe(1)
      expect(wordsAt(doc, claims[0]!)).toBe('eight joint plants')
      expect(claims[0]!.quote.exact).toBe('eight joint plants')
    }
  })

  it('are left out when they name any other text: a position counted there says nothing about ours', async () => {
    const { claims, counts } = await plan(smallDoc(), [at(start, end, 'https://elsewhere.example.org/story'), at(start, end, 'urn:factmark:article:another-copy')])
    expect(claims).toEqual([])
    expect(counts.noQuote).toBe(2)
  })

  it('are left out when the position is outside the text or selects only spaces', async () => {
    const doc = smallDoc()
    const target = articleIri(doc.article.id)
    const gap = TRADE.indexOf('\n\n')
    const { claims, counts } = await plan(doc, [at(TRADE.length + 5, TRADE.length + 9, target), at(gap, gap + 2, target)])
    expect(claims).toEqual([])
    expect(counts.noQuote).toBe(2)
  })
})
