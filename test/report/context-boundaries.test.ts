// Cutting a claim's context at a word boundary segments only the text near the cut (a paragraph can be very long):
// the boundary found must be the one the whole paragraph gives, in every script, at every place.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { endAtBoundary, startAtBoundary } from '../../src/core/report/context'

const words = new Intl.Segmenter('und', { granularity: 'word' })
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })
const all = (text: string, segmenter: Intl.Segmenter) => [...segmenter.segment(text)].map((s) => s.index).concat(text.length)
// The whole paragraph segmented: what the cut must agree with.
const wholeStart = (text: string, from: number) =>
  all(text, words).find((b) => b >= from && b < text.length) ?? all(text, graphemes).find((b) => b >= from) ?? text.length
const wholeEnd = (text: string, to: number) => all(text, words).filter((b) => b > 0 && b <= to).pop() ?? all(text, graphemes).filter((b) => b <= to).pop() ?? 0

const piece = fc.constantFrom('trade ', 'soared', ' almost 80% ', '$294.6 million. ', '東京都の人口は', 'товарооборот ', 'مرحبا بالعالم ', '👩‍👩‍👧 ', '🇧🇾🇰🇿', 'é', 'e\u0301', 'x'.repeat(300), ' ', '\u00a0')
const paragraph = fc.array(piece, { minLength: 1, maxLength: 80 }).map((parts) => parts.join(''))

describe('context cut at word boundaries', () => {
  it('finds the same boundary as the whole paragraph would, however long it is', () => {
    fc.assert(
      fc.property(paragraph, fc.double({ min: 0, max: 1, noNaN: true }), (text, where) => {
        const at = Math.floor(where * text.length)
        expect(startAtBoundary(text, at)).toBe(wholeStart(text, at))
        expect(endAtBoundary(text, at)).toBe(wholeEnd(text, at))
      }),
      { numRuns: 500 }
    )
  })
})
