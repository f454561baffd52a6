// What follows or precedes a number: currency, scale, percent, points, multiples, durations, units of measure, and
// the noun a count counts.

import {
  CURRENCY_PREFIXES,
  CURRENCY_QUALIFIERS,
  CURRENCY_WORDS,
  DURATION_UNITS,
  MEASURE_UNITS,
  PEOPLE_NOUNS,
  SCALE_WORDS,
  SUBJECT_SKIP,
  SUBJECT_STOP
} from './lexicon'

export interface Match<T> {
  value: T
  /** Characters consumed from the start of the text looked at. */
  length: number
}

const SIGN_BEFORE = /(US\$|U\.S\.\s?\$|A\$|C\$|HK\$|NZ\$|S\$|\$|€|£|¥|₽|₹|₸|₴)[ \u00a0]?$/
const CODE_BEFORE = /(?:^|[^\p{L}\d])(Rs\.?|Br|USD|EUR|GBP|RUB|BYN|KZT|JPY|CNY|CHF|INR|UAH|PLN)[ \u00a0]?$/u
const CODES = new Map(CURRENCY_PREFIXES.map(([sign, code]) => [sign.replace(/\s/g, ''), code]))

/** The currency sign or code just before a number ("$", "US$", "€", "Rs ", "BYN "), read from the end of `before`. */
export function currencyBefore(before: string): Match<string> | null {
  const tail = before.slice(-8)
  const last = tail.trimEnd().slice(-1)
  if (!last || /[\d,;:!?()"“”'’-]/.test(last)) return null
  const m = SIGN_BEFORE.exec(tail) ?? CODE_BEFORE.exec(tail)
  if (!m) return null
  const sign = m[1]!
  const code = CODES.get(sign.replace(/\s/g, ''))
  if (!code) return null
  return { value: code, length: tail.length - tail.lastIndexOf(sign) }
}

const SPACED_SCALE = /^[\s\u00a0]+(thousand|million|billion|trillion|mln|mn|bln|bn|tn|trln|lakhs?|crores?)\b/i
const GLUED_SCALE = /^(bn|mn|mln|bln|tn|trn)\b/i
const GLUED_SHORT_SCALE = /^(m|M|k|K|b)\b/

/** A scale word or short form after the number: " million", "bn", "m" (the last only after a currency). */
export function scaleAfter(after: string, hasCurrency: boolean): Match<number> | null {
  let m = SPACED_SCALE.exec(after) ?? GLUED_SCALE.exec(after)
  if (m) return { value: SCALE_WORDS[m[1]!.toLowerCase()] ?? (m[1]!.toLowerCase() === 'trn' ? 1e12 : 1), length: m[0].length }
  if (hasCurrency) {
    m = GLUED_SHORT_SCALE.exec(after)
    if (m) {
      const letter = m[1]!.toLowerCase()
      return { value: letter === 'm' ? 1e6 : letter === 'k' ? 1e3 : 1e9, length: m[0].length }
    }
  }
  return null
}

export type UnitKind = 'percent' | 'points' | 'currency' | 'duration' | 'measure' | 'fold' | 'times' | 'x'

export interface UnitMatch {
  unit: string
  kind: UnitKind
  length: number
}

const PERCENTAGE_POINTS = /^(?:[\s\u00a0]+(?:percentage|percent|per\s?cent)\s+points?\b|[\s\u00a0]?(?:pp|p\.p\.|ppts?)(?![\p{L}]))/iu
const PERCENT = /^(?:[\s\u00a0]?%|[\s\u00a0]+(?:per\s?cent|percent|pct)\b|[\s\u00a0]?pc\b)/i
const POINTS = /^(?:[\s\u00a0]+|-)(?:points?|pts)\b/i
const FOLD = /^(?:-|\s)?fold\b/i
const TIMES = /^(?:-|[\s\u00a0]+)times?\b/i
const X_TIMES = /^x\b/
const CURRENCY_WORD = new RegExp(
  String.raw`^[\s\u00a0]+(?:(us|u\.s\.|american|canadian|australian|belarusian|russian|kazakh)\s+)?(${Object.keys(CURRENCY_WORDS).join('|')})\b`,
  'i'
)
const CURRENCY_CODE = /^[\s\u00a0]?(USD|EUR|GBP|RUB|BYN|BYR|KZT|JPY|CNY|CHF|INR|UAH|PLN)\b/
const DURATION = new RegExp(String.raw`^(?:[\s\u00a0]+|-)(${Object.keys(DURATION_UNITS).join('|')})\b`, 'i')
const AREA = /^[\s\u00a0]+(?:square|sq\.?)\s+(km|kilomet(?:re|er)s?|met(?:re|er)s?|m)\b|^[\s\u00a0]+(?:cubic|cu\.?)\s+(met(?:re|er)s?|m)\b/i
const MEASURE = new RegExp(String.raw`^(?:[\s\u00a0]*|-)(${Object.keys(MEASURE_UNITS).join('|')})\b`, 'i')

const FIRST_WORD = /^[\s\u00a0]*-?(%|[\p{L}][\p{L}.]*)/u
/** First words a unit can start with: most numbers are followed by none, and skip the patterns below. */
const UNIT_STARTS = new Set([
  '%', 'percentage', 'percent', 'per', 'pct', 'pc', 'pp', 'p.p.', 'ppt', 'ppts', 'points', 'point', 'pts', 'fold', 'times',
  'time', 'x', 'us', 'u.s.', 'american', 'canadian', 'australian', 'belarusian', 'russian', 'kazakh', 'square', 'sq', 'sq.',
  'cubic', 'cu', 'cu.', 'usd', 'eur', 'gbp', 'rub', 'byn', 'byr', 'kzt', 'jpy', 'cny', 'chf', 'inr', 'uah', 'pln',
  ...Object.keys(CURRENCY_WORDS), ...Object.keys(DURATION_UNITS), ...Object.keys(MEASURE_UNITS)
])

/** The unit written after a number (and its scale), if any. */
export function unitAfter(after: string): UnitMatch | null {
  const first = FIRST_WORD.exec(after)
  const word = first?.[1]!.toLowerCase()
  if (!word || (!UNIT_STARTS.has(word) && !UNIT_STARTS.has(word.replace(/\.+$/, '')))) return null
  let m = PERCENTAGE_POINTS.exec(after)
  if (m) return { unit: 'percentage points', kind: 'points', length: m[0].length }
  m = PERCENT.exec(after)
  if (m) return { unit: '%', kind: 'percent', length: m[0].length }
  m = POINTS.exec(after)
  if (m) return { unit: 'points', kind: 'points', length: m[0].length }
  m = FOLD.exec(after)
  if (m) return { unit: 'times', kind: 'fold', length: m[0].length }
  m = TIMES.exec(after)
  if (m) return { unit: 'times', kind: 'times', length: m[0].length }
  m = X_TIMES.exec(after)
  if (m) return { unit: 'times', kind: 'x', length: m[0].length }
  m = CURRENCY_WORD.exec(after)
  if (m) {
    const base = CURRENCY_WORDS[m[2]!.toLowerCase()]!
    const qualifier = m[1]?.toLowerCase().replace(/\./g, '')
    const code = (qualifier && CURRENCY_QUALIFIERS[qualifier]?.[base]) ?? base
    return { unit: code, kind: 'currency', length: m[0].length }
  }
  m = CURRENCY_CODE.exec(after)
  if (m) return { unit: m[1]!, kind: 'currency', length: m[0].length }
  m = DURATION.exec(after)
  if (m) return { unit: DURATION_UNITS[m[1]!.toLowerCase()]!, kind: 'duration', length: m[0].length }
  m = AREA.exec(after)
  if (m) return { unit: m[2] ? 'm³' : /^k/i.test(m[1]!) ? 'km²' : 'm²', kind: 'measure', length: m[0].length }
  m = MEASURE.exec(after)
  if (m) {
    // "m" and "t" alone are too ambiguous; they are not in the list. A unit glued without a space must be short.
    return { unit: MEASURE_UNITS[m[1]!.toLowerCase()]!, kind: 'measure', length: m[0].length }
  }
  return null
}

/** Prepositions and verbs that end the noun phrase after a count ("37 people in Minsk", "300 people attended"). */
const NOT_NOUNS = new Set(
  ('in on for with at from to by of across within between among into over under per via near inside outside came went got left ' +
    'took made sold bought spent paid won lost gave died live lived work worked say said fewer higher lower greater larger ' +
    'bigger smaller above below times percent apiece each respectively today now yesterday tomorrow ago earlier later alone ' +
    'only altogether overall').split(' ')
)

const WORD = /^[\s\u00a0]+([\p{L}][\p{L}'’-]*)/u

/**
 * The noun a count counts, from the few words after it: "eight joint plants which" → "plants"; null when the
 * next word is no noun ("12 in Grodno", "64, the opposition").
 */
export function countNounAfter(after: string): string | null {
  let rest = after
  const words: string[] = []
  for (let i = 0; i < 3; i++) {
    const m = WORD.exec(rest)
    if (!m) break
    const word = m[1]!
    const lower = word.toLowerCase()
    if (SUBJECT_STOP.has(lower) || SUBJECT_SKIP.has(lower) || NOT_NOUNS.has(lower) || /^[\p{Lu}]/u.test(word) || /(?:ly|[^e]ed)$/.test(lower)) break
    words.push(lower)
    rest = rest.slice(m[0].length)
    // A noun phrase ends at punctuation.
    if (/^[,.;:!?)]/.test(rest)) break
  }
  // The head is the first plural ("eight joint plants", "three companies employ"), else the last word ("six crew").
  return words.find((w) => /[^s]s$/.test(w)) ?? words[words.length - 1] ?? null
}

export function isPeopleNoun(noun: string | null): boolean {
  return noun !== null && PEOPLE_NOUNS.has(noun)
}
