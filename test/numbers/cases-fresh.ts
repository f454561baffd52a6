// A third set of arithmetic cases, written after the held-out set had been used for fixes and before the checker
// was run on these. Same rules and format as cases.ts.
// First run, before any fix (the honest measure): 27 of 38 as expected; "inconsistent" precision 100% (3/3), recall
// 60% (3/5); "consistent" precision 100% (7/7), recall 47% (7/15); "not-checkable" precision 83% (5/6), recall 83%.
// Fixes for general causes followed; the cases still failing carry `failing` with the reason (they count in the
// figures).

import type { ArithmeticCase, ExpectedFinding } from './cases'
import type { FindingStatus } from '../../src/core/numbers'

const sum = (status: FindingStatus): ExpectedFinding => ({ kind: 'sum', status })
const change = (status: FindingStatus): ExpectedFinding => ({ kind: 'change', status })
const multiple = (status: FindingStatus): ExpectedFinding => ({ kind: 'multiple', status })
const shares = (status: FindingStatus): ExpectedFinding => ({ kind: 'shares', status })
const difference = (status: FindingStatus): ExpectedFinding => ({ kind: 'difference', status })

export const FRESH: ArithmeticCase[] = [
  {
    id: 'f-foreign-trade-wrong',
    text: "Belarus' foreign trade in goods amounted to $61.1 billion in 2018, with exports at $33.7 billion and imports at $37.4 billion.",
    expect: [sum('inconsistent')]
  },
  {
    id: 'f-foreign-trade-ok',
    text: "Belarus' foreign trade in goods amounted to $61.1 billion in 2018, with exports at $23.7 billion and imports at $37.4 billion.",
    expect: [sum('consistent')]
  },
  {
    id: 'f-less-than-in-clause',
    text: 'The country produced 7.3 million tonnes of grain last year, 1.2 million tonnes less than in 2017, when the harvest was 8.5 million tonnes.',
    expect: [difference('consistent')],
    failing: 'the base of "less than" is named in a later clause ("than in 2017, when the harvest was …"); only a figure right after "than" is read'
  },
  {
    // A change in points with no earlier figure: nothing to check (only relative changes are reported as not checkable).
    id: 'f-points-base-missing',
    text: 'Unemployment stood at 4.8%, up 0.3 points from a year earlier.',
    expect: []
  },
  {
    id: 'f-profit-fell',
    text: "The bank's net profit fell 18% to 412 million rubles.",
    expect: [change('not-checkable')]
  },
  {
    id: 'f-increase-of-per-cent',
    text: 'Sales rose to $12.5 million from $10 million, an increase of 25 per cent.',
    expect: [change('consistent')]
  },
  {
    id: 'f-increase-of-per-cent-wrong',
    text: 'Sales rose to $12.5 million from $10 million, an increase of 35 per cent.',
    expect: [change('inconsistent')]
  },
  {
    id: 'f-absolute-base-missing',
    text: 'The population of Minsk has grown by 200,000 over ten years to 2 million.',
    expect: []
  },
  {
    id: 'f-on-board',
    text: 'Of the 17 people on board, 12 were passengers and five were crew members.',
    expect: [sum('consistent')]
  },
  {
    id: 'f-on-board-over',
    text: 'Of the 17 people on board, 12 were passengers and seven were crew members.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'f-less-than-half',
    text: 'The stadium holds 22,000 spectators, but only 9,500 came, less than half.',
    expect: []
  },
  {
    id: 'f-two-changes',
    text: 'Exports of dairy products rose 10.5% to $1.2 billion, while meat exports rose 6% to $650 million.',
    expect: [change('not-checkable'), change('not-checkable')]
  },
  {
    id: 'f-cut-jobs-share',
    text: 'The company plans to cut 1,200 of its 8,000 jobs, or 15%.',
    expect: []
  },
  {
    id: 'f-by-a-third',
    text: 'Imports fell by a third to $2 billion.',
    expect: [change('not-checkable')]
  },
  {
    id: 'f-averages-colon',
    text: 'Average life expectancy is 74.5 years: 69.3 years for men and 79.4 years for women.',
    expect: []
  },
  {
    id: 'f-pupils-apposition',
    text: 'The school has 1,100 pupils, 540 boys and 560 girls.',
    expect: [sum('consistent')]
  },
  {
    id: 'f-inflation-no-delta',
    text: 'Inflation accelerated to 6.1% in May from 5.4% in April.',
    expect: []
  },
  {
    id: 'f-real-terms',
    text: 'Retail sales grew 4.6% in real terms to Br 24.3 billion.',
    expect: [change('not-checkable')]
  },
  {
    id: 'f-dropped-by-people',
    text: 'The number of registered unemployed dropped by 1,500 people to 8,200, the ministry said.',
    expect: []
  },
  {
    id: 'f-troops-including',
    text: 'About 1,300 troops, including 800 Russian and 400 Belarusian soldiers, took part in the drills.',
    expect: [sum('consistent')]
  },
  {
    id: 'f-turnout-drop',
    text: 'Turnout reached 77.4%, a drop of 9.6 points from the 87% of the previous election.',
    expect: [difference('consistent')]
  },
  {
    id: 'f-per-year',
    text: 'The investment programme is worth $3 billion over five years, or $600 million a year.',
    expect: []
  },
  {
    id: 'f-doubled-base-missing',
    text: 'Exports to the EU doubled to €2.4 billion.',
    expect: [multiple('not-checkable')]
  },
  {
    id: 'f-doubled-base-given',
    text: 'Exports to the EU doubled to €2.4 billion from €1.1 billion.',
    expect: [multiple('consistent')]
  },
  {
    id: 'f-energy-mix',
    text: 'Around 60% of the electricity comes from gas, 25% from nuclear power and 15% from renewables.',
    expect: [shares('consistent')]
  },
  {
    id: 'f-fewer-than-capacity',
    text: "The match drew 45,000 fans, 5,000 fewer than the stadium's capacity of 50,000.",
    expect: [difference('consistent')]
  },
  {
    id: 'f-price-list',
    text: 'Prices for bread rose 12%, for milk 8% and for meat 15% in the first quarter.',
    expect: []
  },
  {
    // At least $699.5 million + $599.5 million = $1,299 million, beyond $1.25 billion.
    id: 'f-deal-includes',
    text: 'The deal, worth $1.2 billion, includes $700 million in cash and $600 million in shares.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'f-rest-from-state',
    text: 'Of the $10 million raised, $6 million came from private donors and the rest from the state.',
    expect: []
  },
  {
    id: 'f-fold-in-years',
    text: "The factory's output rose 2.5-fold in five years to 30,000 cars, from 12,000.",
    expect: [multiple('consistent')]
  },
  {
    id: 'f-no-values',
    text: 'Wheat prices have risen by 40 per cent this year.',
    expect: []
  },
  {
    id: 'f-higher-than-average',
    text: 'Average salary in Minsk is Br 1,500, some 30% higher than the national average of Br 1,150.',
    expect: [change('consistent')]
  },
  {
    id: 'f-increase-across-clauses',
    text: 'In 2015 the mine produced 2 million tonnes; by 2020 output had risen to 3 million tonnes, a 50% increase.',
    expect: [change('consistent')],
    failing:
      'the earlier figure belongs to "the mine produced", the new one to "output": the subjects differ, so the base is not found and the checker wrongly says the article does not give it'
  },
  {
    id: 'f-out-of-deputies',
    text: 'The bill passed with 98 votes in favour and 12 against, out of 110 deputies.',
    expect: [sum('consistent')],
    failing: '"out of" is not read as a total, and votes and deputies count different things to the checker'
  },
  {
    id: 'f-two-years-trade',
    text: "The two countries' trade reached $1.5 billion in 2019 and $1.7 billion in 2020.",
    expect: []
  },
  {
    id: 'f-poll-hard-to-say',
    text: 'About 45% of respondents rated the reform positively, 35% negatively and 20% found it hard to say.',
    expect: [shares('consistent')]
  },
  {
    id: 'f-plane-in-all-wrong',
    text: 'The plane was carrying 150 passengers and 6 crew members, 165 people in all.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'f-per-unit',
    text: 'The city bought 120 new buses for €36 million, or €300,000 each.',
    expect: []
  }
]
