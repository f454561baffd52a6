// The reasons a fact-checker reads beside a suggestion: one rule set per kind, each shown firing and not firing.
import { describe, expect, it } from 'vitest'
import { ALL_KINDS, KINDS_AGAINST, KINDS_FOR, kindsOf, type SuggestionKind } from '../../src/core/suggest/kinds'

const CASES: Record<SuggestionKind, { fires: string[]; silent: string[] }> = {
  quantity: {
    fires: [
      'In January-June the trade soared almost 80% to make up $294.6 million.',
      'The imports reached $42 million (a 2.5-time increase).',
      'Today Kazakhstan is home to eight joint plants which assemble Belarusian machinery.',
      'Kazakhstan is among Belarus’ major trading partners and is third among the CIS member states.',
      'Unemployment is at 4.1 per cent.',
      'We lost 1,200 jobs in the county.',
      'Prices went up threefold.'
    ],
    silent: ['The two countries maintain a high level of cooperation.', 'It happened in 2016.', 'One of the things I like is the view.']
  },
  comparison: {
    fires: [
      'In January-June the trade soared almost 80%.',
      'Our trade has been lagging behind our active political dialogue.',
      'There are more than enough beds.',
      'It is the highest rate in Europe.',
      'Crime fell in every district.',
      'Wages are up from last year.'
    ],
    silent: ['The minister visited the plant.', 'We met in Minsk on Tuesday.']
  },
  cause: {
    fires: [
      'Prices rose because the harvest failed.',
      'The closure led to hundreds of layoffs.',
      'The delay was due to bad weather.',
      'As a result, exports doubled.',
      'The policy caused a shortage.'
    ],
    silent: ['The harvest failed in the north.', 'Prices rose in the spring.']
  },
  prediction: {
    fires: [
      'In his words, these documents will be signed during the forthcoming official visit.',
      'The government plans to build a new bridge.',
      'Emissions must fall by 2030.',
      "We're going to cut taxes for the middle class.",
      'Inflation is expected to ease next year.'
    ],
    silent: ['The documents were signed last week.', 'Will you shut up, man?', 'He signed the decree in 2016.']
  },
  quote: {
    fires: [
      '“Over these years our cooperation has gained strategic importance,” Andrei Kobyakov said.',
      '"We are ready," the minister stressed.',
      '"Prices will fall," he told reporters.',
      "'The plan is working,' she insisted."
    ],
    silent: ['The minister said the plan was working.', '"Will you shut up, man?"', 'The “smart” meters are new.']
  },
  law: {
    fires: [
      'The bill passed the Senate on Tuesday.',
      'It is illegal to sell alcohol to minors.',
      'The new regulation takes effect in May.',
      'The Affordable Care Act covers pre-existing conditions.',
      'The Supreme Court ruled against the ban.'
    ],
    silent: ['The weather was lovely in May.', 'We had dinner at the embassy.']
  },
  experience: {
    fires: [
      'I have seen what these factories do to a town.',
      'When I was a boy, the mill employed half the county.',
      "I've met families who lost everything.",
      'My father worked in a steel plant.'
    ],
    silent: ['The families lost everything.', 'They have seen the report.']
  },
  opinion: {
    fires: ['I think that is all wrong.', 'I believe in a strong army.', 'We should do better on education.', 'In my opinion, the plan is fair.'],
    silent: ['Unemployment fell to 4%.', 'The plan was approved by parliament.']
  },
  courtesy: {
    fires: [
      'Thank you very much for having me.',
      'Congratulations on your victory.',
      'It is a pleasure to be here in Minsk.',
      'Good evening, and welcome to the debate.',
      "Thanks, Jim, it's great to be here."
    ],
    silent: ['The trade soared almost 80%.', 'He thanked nobody.']
  },
  question: {
    fires: ['Why is it on the ballot?', '"Listen, who is on your list, Joe?"', 'And what did he do then? '],
    silent: ['I asked him why.', 'Is this a question? No, it is not.']
  }
}

describe('kinds of a sentence', () => {
  it('are the seven reasons for and the three against, in that order', () => {
    expect(KINDS_FOR).toEqual(['quantity', 'comparison', 'cause', 'prediction', 'quote', 'law', 'experience'])
    expect(KINDS_AGAINST).toEqual(['opinion', 'courtesy', 'question'])
    expect(ALL_KINDS).toEqual([...KINDS_FOR, ...KINDS_AGAINST])
  })

  for (const kind of ALL_KINDS) {
    describe(kind, () => {
      it.each(CASES[kind].fires)(`fires for %j`, (sentence) => {
        expect(kindsOf(sentence)).toContain(kind)
      })
      it.each(CASES[kind].silent)(`stays silent for %j`, (sentence) => {
        expect(kindsOf(sentence)).not.toContain(kind)
      })
    })
  }

  it('come in the order of ALL_KINDS, each once', () => {
    const kinds = kindsOf('"I think trade will soar 80% because of the new law I have seen," he said. Thank you?')
    expect(kinds).toEqual(ALL_KINDS.filter((k) => kinds.includes(k)))
    expect(new Set(kinds).size).toBe(kinds.length)
    expect(kinds.length).toBe(ALL_KINDS.length)
  })

  it('stay cheap on a very long sentence without punctuation', () => {
    const long = 'and the trade soared and '.repeat(800) + 'is that so?'
    const t0 = performance.now()
    const kinds = kindsOf(long)
    expect(performance.now() - t0).toBeLessThan(200)
    expect(kinds).toContain('comparison')
    expect(kinds).toContain('question')
  })
})
