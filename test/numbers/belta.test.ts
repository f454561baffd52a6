// The sample article: what a fact-checker sees when the cross-check reads it, and in copies with one figure changed or
// one sentence added.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkNumbers, findQuantities, type Finding } from '../../src/core/numbers'

const article = readFileSync(new URL('../fixtures/belta-2017-08-14-belarus-kazakhstan-trade.txt', import.meta.url), 'utf8')
const TRADE_SENTENCES = 'The exports totaled $252.6 million, the imports reached $42 million (a 2.5-time increase).'

function only(findings: Finding[], kind: Finding['kind']): Finding {
  const of = findings.filter((f) => f.kind === kind)
  expect(of).toHaveLength(1)
  return of[0]!
}

/** The article with `sentence` added right after the trade figures, in the same paragraph. */
function withSentence(sentence: string): string {
  expect(article).toContain(TRADE_SENTENCES)
  return article.replace(TRADE_SENTENCES, `${TRADE_SENTENCES} ${sentence}`)
}

describe('the BelTA article of 14 August 2017', () => {
  const findings = checkNumbers(article)

  it('finds exports $252.6 million + imports $42 million = trade $294.6 million, consistent', () => {
    const sum = only(findings, 'sum')
    expect(sum.status).toBe('consistent')
    expect(sum.quantities.map((q) => q.text)).toEqual(['$294.6 million', '$252.6 million', '$42 million'])
    expect(sum.quantities.map((q) => q.subject)).toEqual(['trade', 'exports', 'imports'])
    expect(sum.stated).toBe(294_600_000)
    expect(sum.computed).toBe(294_600_000)
    expect(sum.difference).toBe(0)
    expect(sum.explanation).toBe('Exports $252.6 million + imports $42 million = $294.6 million, the trade stated.')
    expect(article.slice(sum.start, sum.end)).toMatch(/^\$294\.6 million\. The exports .* \$42 million$/)
  })

  it('says the 2.5-time increase cannot be checked, and what is missing: the imports of the year before', () => {
    const multiple = only(findings, 'multiple')
    expect(multiple.status).toBe('not-checkable')
    expect(multiple.quantities.map((q) => q.text)).toEqual(['$42 million', 'a 2.5-time increase'])
    expect(multiple.explanation).toBe('A 2.5-time increase to $42 million needs the imports of the year before, which the article does not give.')
  })

  it('says "almost 80%" cannot be checked without the trade of the year before', () => {
    const change = only(findings, 'change')
    expect(change.status).toBe('not-checkable')
    expect(change.quantities.map((q) => q.text)).toEqual(['almost 80%', '$294.6 million'])
    expect(change.explanation).toMatch(/needs the trade of the year before, which the article does not give/)
  })

  it('raises nothing else: dates, years, ranks, "25 years", "eight joint plants", "two or three big projects"', () => {
    expect(findings.map((f) => f.kind).sort()).toEqual(['change', 'multiple', 'sum'])
  })

  it('gives the same findings with its paragraphs as blocks', () => {
    const blocks: { start: number; end: number }[] = []
    let start = 0
    for (const line of article.split('\n')) {
      if (line.trim()) blocks.push({ start, end: start + line.length })
      start += line.length + 1
    }
    expect(checkNumbers(article, blocks)).toEqual(findings)
  })
})

