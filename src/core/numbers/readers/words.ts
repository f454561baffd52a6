// Numbers in words ("eight", "twenty-five", "a dozen", "two million") and fractions ("two-thirds", "a quarter of",
// "half").

import { readOrdinal, type Draft } from '../draft'
import { ordinalValue, parseFraction, parseNumberWords } from '../number-words'
import { currencyBefore } from '../units'
import { readUnit } from './digits'

/** Fractions in words are approximate by nature ("a third" for 31% or 35%): ±2 points. */
export const FRACTION_TOLERANCE = 2
const SHARE_VERBS =
  /^[\s\u00a0]+(?:said|say|says|were|are|was|is|voted|vote|back|backed|backs|support|supported|supports|oppose|opposed|opposes|agreed|agree|agrees|believe|believed|think|thought|answered|want|wanted|wants|favou?r|favou?red|had|have|has|did|do|does|would|will|could|live|lived|came|come|went|chose|named|preferred|prefer|reject|rejected)\b/i

export function readFraction(region: string, local: number, phrase: string): Draft | null {
  const words = phrase.toLowerCase().split(/[\s-]+/)
  const after = region.slice(local + phrase.length, local + phrase.length + 40)
  const before = region.slice(Math.max(0, local - 30), local)
  const denominator = words[words.length - 1]!
  const plural = /s$/.test(denominator)
  const draft = (value: number): Draft => ({
    start: local, coreStart: local, end: local + phrase.length, value, decimals: 0, scale: 1, unit: '%',
    kind: 'percent', word: true, tol: FRACTION_TOLERANCE, noun: null
  })
  if (words.length === 1) {
    if (denominator === 'half') {
      const scaleAfterHalf = /^\s+an?\s+(million|billion|thousand|dozen)\b/i.exec(after)
      if (scaleAfterHalf) {
        const scale = { million: 1e6, billion: 1e9, thousand: 1e3, dozen: 12 }[scaleAfterHalf[1]!.toLowerCase() as 'million']
        return { start: local, coreStart: local, end: local + phrase.length + scaleAfterHalf[0].length, value: scale / 2, decimals: 0, scale: scale >= 1e3 ? scale : 1, unit: null, kind: 'count', word: true, tol: 0, noun: null }
      }
      if (/\b(?:first|second|last|latter|former|other)\s+$/i.test(before)) return null
      if (/^\s+an?\s+(?:hour|day|week|month|year|century|decade|mile|kilometre|kilometer|dozen|point)\b/i.test(after)) return null
      const leads = /(?:^|\b(?:a|one|about|nearly|almost|over|under|more than|less than|just over|just under|roughly|around|some|exactly|only|fully|barely))\s*$/i.test(before)
      const follows = /^\s+(?:of|the|their|its|his|her|our|all)\b/i.test(after) || SHARE_VERBS.test(after)
      return leads || follows ? draft(50) : null
    }
    // A bare "third", "fifth": a rank.
    const rank = ordinalValue(denominator)
    return rank === undefined ? null : readOrdinal(local, phrase)
  }
  const value = parseFraction(phrase)
  if (value === null) return null
  // "fell by a third", "up by a quarter": a fraction after "by" is the size of a change.
  const byBefore = /\bby\s+(?:(?:almost|nearly|about|around|roughly|some|more than|less than|over|just over|just under)\s+)?$/i.test(before)
  if (!plural && !byBefore && !/^\s+of\b/i.test(after) && !SHARE_VERBS.test(after) && !/^\s*[,.;:)]/.test(after)) {
    // "for a third time", "a fifth straight year": an ordinal after an article.
    const rank = ordinalValue(denominator)
    if (rank === undefined) return null
    const offset = phrase.toLowerCase().lastIndexOf(denominator)
    return readOrdinal(local + offset, phrase.slice(offset))
  }
  return draft(value)
}

export function readWords(region: string, local: number, phrase: string): Draft | null {
  let start = local
  let words = phrase
  let parsed = parseNumberWords(words)
  if (!parsed && /^an?\s+/i.test(words)) {
    const article = /^an?\s+/i.exec(words)![0]
    start += article.length
    words = words.slice(article.length)
    parsed = parseNumberWords(words)
  }
  if (!parsed) return null
  const draft: Draft = {
    start, coreStart: start, end: start + words.length, value: parsed.value, decimals: 0, scale: parsed.scale,
    unit: null, kind: 'count', word: true, noun: null
  }
  const before = region.slice(Math.max(0, start - 40), start)
  const currency = currencyBefore(before)
  if (currency) {
    draft.unit = currency.value
    draft.kind = 'amount'
    draft.start -= currency.length
    draft.coreStart = draft.start
  }
  readUnit(region, draft, null)
  // A lone "one" is mostly a pronoun ("one of the"): only with a unit is it a quantity.
  if (/^one$/i.test(words) && (draft.unit === null || draft.unit === 'people') && draft.kind === 'count') return null
  return draft
}

