// Every arithmetic case comes out as its fixture says (kind and status of each finding); the figures a reviewer
// relies on hold over each set: an "inconsistent" is almost never wrong, and most errors are caught.

import { describe, expect, it } from 'vitest'
import { CASES, type ArithmeticCase } from './cases'
import { FRESH } from './cases-fresh'
import { HELD_OUT } from './cases-held-out'
import { runCase, score } from './score'

function assertCases(set: readonly ArithmeticCase[]): void {
  for (const c of set) {
    const test = c.failing ? it.fails : it
    test(`${c.id}${c.failing ? ` (known to fail: ${c.failing})` : ''}`, () => {
      const result = runCase(c)
      expect(result.got.map((f) => `${f.kind}:${f.status}`).sort()).toEqual(c.expect.map((f) => `${f.kind}:${f.status}`).sort())
    })
  }
}

describe('arithmetic cases (cases.ts)', () => {
  it('has at least 60 cases, consistent and not, with decoys', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
    expect(CASES.filter((c) => c.expect.some((f) => f.status === 'inconsistent')).length).toBeGreaterThanOrEqual(15)
    expect(CASES.filter((c) => c.expect.some((f) => f.status === 'consistent')).length).toBeGreaterThanOrEqual(15)
    expect(CASES.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(15)
  })
  assertCases(CASES)
})

describe('held-out cases (cases-held-out.ts)', () => {
  assertCases(HELD_OUT)
})

describe('fresh cases (cases-fresh.ts)', () => {
  assertCases(FRESH)
})

describe('precision and recall', () => {
  const all = [...CASES, ...HELD_OUT, ...FRESH].map(runCase)

  it('of "inconsistent": a false alarm is worse than a miss', () => {
    const s = score(all, 'inconsistent')
    expect(s.precision).toBeGreaterThanOrEqual(0.97)
    expect(s.recall).toBeGreaterThanOrEqual(0.85)
  })

  it('of "consistent" and of "not-checkable"', () => {
    const consistent = score(all, 'consistent')
    expect(consistent.precision).toBeGreaterThanOrEqual(0.95)
    expect(consistent.recall).toBeGreaterThanOrEqual(0.85)
    const notCheckable = score(all, 'not-checkable')
    expect(notCheckable.precision).toBeGreaterThanOrEqual(0.9)
    expect(notCheckable.recall).toBeGreaterThanOrEqual(0.9)
  })
})
