import { describe, expect, it } from 'vitest'
import { SpanIndex } from '../src/core/span-index'

const span = (start: number, end: number, name: string) => ({ start, end, name })

describe('SpanIndex', () => {
  const spans = [span(5000, 5010, 'late'), span(10, 20, 'early'), span(0, 9000, 'long'), span(15, 15, 'empty'), span(1020, 1030, 'edge')]
  const index = new SpanIndex(spans)

  it('finds the spans reaching into a stretch, once each, in the order given', () => {
    expect(index.overlapping(12, 18).map((s) => s.name)).toEqual(['early', 'long'])
    expect(index.overlapping(0, 6000).map((s) => s.name)).toEqual(['late', 'early', 'long', 'edge'])
  })

  it('leaves out spans that only touch the stretch, and empty ones', () => {
    expect(index.overlapping(20, 1020).map((s) => s.name)).toEqual(['long'])
    expect(index.overlapping(15, 16).map((s) => s.name)).toEqual(['early', 'long'])
    expect(index.overlapping(9000, 9500)).toEqual([])
    expect(index.overlapping(30, 30).map((s) => s.name)).toEqual(['long']) // a point inside it, as nestSpans asks
  })

  it('agrees with filtering every span, on random spans and stretches', () => {
    let seed = 7
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const many = Array.from({ length: 400 }, (_, i) => {
      const start = next(20000)
      return span(start, start + next(i % 10 === 0 ? 5000 : 60), String(i))
    })
    const big = new SpanIndex(many)
    for (let k = 0; k < 300; k++) {
      const from = next(21000)
      const to = from + next(3000)
      expect(big.overlapping(from, to)).toEqual(many.filter((s) => s.end > s.start && s.start < to && s.end > from))
    }
  })
})
