import { describe, expect, it } from 'vitest'
import { CONTEXT_LENGTH, createSelectors } from '../../src/core/anchoring/selectors'

describe('createSelectors', () => {
  const text = 'The quick brown fox jumps over the lazy dog, and then it runs far away into the deep dark forest.'

  it('stores the quote, 32 code units of context on each side, and the position', () => {
    const start = text.indexOf('and then')
    const end = start + 'and then it runs'.length
    const s = createSelectors(text, start, end)
    expect(CONTEXT_LENGTH).toBe(32)
    expect(s.quote.exact).toBe('and then it runs')
    expect(s.quote.prefix).toBe('wn fox jumps over the lazy dog, ')
    expect(s.quote.prefix).toHaveLength(32)
    expect(s.quote.suffix).toBe(' far away into the deep dark for')
    expect(s.position).toEqual({ start, end })
  })

  it('shortens the context at the ends of the text', () => {
    const s = createSelectors(text, 4, 9)
    expect(s.quote).toEqual({ exact: 'quick', prefix: 'The ', suffix: text.slice(9, 41) })
    const e = createSelectors(text, text.length - 7, text.length)
    expect(e.quote.suffix).toBe('')
    expect(e.quote.exact).toBe('forest.')
  })

  it('never cuts a surrogate pair at the outer edge of the context', () => {
    // 31 code units of filler before the emoji, so a 32-unit prefix would start inside 😀.
    const before = '😀' + 'a'.repeat(31)
    const after = 'b'.repeat(31) + '😀'
    const t = before + 'QUOTE' + after
    const s = createSelectors(t, before.length, before.length + 5)
    expect(s.quote.prefix).toBe('a'.repeat(31))
    expect(s.quote.suffix).toBe('b'.repeat(31))
    // When the cut falls between two characters, the full 32 units are kept, emoji included.
    const t2 = '😀' + 'a'.repeat(30) + 'QUOTE' + 'b'.repeat(30) + '😀'
    const s2 = createSelectors(t2, 32, 37)
    expect(s2.quote.prefix).toBe('😀' + 'a'.repeat(30))
    expect(s2.quote.suffix).toBe('b'.repeat(30) + '😀')
  })

  it('rejects empty, reversed or out-of-range ranges', () => {
    expect(() => createSelectors(text, 5, 5)).toThrow(RangeError)
    expect(() => createSelectors(text, 9, 4)).toThrow(RangeError)
    expect(() => createSelectors(text, -1, 4)).toThrow(RangeError)
    expect(() => createSelectors(text, 0, text.length + 1)).toThrow(RangeError)
  })
})
