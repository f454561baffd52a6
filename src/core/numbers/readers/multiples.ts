// "2.5 times", "a 2.5-fold increase", "threefold", "doubled", "twice", "halved": a multiple and how it relates the
// new value to the old.

import type { Reading } from '../types'
import type { Draft } from '../draft'
import type { UnitMatch } from '../units'
import { parseNumberWords } from '../number-words'

/** "doubled", "tripled", "twice", "halved": within 10% of the factor. */
export const VERB_MULTIPLE_TOLERANCE = 0.1

const MULTIPLE_WORDS: Readonly<Record<string, { factor: number; reading: Reading }>> = {
  doubled: { factor: 2, reading: 'times' }, doubling: { factor: 2, reading: 'times' }, doubles: { factor: 2, reading: 'times' },
  tripled: { factor: 3, reading: 'times' }, tripling: { factor: 3, reading: 'times' }, triples: { factor: 3, reading: 'times' },
  trebled: { factor: 3, reading: 'times' }, quadrupled: { factor: 4, reading: 'times' }, halved: { factor: 2, reading: 'divide' },
  halving: { factor: 2, reading: 'divide' }
}

const UP_BEFORE = /\b(?:increased|increase|increases|increasing|grew|grow|grows|growing|grown|rose|rise|rises|risen|rising|jumped|jump|soared|surged|climbed|expanded|multiplied|went up|is up|was up|were up|are up|up|gained|boosted)\s+(?:by\s+)?$/i
const DOWN_BEFORE = /\b(?:decreased|decrease|decreases|fell|fall|falls|fallen|dropped|drop|declined|decline|shrank|shrunk|contracted|reduced|cut|went down|is down|was down|were down|are down|down|slumped|plunged)\s+(?:by\s+)?$/i
const UP_NOUN_AFTER = /^[\s-]+(increase|rise|growth|jump|gain|surge|expansion|hike|leap|boost|upturn)\b/i
const DOWN_NOUN_AFTER = /^[\s-]+(decrease|drop|decline|fall|reduction|cut|contraction|slump|dip)\b/i

/** How "2.5 times", "threefold", "twice" relate two values here, with the noun that closes the phrase; null: no multiple. */
export function multipleReading(before: string, after: string, unit: UnitMatch['kind'] | 'verb'): { reading: Reading; noun: number } | null {
  let m = UP_NOUN_AFTER.exec(after)
  if (m) return { reading: 'both', noun: m[0].length }
  m = DOWN_NOUN_AFTER.exec(after)
  if (m) return { reading: 'divide', noun: m[0].length }
  if (/^[\s\u00a0]+(?:as\s+(?:much|many|large|big|high|great|long|fast|often|likely|expensive)\b|the\b|that\s+of\b|those\s+of\b|what\b)/i.test(after))
    return { reading: 'times', noun: 0 }
  if (/^[\s\u00a0]+(?:less|lower|smaller|fewer|cheaper|slower|shorter)\b/i.test(after)) return { reading: 'divide', noun: 0 }
  if (/^[\s\u00a0]+(?:more|higher|larger|bigger|greater|faster|longer|up)\b/i.test(after)) return { reading: 'both', noun: 0 }
  if (UP_BEFORE.test(before)) return { reading: 'both', noun: 0 }
  if (DOWN_BEFORE.test(before)) return { reading: 'divide', noun: 0 }
  if (unit === 'fold') return { reading: 'both', noun: 0 }
  if (unit === 'x') return { reading: 'times', noun: 0 }
  return null
}

export function readMultipleWord(region: string, local: number, word: string): Draft | null {
  const lower = word.toLowerCase()
  const after = region.slice(local + word.length, local + word.length + 40)
  const before = region.slice(Math.max(0, local - 40), local)
  const base: Draft = {
    start: local, coreStart: local, end: local + word.length, value: 0, decimals: 0, scale: 1, unit: 'times',
    kind: 'multiple', word: true, noun: null
  }
  const verb = MULTIPLE_WORDS[lower]
  if (verb) return { ...base, value: verb.factor, reading: verb.reading, tol: VERB_MULTIPLE_TOLERANCE * verb.factor }
  if (lower === 'twice') {
    const reading = multipleReading(before, after, 'verb')
    if (!reading) return null
    return { ...base, value: 2, reading: reading.reading, tol: VERB_MULTIPLE_TOLERANCE * 2 }
  }
  // "threefold", "three-fold"
  const n = parseNumberWords(lower.replace(/-?fold$/, ''))
  if (!n) return null
  const reading = multipleReading(before, after, 'fold') ?? { reading: 'both' as Reading, noun: 0 }
  const draft: Draft = { ...base, value: n.value, reading: reading.reading, tol: 0.5 }
  if (reading.noun) {
    draft.end += reading.noun
    const article = /\ban?\s+$/i.exec(before)
    if (article) draft.start -= article[0].length
  }
  return draft
}

