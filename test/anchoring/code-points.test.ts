import { describe, expect, it } from 'vitest'
import { codePointConverter, fromCodePoints, toCodePoints } from '../../src/core/anchoring/code-points'

const reference = (text: string, o: number) => Array.from(text.slice(0, o)).length

describe('code points', () => {
  const text = 'a😀b👨‍👩‍👧c🇧🇾d\uD800e\uDC00f'

  it('counts a surrogate pair as one code point and a lone surrogate as one too', () => {
    expect(toCodePoints(text, 0)).toBe(0)
    expect(toCodePoints(text, 1)).toBe(1)
    expect(toCodePoints(text, 3)).toBe(2) // after 😀
    expect(toCodePoints(text, 4)).toBe(3) // after b
    expect(fromCodePoints(text, 2)).toBe(3)
    expect(fromCodePoints(text, 3)).toBe(4)
    for (let o = 0; o <= text.length; o++) expect(toCodePoints(text, o)).toBe(reference(text, o))
  })

  it('round-trips at every code point boundary and clamps outside the text', () => {
    const total = Array.from(text).length
    for (let c = 0; c <= total; c++) expect(toCodePoints(text, fromCodePoints(text, c))).toBe(c)
    expect(toCodePoints(text, -3)).toBe(0)
    expect(toCodePoints(text, 999)).toBe(total)
    expect(fromCodePoints(text, 999)).toBe(text.length)
    expect(fromCodePoints(text, -1)).toBe(0)
  })

  it('the precomputed converter agrees with the linear functions', () => {
    for (const t of [text, '', 'plain ascii', '😀😀😀', '\uDC00\uD800😀']) {
      const conv = codePointConverter(t)
      for (let o = -1; o <= t.length + 1; o++) expect(conv.toCodePoints(o)).toBe(toCodePoints(t, o))
      for (let c = -1; c <= t.length + 1; c++) expect(conv.fromCodePoints(c)).toBe(fromCodePoints(t, c))
    }
  })

  it('converts many offsets of a 1 MB text quickly', () => {
    const chunk = 'Fact-checkers read closely 🧐 and note sources. '
    const big = chunk.repeat(Math.ceil(1_000_000 / chunk.length))
    const conv = codePointConverter(big)
    const t0 = performance.now()
    let check = 0
    for (let o = 0; o < big.length; o += 97) check += conv.fromCodePoints(conv.toCodePoints(o)) === o ? 1 : 0
    const elapsed = performance.now() - t0
    expect(check).toBeGreaterThan(9000)
    expect(conv.toCodePoints(big.length)).toBe(Array.from(big).length)
    expect(elapsed).toBeLessThan(1000)
  })
})