describe('copies of the article with a figure changed or added', () => {
  it('with imports of $52 million the sum is inconsistent: $304.6 million computed, $10 million more than stated', () => {
    const copy = article.replace('the imports reached $42 million', 'the imports reached $52 million')
    const sum = only(checkNumbers(copy), 'sum')
    expect(sum.status).toBe('inconsistent')
    expect(sum.stated).toBe(294_600_000)
    expect(sum.computed).toBe(304_600_000)
    expect(sum.difference).toBe(10_000_000)
    expect(sum.explanation).toBe(
      'Exports $252.6 million + imports $52 million = $304.6 million, but the text gives $294.6 million for the trade: $10 million more.'
    )
  })

  it('with the imports of the year before given, the 2.5-time increase is checked both ways: ×2.5 = 30, +2.5× = 42', () => {
    const copy = withSentence('In January-June 2016 the imports were $12 million.')
    const findings = checkNumbers(copy)
    const multiple = only(findings, 'multiple')
    expect(multiple.status).toBe('consistent')
    expect(multiple.quantities.map((q) => q.text)).toEqual(['$42 million', 'a 2.5-time increase', '$12 million'])
    expect(multiple.stated).toBe(42_000_000)
    expect(multiple.computed).toBe(42_000_000)
    expect(multiple.explanation).toContain('×2.5: $12 million (the earlier figure the paragraph gives) × 2.5 = $30 million')
    expect(multiple.explanation).toContain('+2.5×: $12 million + 2.5 × $12 million = $42 million')
    expect(multiple.explanation).toContain('fits the second reading (+2.5×)')
    // The 2016 imports are not taken as a part of the 2017 trade.
    expect(only(findings, 'sum').status).toBe('consistent')
  })

  it('with imports of the year before that fit neither reading, the multiple is inconsistent', () => {
    const multiple = only(checkNumbers(withSentence('In January-June 2016 the imports were $20 million.')), 'multiple')
    expect(multiple.status).toBe('inconsistent')
    expect(multiple.explanation).toMatch(/Neither gives the \$42 million stated/)
  })

  it('with the trade of the year before given, "almost 80%" is checked against $294.6 million', () => {
    const change = only(checkNumbers(withSentence('In January-June 2016 the trade totaled $164 million.')), 'change')
    expect(change.status).toBe('consistent')
    expect(change.quantities.map((q) => q.text)).toEqual(['almost 80%', '$294.6 million', '$164 million'])
    expect(change.computed).toBeCloseTo(79.63, 2)
    expect(change.explanation).toMatch(/^From \$164 million .* to \$294\.6 million is a rise of 79\.6%, which fits the almost 80% stated\.$/)
  })

  it('with a trade of the year before that makes a rise of 60%, "almost 80%" is inconsistent', () => {
    const change = only(checkNumbers(withSentence('In January-June 2016 the trade totaled $184 million.')), 'change')
    expect(change.status).toBe('inconsistent')
    expect(change.computed).toBeCloseTo(60.11, 2)
    expect(change.difference).toBeCloseTo(-19.89, 2)
    expect(change.explanation).toMatch(/but the text gives almost 80%: 19\.9 points less\.$/)
  })
})

describe('the quantities of the article', () => {
  const quantities = findQuantities(article)
  const texts = quantities.map((q) => q.text)

  it('are given with offsets into the text', () => {
    for (const q of quantities) expect(article.slice(q.start, q.end)).toBe(q.text)
  })

  it('read the money, the hedge, the multiple, the count, the rank, the years and the duration', () => {
    const by = (text: string) => quantities.find((q) => q.text === text)!
    expect(by('$294.6 million')).toMatchObject({ value: 294_600_000, unit: 'USD', scale: 1e6, kind: 'amount', hedge: null })
    expect(by('almost 80%')).toMatchObject({ value: 80, unit: '%', kind: 'percent', hedge: 'almost' })
    expect(by('a 2.5-time increase')).toMatchObject({ value: 2.5, kind: 'multiple' })
    expect(by('eight')).toMatchObject({ value: 8, kind: 'count', subject: 'plants' })
    expect(by('third')).toMatchObject({ value: 3, kind: 'rank' })
    expect(by('25 years')).toMatchObject({ value: 25, unit: 'years', kind: 'duration' })
    expect(quantities.filter((q) => q.kind === 'year').map((q) => q.value)).toEqual([2026, 2016, 2017, 2017])
  })

  it('leave out the dates "14 August" and "13 August"', () => {
    expect(texts.some((t) => /^1[34]\b/.test(t))).toBe(false)
  })
})
