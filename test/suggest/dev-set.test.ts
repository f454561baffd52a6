// The shipped weights reach the targets on the CLEF 2024 CheckThat! English dev-test set (316 sentences),
// at the shipped default threshold: average precision >= 0.88 and F1 >= 0.80 for the check-worthy class.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scoreText, SUGGEST_THRESHOLD } from '../../src/core/suggest/index'
import { atThreshold, averagePrecision } from '../../training/lib/metrics'

const DEV = readFileSync(new URL('../../training/checkworthiness/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { text: string; label: 0 | 1 })

/** The model's score of one dev sentence, read the way an article is read (the highest of its sentences, if the splitter finds more than one). */
function scoreOf(text: string): number {
  return Math.max(0, ...scoreText(text).map((s) => s.score))
}

describe('the dev set', () => {
  const scores = DEV.map((r) => scoreOf(r.text))
  const labels = DEV.map((r) => r.label)

  it('is the 316 sentences of the CLEF 2024 dev-test, 108 check-worthy', () => {
    expect(DEV).toHaveLength(316)
    expect(labels.filter((l) => l === 1)).toHaveLength(108)
  })

  it('ranks check-worthy sentences first: average precision >= 0.88', () => {
    expect(averagePrecision(scores, labels)).toBeGreaterThanOrEqual(0.88)
  })

  it(`suggests them at the default threshold: F1 >= 0.80`, () => {
    const at = atThreshold(scores, labels, SUGGEST_THRESHOLD)
    expect(at.f1).toBeGreaterThanOrEqual(0.8)
    expect(at.precision).toBeGreaterThan(0.7)
    expect(at.recall).toBeGreaterThan(0.7)
  })
})

describe('the metrics', () => {
  it('average precision is the mean precision at each check-worthy sentence, ties counted together', () => {
    // ranks 1..5: + - + - +  -> (1/1 + 2/3 + 3/5) / 3
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 0, 1])).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 3, 10)
    // a tie between a positive and a negative: precision 1/2 at recall 1
    expect(averagePrecision([0.5, 0.5], [1, 0])).toBeCloseTo(0.5, 10)
    expect(averagePrecision([0.1, 0.9], [1, 0])).toBeCloseTo(0.5, 10)
  })

  it('F1 at a threshold counts scores equal to it as suggested', () => {
    const at = atThreshold([0.9, 0.5, 0.4, 0.1], [1, 1, 0, 1], 0.5)
    expect(at).toMatchObject({ tp: 2, fp: 0, fn: 1, precision: 1 })
    expect(at.recall).toBeCloseTo(2 / 3, 10)
    expect(at.f1).toBeCloseTo(0.8, 10)
  })
})
