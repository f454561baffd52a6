// Numbers written in words: "eight", "twenty-five", "two hundred and fifty thousand", "a dozen", "two-thirds".

import { DENOMINATORS, NUMBER_MULTIPLIERS, ORDINAL_WORDS, SMALL_NUMBERS } from './lexicon'

const CARDINALS = [...Object.keys(SMALL_NUMBERS), ...Object.keys(NUMBER_MULTIPLIERS)].sort((a, b) => b.length - a.length)
export const CARDINAL_PATTERN = CARDINALS.join('|')
export const ORDINAL_PATTERN = Object.keys(ORDINAL_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')
export const DENOMINATOR_PATTERN = Object.keys(DENOMINATORS)
  .sort((a, b) => b.length - a.length)
  .join('|')

export interface WordNumber {
  value: number
  /** The largest multiplier word in it (1e6 for "two million"), 1 without one. */
  scale: number
}

/**
 * The value of a run of number words ("twenty-five", "two hundred and fifty thousand", "a dozen"), or null when
 * the words do not make one number ("five six").
 */
export function parseNumberWords(phrase: string): WordNumber | null {
  const words = phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w && w !== 'and')
  if (words.length === 0) return null
  let total = 0
  let current = 0
  let scale = 1
  let lastSmall: number | null = null
  let seen = false
  for (const [i, word] of words.entries()) {
    if (word === 'a' || word === 'an') {
      if (i !== 0 || words.length === 1 || !(words[1]! in NUMBER_MULTIPLIERS)) return null
      current = 1
      continue
    }
    const small = SMALL_NUMBERS[word]
    if (small !== undefined) {
      // "twenty five" combines; "five six" or "twenty thirty" do not.
      if (lastSmall !== null && !(lastSmall >= 20 && lastSmall % 10 === 0 && small < 10 && small > 0)) return null
      current += small
      lastSmall = small
      seen = true
      continue
    }
    const multiplier = NUMBER_MULTIPLIERS[word]
    if (multiplier === undefined) return null
    seen = true
    lastSmall = null
    if (multiplier === 100 || multiplier === 12) {
      current = (current || 1) * multiplier
    } else {
      total += (current || 1) * multiplier
      current = 0
    }
    if (multiplier > scale && multiplier !== 12) scale = multiplier
  }
  if (!seen) return null
  return { value: total + current, scale: scale >= 1e3 ? scale : 1 }
}

/** "two-thirds" → 66.67 (percent), "a quarter" → 25, "half" → 50; null when it is not a fraction. */
export function parseFraction(phrase: string): number | null {
  const words = phrase.toLowerCase().split(/[\s-]+/)
  const denominatorWord = words[words.length - 1]!
  const denominator = DENOMINATORS[denominatorWord]
  if (denominator === undefined) return null
  let numerator = 1
  if (words.length === 2) {
    const head = words[0]!
    if (head === 'a' || head === 'an') numerator = 1
    else {
      const n = SMALL_NUMBERS[head]
      if (n === undefined || n === 0 || n >= denominator) return null
      numerator = n
    }
  } else if (words.length !== 1) return null
  return (numerator / denominator) * 100
}

export function ordinalValue(word: string): number | undefined {
  return ORDINAL_WORDS[word.toLowerCase()]
}
