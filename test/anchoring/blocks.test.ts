import { describe, expect, it } from 'vitest'
import { blockIndexAt } from '../../src/core/anchoring/blocks'

describe('blockIndexAt', () => {
  // "Title\n\nFirst paragraph.\n\nSecond."
  const blocks = [
    { start: 0, end: 5 },
    { start: 7, end: 23 },
    { start: 25, end: 32 }
  ]

  it('finds the block holding an offset', () => {
    expect(blockIndexAt(blocks, 0)).toBe(0)
    expect(blockIndexAt(blocks, 4)).toBe(0)
    expect(blockIndexAt(blocks, 7)).toBe(1)
    expect(blockIndexAt(blocks, 22)).toBe(1)
    expect(blockIndexAt(blocks, 25)).toBe(2)
    expect(blockIndexAt(blocks, 31)).toBe(2)
  })

  it('maps the separator and the end of a block to the block before, and past the end to the last', () => {
    expect(blockIndexAt(blocks, 5)).toBe(0)
    expect(blockIndexAt(blocks, 6)).toBe(0)
    expect(blockIndexAt(blocks, 23)).toBe(1)
    expect(blockIndexAt(blocks, 1000)).toBe(2)
  })

  it('returns 0 before the first block and -1 without blocks', () => {
    expect(blockIndexAt([{ start: 10, end: 20 }], 3)).toBe(0)
    expect(blockIndexAt([], 3)).toBe(-1)
  })

  it('agrees with a linear scan on many blocks', () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ start: i * 10, end: i * 10 + 8 }))
    for (let offset = -5; offset < 10_020; offset += 7) {
      let expected = 0
      many.forEach((b, i) => {
        if (b.start <= offset) expected = i
      })
      expect(blockIndexAt(many, offset)).toBe(expected)
    }
  })
})
