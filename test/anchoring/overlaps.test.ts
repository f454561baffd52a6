import { describe, expect, it } from 'vitest'
import { claimsAtOffset, overlapsAfterChange, overlapSegments, type Interval } from '../../src/core/anchoring/overlaps'
import { mulberry32 } from '../helpers/mulberry32'

const iv = (start: number, end: number) => ({ start, end })

describe('overlapSegments', () => {
  it('is empty without overlaps, and touching intervals do not overlap', () => {
    expect(overlapSegments([])).toEqual([])
    expect(overlapSegments([iv(0, 5), iv(5, 9), iv(12, 20)])).toEqual([])
  })

  it('finds the text covered by two or more intervals, merged and sorted', () => {
    expect(overlapSegments([iv(10, 20), iv(0, 12)])).toEqual([iv(10, 12)])
    // Three intervals chained: the overlaps 5..8 and 8..10 join into one segment.
    expect(overlapSegments([iv(0, 10), iv(5, 15), iv(8, 12)])).toEqual([iv(5, 12)])
    expect(overlapSegments([iv(0, 4), iv(2, 6), iv(10, 14), iv(12, 16)])).toEqual([iv(2, 4), iv(12, 14)])
  })

  it('handles identical, nested and empty intervals', () => {
    expect(overlapSegments([iv(3, 7), iv(3, 7)])).toEqual([iv(3, 7)])
    expect(overlapSegments([iv(0, 100), iv(20, 30)])).toEqual([iv(20, 30)])
    expect(overlapSegments([iv(5, 5), iv(5, 5), iv(0, 10)])).toEqual([])
  })

  it('agrees with counting coverage character by character', () => {
    let seed = 42
    const rnd = (n: number) => ((seed = (seed * 1664525 + 1013904223) >>> 0), seed % n)
    for (let round = 0; round < 50; round++) {
      const intervals = Array.from({ length: 1 + rnd(20) }, () => {
        const start = rnd(200)
        return iv(start, start + rnd(40))
      })
      const covered: boolean[] = []
      for (let x = 0; x < 260; x++) covered.push(intervals.filter((i) => i.start <= x && x < i.end).length >= 2)
      const fromSegments: boolean[] = []
      const segments = overlapSegments(intervals)
      for (let x = 0; x < 260; x++) fromSegments.push(segments.some((s) => s.start <= x && x < s.end))
      expect(fromSegments).toEqual(covered)
      for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeGreaterThan(segments[i - 1]!.end)
    }
  })
})

describe('claimsAtOffset', () => {
  const claim = (id: string, start: number, end: number) => ({ id, position: { start, end } })
  const claims = [claim('long', 0, 100), claim('a', 10, 20), claim('b', 15, 25), claim('c', 10, 20), claim('d', 20, 30)]

  it('returns the claims over the offset (half-open), shortest first, later start first, then input order', () => {
    expect(claimsAtOffset(claims, 17).map((c) => c.id)).toEqual(['b', 'a', 'c', 'long'])
    expect(claimsAtOffset(claims, 20).map((c) => c.id)).toEqual(['d', 'b', 'long'])
    expect(claimsAtOffset(claims, 100)).toEqual([])
    expect(claimsAtOffset(claims, 0).map((c) => c.id)).toEqual(['long'])
  })
})

describe('overlapsAfterChange', () => {
  const key = (xs: readonly Interval[]) => xs.map((x) => `${x.start}:${x.end}`).sort()
  const around = (segments: readonly Interval[]) => (from: number, to: number) => segments.filter((s) => s.end >= from && s.start <= to)
  const all = (intervals: readonly Interval[]) => () => intervals

  it('gives, after intervals come, go or move, the same overlaps as working them all out again', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rand = mulberry32(seed)
      const span = () => {
        const start = Math.floor(rand() * 300)
        return iv(start, start + Math.floor(rand() * (rand() < 0.2 ? 80 : 12)))
      }
      const before = Array.from({ length: 5 + Math.floor(rand() * 60) }, span)
      const after = [...before]
      const changed: Interval[] = []
      for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
        const what = rand()
        if (what < 0.4 || after.length === 0) {
          const added = span()
          after.push(added)
          changed.push(added)
        } else if (what < 0.7) {
          changed.push(...after.splice(Math.floor(rand() * after.length), 1))
        } else {
          const i = Math.floor(rand() * after.length)
          const moved = span()
          changed.push(after[i]!, moved)
          after[i] = moved
        }
      }
      const old = overlapSegments(before)
      const { stale, fresh } = overlapsAfterChange(all(after), changed, around(old))
      const staleKeys = new Set(key(stale))
      const result = [...old.filter((s) => !staleKeys.has(`${s.start}:${s.end}`)), ...fresh]
      expect(key(result), `seed ${seed}`).toEqual(key(overlapSegments(after)))
    }
  })

  it('looks only near the change: a new claim far from the others takes nothing away and adds nothing', () => {
    const claims = [iv(0, 10), iv(5, 15), iv(100, 110), iv(105, 120)]
    const asked: [number, number][] = []
    const { stale, fresh } = overlapsAfterChange(all([...claims, iv(50, 60)]), [iv(50, 60)], (from, to) => {
      asked.push([from, to])
      return around(overlapSegments(claims))(from, to)
    })
    expect(asked).toEqual([[50, 60]])
    expect(stale).toEqual([])
    expect(fresh).toEqual([])
    // One that reaches over both overlaps: each grows to take in the new claim's ends.
    const joined = overlapsAfterChange(all([...claims, iv(8, 108)]), [iv(8, 108)], around(overlapSegments(claims)))
    expect(key(joined.stale)).toEqual(['105:110', '5:10'])
    expect(key(joined.fresh)).toEqual(['100:110', '5:15'])
  })
})
