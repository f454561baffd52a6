// Tidying a report's blank lines a piece at a time gives exactly what tidying the whole text at once gives.
import { describe, expect, it } from 'vitest'
import { blankLineTidier } from '../../src/core/report/blank-lines'

const whole = (text: string) => `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`

function inPieces(pieces: string[]): string {
  const tidy = blankLineTidier()
  return pieces.map((p) => tidy.push(p)).join('') + tidy.end()
}

describe('blankLineTidier', () => {
  it('keeps one blank line of many, also when the run is cut between pieces, and ends with one newline', () => {
    expect(inPieces(['# Title\n\n', '\n\n- a', '\n', '\n\n\n', 'b  \n\n', '\n'])).toBe('# Title\n\n- a\n\nb\n')
    expect(inPieces(['a\n\n\n\nb'])).toBe('a\n\nb\n')
    expect(inPieces(['a', '', '', '\n', '', '\n', '\n', 'b'])).toBe('a\n\nb\n')
  })

  it('is the whole text tidied at once, however it is cut (2,000 random texts and cuts)', () => {
    let seed = 11
    const next = (n: number) => (seed = (seed * 16807) % 2147483647) % n
    const alphabet = ['a', 'b', ' ', '\t', '\n', '\n', '\n', '\r', '|']
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: next(60) }, () => alphabet[next(alphabet.length)]).join('')
      const pieces: string[] = []
      let at = 0
      while (at < text.length) {
        const length = next(8)
        pieces.push(text.slice(at, at + length))
        at += length
      }
      if (next(3) === 0) pieces.splice(next(pieces.length + 1), 0, '')
      expect(inPieces(pieces), JSON.stringify(pieces)).toBe(whole(text))
    }
  })
})
