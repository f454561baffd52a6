// Reading quantities: money with signs, codes and words, percentages, number words, ranks, fractions, hedges, signs,
// ranges, and the numbers that are not quantities at all.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkNumbers, findQuantities, type Quantity } from '../../src/core/numbers'

function one(text: string): Quantity {
  const qs = findQuantities(text)
  expect(qs, `quantities of ${JSON.stringify(text)}`).toHaveLength(1)
  return qs[0]!
}

describe('money', () => {
  it.each([
    ['Exports reached $1.2bn.', '$1.2bn', 1.2e9, 'USD', 1e9],
    ['It cost 1.2 billion dollars.', '1.2 billion dollars', 1.2e9, 'USD', 1e9],
    ['A ticket costs €3,400.', '€3,400', 3400, 'EUR', 1],
    ['The club paid £12m for him.', '£12m', 12e6, 'GBP', 1e6],
    ['The scheme costs Rs 5 crore.', 'Rs 5 crore', 5e7, 'INR', 1e7],
    ['The loan is US$294.6 million.', 'US$294.6 million', 294.6e6, 'USD', 1e6],
    ['Wages are Br 1,500 a month.', 'Br 1,500', 1500, 'BYN', 1],
    ['They lent 5 million euros.', '5 million euros', 5e6, 'EUR', 1e6],
    ['Revenue: 2.5 million Belarusian rubles.', '2.5 million Belarusian rubles', 2.5e6, 'BYN', 1e6],
    ['Sales: USD 45 million.', 'USD 45 million', 45e6, 'USD', 1e6]
  ])('%s → %s', (text, span, value, unit, scale) => {
    expect(one(text)).toMatchObject({ text: span, value, unit, scale, kind: 'amount', hedge: null })
  })

  it('keeps the full value exact: 294.6 million is 294,600,000, not 294,600,000.00000006', () => {
    expect(one('$294.6 million').value).toBe(294600000)
    expect(one('$0.3 million').value).toBe(300000)
  })
})

describe('percentages and points', () => {
  it.each([
    ['up 12%', '12%', 12, '%'],
    ['up 12 per cent', '12 per cent', 12, '%'],
    ['up 12 percent', '12 percent', 12, '%'],
    ['up 5 percentage points', '5 percentage points', 5, 'percentage points']
  ])('%s', (text, span, value, unit) => {
    expect(one(text)).toMatchObject({ text: span, value, unit, kind: 'percent' })
  })
})

describe('numbers in words', () => {
  it.each([
    ['eight joint plants', 'eight', 8],
    ['twenty-five members', 'twenty-five', 25],
    ['a dozen villages', 'a dozen', 12],
    ['two hundred and fifty thousand people', 'two hundred and fifty thousand', 250000],
    ['two million people', 'two million', 2e6]
  ])('%s', (text, span, value) => {
    expect(one(text)).toMatchObject({ text: span, value, kind: 'count' })
  })

  it('counts people: "180 men" and "130 women" are both people', () => {
    expect(findQuantities('180 men and 130 women').map((q) => [q.value, q.unit, q.subject])).toEqual([
      [180, 'people', 'men'],
      [130, 'people', 'women']
    ])
  })

  it('leaves the pronoun "one" alone', () => {
    expect(findQuantities('one of the partners and one more thing')).toEqual([])
  })
})

describe('ranks and fractions', () => {
  it('reads ranks in words and digits', () => {
    expect(one('Kazakhstan is third among the CIS states.')).toMatchObject({ text: 'third', value: 3, kind: 'rank' })
    expect(one('It ranked 25th worldwide.')).toMatchObject({ text: '25th', value: 25, kind: 'rank' })
    expect(one('for a third time')).toMatchObject({ text: 'third', kind: 'rank' })
  })

  it('reads fractions as percentages', () => {
    expect(one('Two-thirds of voters agreed.')).toMatchObject({ text: 'Two-thirds', kind: 'percent', unit: '%' })
    expect(one('Two-thirds of voters agreed.').value).toBeCloseTo(66.667, 3)
    expect(one('Half of respondents said yes.')).toMatchObject({ text: 'Half', value: 50, kind: 'percent' })
    expect(one('a quarter of the budget')).toMatchObject({ text: 'a quarter', value: 25, kind: 'percent' })
    expect(one('Imports fell by a third.')).toMatchObject({ text: 'a third', kind: 'percent' })
  })

  it('does not take "the first half of the year" or "the third quarter" for fractions', () => {
    expect(findQuantities('in the first half of the year').map((q) => q.kind)).toEqual(['rank'])
    expect(findQuantities('in the third quarter').map((q) => q.kind)).toEqual(['rank'])
  })
})

describe('multiples and durations', () => {
  it.each([
    ['the imports reached $42 million (a 2.5-time increase)', 'a 2.5-time increase', 2.5],
    ['output rose threefold', 'threefold', 3],
    ['a 2.5-fold increase', 'a 2.5-fold increase', 2.5],
    ['exports doubled', 'doubled', 2],
    ['four times more than', 'four times', 4]
  ])('%s', (text, span, value) => {
    const q = findQuantities(text).find((x) => x.kind === 'multiple')!
    expect(q).toMatchObject({ text: span, value, unit: 'times' })
  })

  it('does not take "visited three times" for a multiple', () => {
    expect(one('He has visited Minsk three times.').kind).toBe('count')
  })

  it('reads durations', () => {
    expect(one('25 years of diplomatic relations')).toMatchObject({ text: '25 years', value: 25, unit: 'years', kind: 'duration' })
    expect(one('a 25-year-old driver')).toMatchObject({ text: '25-year', kind: 'duration' })
  })
})

