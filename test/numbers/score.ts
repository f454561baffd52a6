// Scoring the checker on the arithmetic cases: per case, does the multiset of (kind, status) match; over all cases,
// precision and recall of "inconsistent" and of "consistent" (a finding counts as matched by kind and status).

import { checkNumbers, type Finding, type FindingStatus } from '../../src/core/numbers'
import type { ArithmeticCase, ExpectedFinding } from './cases'

export interface CaseResult {
  id: string
  ok: boolean
  got: ExpectedFinding[]
  expected: ExpectedFinding[]
  findings: Finding[]
}

export interface StatusScore {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
}

const key = (f: ExpectedFinding): string => `${f.kind}:${f.status}`

function counts(list: readonly ExpectedFinding[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const f of list) m.set(key(f), (m.get(key(f)) ?? 0) + 1)
  return m
}

export function runCase(c: ArithmeticCase): CaseResult {
  const findings = checkNumbers(c.text)
  const got = findings.map((f) => ({ kind: f.kind, status: f.status }))
  const a = counts(got)
  const b = counts(c.expect)
  const ok = a.size === b.size && [...a].every(([k, n]) => b.get(k) === n)
  return { id: c.id, ok, got, expected: c.expect, findings }
}

export function score(results: readonly CaseResult[], status: FindingStatus): StatusScore {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const r of results) {
    const got = counts(r.got.filter((f) => f.status === status))
    const want = counts(r.expected.filter((f) => f.status === status))
    for (const k of new Set([...got.keys(), ...want.keys()])) {
      const g = got.get(k) ?? 0
      const w = want.get(k) ?? 0
      tp += Math.min(g, w)
      fp += Math.max(0, g - w)
      fn += Math.max(0, w - g)
    }
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn)
  }
}
