// Arithmetic cases for the numbers cross-check: news-style sentences and short paragraphs, each with the findings a
// careful human checker would expect from the rules the checker states (rounding: half a unit of the last digit
// given; "almost"/"nearly" up to 5% below; "about" ±5%; "more than" a lower bound; "less than" an upper bound).
// Written before the code was tuned to them. `expect: []` means: no finding at all.
// A case the code is known to get wrong carries `failing` with the reason; it still counts in the figures.

import type { FindingKind, FindingStatus } from '../../src/core/numbers'

export interface ExpectedFinding {
  kind: FindingKind
  status: FindingStatus
}

export interface ArithmeticCase {
  id: string
  text: string
  expect: ExpectedFinding[]
  /** Why the checker is known to fail this case (the test then expects the failure). */
  failing?: string
}

const sum = (status: FindingStatus): ExpectedFinding => ({ kind: 'sum', status })
const change = (status: FindingStatus): ExpectedFinding => ({ kind: 'change', status })
const multiple = (status: FindingStatus): ExpectedFinding => ({ kind: 'multiple', status })
const shares = (status: FindingStatus): ExpectedFinding => ({ kind: 'shares', status })
const difference = (status: FindingStatus): ExpectedFinding => ({ kind: 'difference', status })

export const CASES: ArithmeticCase[] = [
  // ── parts and their total ──────────────────────────────────────────────────────────────────────────────────
  {
    id: 'sum-trade-next-sentence',
    text: 'In January-June, trade between the two countries reached $294.6 million. Exports totaled $252.6 million and imports $42 million.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-trade-wrong-part',
    text: 'In January-June, trade between the two countries reached $294.6 million. Exports totaled $252.6 million and imports $52 million.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'sum-total-of',
    text: 'The ministry spent $4.5 million on schools and $2.3 million on hospitals, a total of $6.8 million.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-total-of-wrong',
    text: 'The ministry spent $4.5 million on schools and $2.3 million on hospitals, a total of $7.8 million.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'sum-rounded-parts',
    text: 'Sales in Minsk were $1.24 million and in Brest $0.86 million, for a total of $2.1 million.',
    expect: [sum('consistent')]
  },
  {
    // 3.4 + 1.2 can be anything from 4.5 to 4.7 before rounding; 4.7 is within reach.
    id: 'sum-rounding-edge',
    text: 'The fund received €3.4 million from members and €1.2 million from donors, in all €4.7 million.',
    expect: [sum('consistent')]
  },
  {
    // …but 4.8 (at least 4.75) is not.
    id: 'sum-rounding-just-out',
    text: 'The fund received €3.4 million from members and €1.2 million from donors, in all €4.8 million.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'sum-colon-words-over',
    text: 'The delegation had twelve members: eight engineers and five diplomats.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'sum-altogether',
    text: 'Altogether 1,250 people were evacuated: 800 from Gomel and 450 from Mozyr.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-in-all-wrong',
    text: 'Police detained 37 people in Minsk and 12 in Grodno, 59 in all.',
    expect: [sum('inconsistent')]
  },
  {
    // Corrected after the first run, by the stated rule: $7 million and $6 million may be $6.5 million and
    // $5.5 million, $12 million in all, which fits within "$12 million" (±0.5 million). Not a provable error.
    id: 'sum-of-which-rounding',
    text: 'The budget is $12 million, of which $7 million goes to roads and $6 million to schools.',
    expect: [sum('consistent')]
  },
  {
    // Added with the correction: at least $7.45 million + $5.5 million = $12.95 million, beyond $12.5 million.
    id: 'sum-of-which-over',
    text: 'The budget is $12 million, of which $7.5 million goes to roads and $6 million to schools.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'sum-including-single-part',
    text: 'The region has 1.5 million residents, including 400,000 children.',
    expect: []
  },
  {
    id: 'sum-together-make-up',
    text: 'Exports of $252.6 million and imports of $42 million together make up $294.6 million of trade.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-hedged-total',
    text: 'Exports of $252.6 million and imports of $42 million brought trade to almost $300 million.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-more-than-total',
    text: 'Trade exceeded $290 million: exports reached $252.6 million and imports $42 million.',
    expect: [sum('consistent')]
  },
  {
    id: 'decoy-years-in-list',
    text: 'The plant, built in 1998 and modernised in 2012, employs 2,400 people.',
    expect: []
  },
  {
    id: 'decoy-unrelated-amounts',
    text: 'The company earned $5 million in 2016 and $7 million in 2017, and it plans to invest $12 million.',
    expect: []
  },
  {
    id: 'decoy-range-then-total',
    text: 'Between 10 and 12 people were injured, and a total of 22 cars were damaged.',
    expect: []
  },
  {
    id: 'decoy-mixed-currencies',
    text: 'The project costs €3 million and $2 million, a total of $5 million.',
    expect: []
  },
  {
    id: 'sum-combined-respectively',
    text: 'Belarus and Kazakhstan have a combined population of about 28 million: 9.5 million and 18.5 million respectively.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-trade-wrong-next-sentence',
    text: 'Trade rose to $294.6 million in January-June. Exports came to $242.6 million, while imports were $42 million.',
    expect: [sum('inconsistent')]
  },
  {
    // "totaled" is the verb of the exports here, not a total of the list.
    id: 'decoy-list-without-total',
    text: 'Exports totaled $252.6 million, imports $42 million and re-exports $10 million.',
    expect: []
  },
  {
    id: 'sum-thousands-and-millions',
    text: 'The city spent 1.2 million rubles on parks and 800,000 rubles on roads, 2 million rubles in total.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-bn-m-of-which-over',
    text: 'Investments reached $1.2bn, of which $800m came from Russia and $500m from China.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'sum-nearly-colon-over',
    text: 'Nearly 300 people attended: 180 men and 130 women.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'sum-turnover-with',
    text: 'Turnover between Belarus and Russia totaled $32.4 billion, with Belarusian exports of $12.9 billion and imports of $19.5 billion.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-turnover-with-wrong',
    text: 'Turnover between Belarus and Russia totaled $32.4 billion, with Belarusian exports of $12.9 billion and imports of $18.5 billion.',
    expect: [sum('inconsistent')]
  },
  {
    id: 'decoy-trade-different-partners',
    text: "Belarus's trade with Russia reached $30 billion, while its exports to the EU were $5 billion and imports from China $3 billion.",
    expect: []
  },
  {
    id: 'decoy-trade-different-years',
    text: 'In 2017 trade reached $294.6 million. In 2016 exports were $150 million and imports $20 million.',
    expect: []
  },
  {
    id: 'sum-seats-of-the',
    text: 'Of the 120 seats, the ruling party won 64, the opposition 41 and independents 15.',
    expect: [sum('consistent')]
  },
  {
    id: 'sum-seats-of-the-over',
    text: 'Of the 120 seats, the ruling party won 74, the opposition 41 and independents 15.',
    expect: [sum('inconsistent')]
  },

  // ── percentage changes ─────────────────────────────────────────────────────────────────────────────────────
  {
    // 45/40 is +12.5%; with $40 million and $45 million rounded to the million, 12% is within reach.
    id: 'change-from-to',
    text: 'Revenue rose 12% from $40 million to $45 million.',
    expect: [change('consistent')]
  },
  {
    id: 'change-from-to-wrong',
    text: 'Revenue rose 25% from $40 million to $45 million.',
    expect: [change('inconsistent')]
  },
  {
    id: 'change-almost-base-given',
    text: 'The trade soared almost 80% to $294.6 million, up from $164 million a year earlier.',
    expect: [change('consistent')]
  },
  {
    id: 'change-almost-wrong-base',
    text: 'The trade soared almost 80% to $294.6 million, up from $184 million a year earlier.',
    expect: [change('inconsistent')]
  },
  {
    id: 'change-base-missing',
    text: 'Exports rose 15% to $2.3 billion.',
    expect: [change('not-checkable')]
  },
  {
    id: 'change-base-elsewhere',
    text: 'In 2016 exports were $2 billion. In 2017 exports rose 15% to $2.3 billion.',
    expect: [change('consistent')]
  },
  {
    id: 'change-decline',
    text: 'Imports fell 20% to $32 million from $40 million.',
    expect: [change('consistent')]
  },
  {
    id: 'change-decline-wrong',
    text: 'Imports fell 30% to $32 million from $40 million.',
    expect: [change('inconsistent')]
  },
  {
    // 5% → 7% is +40% but +2 points: "2%" for points is loose usage, not an arithmetic error.
    id: 'change-percent-of-percent-points-reading',
    text: 'Unemployment rose 2% from 5% to 7%.',
    expect: [change('consistent')]
  },
  {
    id: 'change-percentage-points',
    text: 'Support for the party rose by 5 percentage points, from 40% to 45%.',
    expect: [difference('consistent')]
  },
  {
    id: 'change-points-wrong',
    text: 'Support rose by 8 points from 40% to 45%.',
    expect: [difference('inconsistent')]
  },
  {
    id: 'change-comparative',
    text: 'Sales reached $45 million, 12% more than the $40 million of 2016.',
    expect: [change('consistent')]
  },
  {
    id: 'change-comparative-wrong',
    text: 'Sales reached $45 million, 20% more than the $40 million of 2016.',
    expect: [change('inconsistent')]
  },
  {
    id: 'change-increase-noun',
    text: 'Profit grew from $8 million to $10 million, a 25% increase.',
    expect: [change('consistent')]
  },
  {
    id: 'change-increase-noun-wrong',
    text: 'Profit grew from $8.4 million to $10.5 million, a 20% increase.',
    expect: [change('inconsistent')]
  },
  {
    id: 'decoy-change-no-values',
    text: 'In 2017 sales rose 5%.',
    expect: []
  },
  {
    id: 'change-about',
    text: 'Output grew about 10% to 1.1 million tonnes from 1 million tonnes.',
    expect: [change('consistent')]
  },
  {
    id: 'change-percent-of-percent-wrong',
    text: 'The share of exports rose 10% from 40% to 60%.',
    expect: [change('inconsistent')]
  },
  {
    id: 'decoy-growth-rates',
    text: 'The economy shrank 2.1% in 2016 after growing 1.5% a year earlier.',
    expect: []
  },
  {
    id: 'change-down-apposition',
    text: 'Car sales totaled 31,200 in June, down 4% from 32,500 a year earlier.',
    expect: [change('consistent')]
  },
  {
    id: 'change-down-apposition-wrong',
    text: 'Car sales totaled 31,200 in June, down 14% from 32,500 a year earlier.',
    expect: [change('inconsistent')]
  },
  {
    id: 'change-apposition-base-missing',
    text: 'Tourist arrivals reached 2.1 million, up 9%.',
    expect: [change('not-checkable')]
  },
  {
    id: 'change-belta-sentence',
    text: 'In January-June the trade soared almost 80% to make up $294.6 million.',
    expect: [change('not-checkable')]
  },

  // ── multiples ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'multiple-plus-reading',
    text: 'Imports reached $42 million, a 2.5-time increase from $12 million.',
    expect: [multiple('consistent')]
  },
  {
    id: 'multiple-times-reading',
    text: 'Imports reached $30 million, a 2.5-fold increase from $12 million.',
    expect: [multiple('consistent')]
  },
  {
    id: 'multiple-neither-reading',
    text: 'Imports reached $60 million, a 2.5-fold increase from $12 million.',
    expect: [multiple('inconsistent')]
  },
  {
    id: 'multiple-doubled',
    text: 'Exports doubled to $24 million from $12 million.',
    expect: [multiple('consistent')]
  },
  {
    id: 'multiple-doubled-wrong',
    text: 'Exports doubled from $12 million to $36 million.',
    expect: [multiple('inconsistent')]
  },
  {
    id: 'multiple-base-missing',
    text: 'The imports reached $42 million (a 2.5-time increase).',
    expect: [multiple('not-checkable')]
  },
  {
    id: 'multiple-times-as-much',
    text: 'Kazakhstan bought $36 million of tractors, three times as much as the $12 million it bought in 2016.',
    expect: [multiple('consistent')]
  },
  {
    id: 'multiple-times-more-plus-reading',
    text: 'Tourists spent $40 million, four times more than the $8 million of 2015.',
    expect: [multiple('consistent')]
  },
  {
    id: 'decoy-three-times-visits',
    text: 'The president has visited Minsk three times since 2015.',
    expect: []
  },
  {
    id: 'multiple-halved',
    text: 'The deficit halved to $3 million from $6 million.',
    expect: [multiple('consistent')]
  },
  {
    id: 'multiple-threefold-base-elsewhere',
    text: 'Last year the plant made 4,000 tractors. This year output rose threefold to 12,000 tractors.',
    expect: [multiple('consistent')]
  },
  {
    id: 'multiple-base-missing-count',
    text: 'The number of tourists grew 2.5 times to 50,000.',
    expect: [multiple('not-checkable')]
  },
  {
    id: 'multiple-times-less',
    text: 'Losses were $4 million, three times less than the $12 million of 2016.',
    expect: [multiple('consistent')]
  },
  {
    id: 'multiple-twice-wrong',
    text: 'At $30 million, spending was twice the $20 million of last year.',
    expect: [multiple('inconsistent')]
  },

  // ── shares of one whole ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'shares-95',
    text: 'In the poll, 45% said yes, 40% said no and 10% were undecided.',
    expect: [shares('inconsistent')]
  },
  {
    id: 'shares-100',
    text: 'Of those surveyed, 52% backed the plan, 41% opposed it and 7% did not know.',
    expect: [shares('consistent')]
  },
  {
    id: 'shares-rest-unquantified',
    text: 'Some 60% voted for, 30% against and the rest abstained.',
    expect: [shares('consistent')]
  },
  {
    id: 'shares-105',
    text: 'Asked about the reform, 55% were in favour, 38% against and 12% undecided.',
    expect: [shares('inconsistent')]
  },
  {
    id: 'shares-hedged',
    text: 'About 45% said yes, about 40% said no and about 10% were undecided.',
    expect: [shares('consistent')]
  },
  {
    id: 'decoy-shares-different-bases',
    text: 'Some 45% of men and 40% of women said they would vote.',
    expect: []
  },
  {
    id: 'decoy-shares-unrelated-rates',
    text: 'Inflation slowed to 5%, unemployment stood at 4% and GDP grew 2%.',
    expect: []
  },
  {
    id: 'decoy-shares-multiple-answers',
    text: 'Respondents could choose more than one answer: 60% named prices, 45% corruption and 30% unemployment.',
    expect: []
  },
  {
    id: 'shares-fractions',
    text: 'Half of respondents said yes, a third said no and the rest were undecided.',
    expect: [shares('consistent')]
  },
  {
    id: 'shares-gender-over',
    text: 'Of the 1,200 employees, 55% are women and 50% are men.',
    expect: [shares('inconsistent')]
  },
  {
    id: 'shares-per-cent',
    text: 'Some 48 per cent of voters backed the deal, 47 per cent rejected it and 5 per cent spoiled their ballots.',
    expect: [shares('consistent')]
  },
  {
    // Yes and no need not cover everyone (spoilt ballots): 95% is within the whole.
    id: 'shares-yes-no-under',
    text: 'In the referendum, 54% voted yes and 41% voted no.',
    expect: [shares('consistent')]
  },

  // ── differences ────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'difference-gap',
    text: 'Exports were $252.6 million and imports $42 million, a gap of $210.6 million.',
    expect: [difference('consistent')]
  },
  {
    id: 'difference-margin-wrong',
    text: 'Candidate A won 52% and candidate B 45%, a margin of 9 points.',
    expect: [difference('inconsistent')]
  },
  {
    id: 'difference-more-than',
    text: 'Minsk received $45 million, $3 million more than the $42 million that went to Brest.',
    expect: [difference('consistent')]
  },
  {
    id: 'difference-more-than-wrong',
    text: 'Minsk received $45 million, $5 million more than the $42 million that went to Brest.',
    expect: [difference('inconsistent')]
  },
  {
    id: 'difference-surplus',
    text: 'Exports totaled $252.6 million and imports $42 million, leaving a surplus of $210.6 million.',
    expect: [difference('consistent')]
  },
  {
    // "more than 100" is a hedge, the second "more than" a comparison.
    id: 'difference-hedged-more-than',
    text: 'The firm hired 1,020 people, more than 100 more than the 900 it hired in 2016.',
    expect: [difference('consistent')]
  },
  {
    id: 'difference-fewer-than-wrong',
    text: 'This year 640 students enrolled, 60 fewer than the 680 of last year.',
    expect: [difference('inconsistent')]
  },
  {
    id: 'difference-points-apposition',
    text: 'Turnout was 62%, 5 points lower than the 67% of 2015.',
    expect: [difference('consistent')]
  },

  // ── decoys: numbers that are not amounts ──────────────────────────────────────────────────────────────────
  {
    id: 'decoy-dates-times',
    text: 'On 13 August 2017, at 10:30, the two leaders met for the 25th time.',
    expect: []
  },
  {
    id: 'decoy-phones',
    text: 'Call +375 17 222-33-44 or 8 800 555 35 35 for details; 120 calls came in.',
    expect: []
  },
  {
    id: 'decoy-covid-footnote',
    text: 'COVID-19 cases rose to 1,500, and 19 patients died; see [7].',
    expect: []
  },
  {
    id: 'decoy-ranks',
    text: 'Kazakhstan is third among CIS partners and 25th worldwide, with trade of $294.6 million.',
    expect: []
  },
  {
    id: 'decoy-alternatives',
    text: 'They could implement two or three projects in each of the eight areas.',
    expect: []
  },
  {
    id: 'decoy-ages-distance',
    text: 'The 25-year-old driver and his 30-year-old passenger were taken to a hospital 55 km away.',
    expect: []
  },
  {
    // The flight number and the aircraft type are not passengers; 239 + 150 = 389 is.
    id: 'ids-not-summed',
    text: 'Flight 370 and the A320 carried 239 and 150 passengers, 389 in all, according to Resolution 2334.',
    expect: [sum('consistent')]
  },
  {
    id: 'decoy-scores',
    text: 'Dinamo won 3-1 and leads the group 2:1 on aggregate with 7 points.',
    expect: []
  },
  {
    id: 'years-not-summed',
    text: 'Between 2016 and 2018 the fund spent $3 million, $4 million and $5 million, a total of $12 million in 2016–2018.',
    expect: [sum('consistent')]
  },
  {
    id: 'decoy-per-capita',
    text: 'GDP per capita is $6,300, and average wages rose to $400 a month.',
    expect: []
  },
  {
    id: 'decoy-numeric-dates-ids',
    text: 'The contract No. 12 signed on 14.08.2017 is worth $5 million, and deliveries start on 2018-01-15.',
    expect: []
  },

  // ── the sample article's paragraph ─────────────────────────────────────────────────────────────────────────
  {
    id: 'belta-paragraph',
    text:
      'I hope that this year we will be able to reverse this trend. The start of the year showed that it is possible,” he said. ' +
      'In January-June the trade soared almost 80% to make up $294.6 million. ' +
      'The exports totaled $252.6 million, the imports reached $42 million (a 2.5-time increase).',
    expect: [change('not-checkable'), sum('consistent'), multiple('not-checkable')]
  }
]