describe('hedges', () => {
  it.each([
    ['almost 80%', 'almost'],
    ['nearly $300 million', 'almost'],
    ['just under 5%', 'almost'],
    ['about 28 million', 'about'],
    ['around 60%', 'about'],
    ['roughly 1,000 people', 'about'],
    ['some 300 people', 'about'],
    ['approximately 40%', 'about'],
    ['more than 100 people', 'more-than'],
    ['over $5 million', 'more-than'],
    ['at least 133 people', 'more-than'],
    ['less than 5%', 'less-than'],
    ['under $2 million', 'less-than'],
    ['up to 30 people', 'less-than']
  ] as const)('%s: %s', (text, hedge) => {
    // The span holds the hedge and the figure; the noun a count counts stays outside it.
    expect(one(text)).toMatchObject({ text: text.replace(/ people$/, ''), hedge })
  })

  it('reads "more than" after a number as a comparison, not a hedge', () => {
    const [d, base] = findQuantities('$3 million more than $42 million')
    expect(d).toMatchObject({ text: '$3 million', hedge: null })
    expect(base).toMatchObject({ text: '$42 million', hedge: null })
  })

  it('reads "went up to" as where a value went, not a bound', () => {
    expect(one('Prices went up to $45.').hedge).toBeNull()
  })
})

describe('signs and ranges', () => {
  it('reads negative values', () => {
    expect(one('a balance of -$2 million')).toMatchObject({ text: '-$2 million', value: -2e6 })
    expect(one('growth of −3.2%')).toMatchObject({ value: -3.2, unit: '%' })
    expect(one('minus 4 degrees')).toMatchObject({ value: -4 })
  })

  it('reads "10-12%" as two percentages of a range, not a negative twelve', () => {
    expect(findQuantities('growth of 10-12%').map((q) => [q.value, q.unit])).toEqual([
      [10, '%'],
      [12, '%']
    ])
  })

  it('gives a range its unit and scale ("between 10 and 12 million"), and never sums a range', () => {
    expect(findQuantities('between 10 and 12 million people').map((q) => q.value)).toEqual([10e6, 12e6])
    expect(checkNumbers('Between 10 and 12 million people, 22 million in all, were affected.')).toEqual([])
    expect(checkNumbers('They could implement two or three projects, five in all.')).toEqual([])
  })
})

describe('numbers that are not quantities', () => {
  it.each([
    ['COVID-19 spread fast.'],
    ['as noted before [7], the plan failed'],
    ['Call +375 17 222-33-44 today.'],
    ['Call 8 800 555 35 35 today.'],
    ['They met on 13 August.'],
    ['They met on August 13.'],
    ['The meeting is at 10:30.'],
    ['The A320 and MH17 flights.'],
    ['Flight 370 disappeared.'],
    ['Contract No. 12 was signed.'],
    ['It was signed on 14.08.2017.'],
    ['Deliveries start on 2018-01-15.'],
    ['The 1990s were hard.'],
    ['Dinamo won 3-1.'],
    ['5G networks and 3D printers.']
  ])('%s', (text) => {
    expect(findQuantities(text).filter((q) => q.kind !== 'year')).toEqual([])
  })

  it('reads years as years, never as amounts, and "2,017 people" as people', () => {
    expect(findQuantities('in 2017, through 2026').map((q) => [q.value, q.kind])).toEqual([
      [2017, 'year'],
      [2026, 'year']
    ])
    expect(one('2,017 people came.')).toMatchObject({ value: 2017, kind: 'count', unit: 'people' })
  })
})

describe('offsets', () => {
  const pieces = [
    'Exports reached $252.6 million',
    ', ',
    'almost 80%',
    ' and ',
    'two-thirds',
    ' of the 1,200 people',
    ' (a 2.5-time increase)',
    ' on 13 August 2017',
    ' COVID-19 ',
    '€3,400',
    ' 😀 ',
    '\n',
    'Ünïcödé 12 per cent',
    ' −5% ',
    '[7]',
    ' between 10 and 12'
  ]

  it('point into the text: text.slice(start, end) is the quantity, for any mix of pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        const qs = findQuantities(text)
        for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text)
        for (let i = 1; i < qs.length; i++) expect(qs[i]!.start).toBeGreaterThanOrEqual(qs[i - 1]!.end)
        for (const f of checkNumbers(text)) {
          expect(f.start).toBe(Math.min(...f.quantities.map((q) => q.start)))
          expect(f.end).toBe(Math.max(...f.quantities.map((q) => q.end)))
        }
      })
    )
  })

  it('survive arbitrary text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const q of findQuantities(text)) expect(text.slice(q.start, q.end)).toBe(q.text)
        checkNumbers(text)
      })
    )
  })
})
