// The span lookup over spans that come and go (the highlights drawn): always what filtering the spans in it gives.
import { describe, expect, it } from 'vitest'
import { SpanSet } from '../../src/core/span-index'

describe('SpanSet', () => {
  it('answers as a filter of the spans added and not taken away, over 3,000 random changes and lookups', () => {
    let seed = 3
    const next = (n: number) => (seed = (seed * 16807) % 2147483647) % n
    const set = new SpanSet<{ start: number; end: number; id: number }>()
    const present = new Set<{ start: number; end: number; id: number }>()
    const sorted = (spans: Iterable<{ id: number }>) => [...spans].map((s) => s.id).sort((a, b) => a - b)
    for (let i = 0; i < 3000; i++) {
      if (present.size > 0 && next(3) === 0) {
        const gone = [...present][next(present.size)]!
        set.delete(gone)
        present.delete(gone)
      } else {
        const start = next(20_000)
        const span = { start, end: start + next(next(4) === 0 ? 5_000 : 60), id: i }
        set.add(span)
        present.add(span)
      }
      const from = next(21_000)
      const to = from + next(3_000)
      expect(sorted(set.overlapping(from, to)), `change ${i}`).toEqual(sorted([...present].filter((s) => s.end > s.start && s.start < to && s.end > from)))
    }
  })
})
