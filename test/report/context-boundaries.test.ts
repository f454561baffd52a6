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

// Words of several scripts, and the places where a word break looks around it: runs of flags (paired from their
// start, however long), marks after a space, numbers with points, runs of spaces, a word longer than any window.
const piece = fc.constantFrom('trade ', 'soared', ' almost 80% ', '$294.6 million. ', '3.4', '東京都の人口は', 'товарооборот ', 'مرحبا بالعالم ', '👩‍👩‍👧 ', '🇧🇾🇰🇿', '🇧', ' \u0301', '\u200d', 'é', 'e\u0301', 'x'.repeat(300), ' ', '   ', '\n', '\u00a0')
const paragraph = fc.array(piece, { minLength: 1, maxLength: 80 }).map((parts) => parts.join(''))

describe('context cut at word boundaries', () => {
  it('finds the same boundary as the whole paragraph would, however long it is', () => {
    fc.assert(
      fc.property(paragraph, fc.double({ min: 0, max: 1, noNaN: true }), (text, where) => {
        const at = Math.floor(where * text.length)
        expect(startAtBoundary(text, at)).toBe(wholeStart(text, at))
        expect(endAtBoundary(text, at)).toBe(wholeEnd(text, at))
      }),
      { numRuns: 2_000 }
    )
  })

  it('gives a run of flags the boundaries of the whole run, however long, and marks stay with their letter', () => {
    for (const text of ['a ' + '🇧' + '🇧🇾'.repeat(200) + ' end', '🇧🇾'.repeat(200), 'x🇧' + '🇧🇾'.repeat(100), 'Z' + '\u0301'.repeat(400) + ' next word']) {
      for (let at = 0; at <= text.length; at++) {
        expect(startAtBoundary(text, at)).toBe(wholeStart(text, at))
        expect(endAtBoundary(text, at)).toBe(wholeEnd(text, at))
      }
    }
  })
})
