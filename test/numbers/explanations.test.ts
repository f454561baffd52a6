// What a reviewer reads: the figures in explanations as the text would write them, and the numbers a finding carries.

import { describe, expect, it } from 'vitest'
import { checkNumbers, type Finding } from '../../src/core/numbers'

function single(text: string): Finding {
  const findings = checkNumbers(text)
  expect(findings, JSON.stringify(findings.map((f) => f.explanation))).toHaveLength(1)
  return findings[0]!
}

describe('explanations', () => {
  it('write money with its sign and scale, and no floating-point noise (0.1 + 0.2)', () => {
    const f = single('Costs were $0.1 million for fuel and $0.2 million for repairs, a total of $0.3 million.')
    expect(f.status).toBe('consistent')
    expect(f.computed).toBe(300000)
    expect(f.explanation).toBe('$0.1 million + $0.2 million = $0.3 million, the total stated.')
  })

  it('write thousands with separators and the difference in the unit a reader expects', () => {
    const f = single('The fund received €3,400 from members and €1,250 from donors, €4,850 in all.')
    expect(f.status).toBe('inconsistent')
    expect(f.difference).toBe(-200)
    expect(f.explanation).toBe('€3,400 + €1,250 = €4,650, but the text gives €4,850: €200 less.')
  })

  it('give a small difference of large sums in millions, not as "0.1 billion"', () => {
    const f = single('Investments reached $1.2bn, of which $800m came from Russia and $500m from China.')
    expect(f.explanation).toMatch(/: \$100 million more\.$/)
  })

  it('say which total an inclusion does not claim to exhaust', () => {
    const f = single('The region has 1.5 million residents, including 400,000 children and 350,000 pensioners.')
    expect(f.status).toBe('consistent')
    expect(f.explanation).toMatch(/within the 1\.5 million residents the text gives \(it does not say these are all of it\)\.$/)
  })

  it('carry stated, computed and their difference for the checked figure', () => {
    const f = single('Revenue rose 25% from $40 million to $45 million.')
    expect(f).toMatchObject({ kind: 'change', status: 'inconsistent', stated: 25, computed: 12.5, difference: -12.5 })
    expect(f.quantities.map((q) => q.text)).toEqual(['25%', '$40 million', '$45 million'])
  })

  it('show the range rounding allows when the point value alone would not fit', () => {
    const f = single('Net income was €2.1 million, an increase of 35% from €1.5 million.')
    expect(f.status).toBe('consistent')
    expect(f.explanation).toBe('From €1.5 million to €2.1 million is a rise of 40% (32.3% to 48.3% with the figures\' rounding), which fits the 35% stated.')
  })

  it('name both readings of a multiple and which one fits', () => {
    const f = single('Tourists spent $40 million, four times more than the $8 million of 2015.')
    expect(f.explanation).toBe(
      'Four times more, read as ×4: $8 million × 4 = $32 million; read as +4×: $8 million + 4 × $8 million = $40 million. The $40 million stated fits the second reading (+4×).'
    )
  })

  it('say what shares that do not make a whole miss', () => {
    const f = single('In the poll, 45% said yes, 40% said no and 10% were undecided.')
    expect(f).toMatchObject({ kind: 'shares', status: 'inconsistent', stated: 100, computed: 95, difference: -5 })
    expect(f.explanation).toBe('45% + 40% + 10% = 95%, but the shares of one whole should make 100%: 5 points short.')
  })
})

describe('rounding and hedges', () => {
  it('allow half a unit of the last digit given, on each part and on the total', () => {
    expect(single('Sales were $1.24 million in Minsk and $0.86 million in Brest, a total of $2.1 million.').status).toBe('consistent')
    expect(single('The fund got €3.4 million from members and €1.2 million from donors, in all €4.7 million.').status).toBe('consistent')
    expect(single('The fund got €3.4 million from members and €1.2 million from donors, in all €4.8 million.').status).toBe('inconsistent')
  })

  it('count whole things exactly: 37 + 12 is not 59', () => {
    expect(single('Police detained 37 people in Minsk and 12 in Grodno, 59 in all.').status).toBe('inconsistent')
    expect(single('Police detained 37 people in Minsk and 12 in Grodno, 49 in all.').status).toBe('consistent')
  })

  it('read "almost" as up to 5% below, "about" as 5% either way, "more than" as a lower bound', () => {
    expect(single('Exports of $252.6 million and imports of $42 million brought trade to almost $300 million.').status).toBe('consistent')
    expect(single('Exports of $252.6 million and imports of $42 million brought trade to almost $320 million.').status).toBe('inconsistent')
    expect(single('About 45% said yes, about 40% said no and about 10% were undecided.').status).toBe('consistent')
    expect(single('Trade exceeded $290 million: exports reached $252.6 million and imports $42 million.').status).toBe('consistent')
    // Exports and imports make the trade: $294.6 million does not exceed $300 million.
    expect(single('Trade exceeded $300 million: exports reached $252.6 million and imports $42 million.').status).toBe('inconsistent')
    expect(single('Nearly 300 people attended: 180 men and 130 women.').status).toBe('inconsistent')
  })
})
