// Hedges before a number, and what a hedged, rounded figure allows for its true value.
//
// The rules (one place, so every relation reads a figure the same way):
// - rounding: the true value lies within `tol` (half a unit of the last digit given) of the stated one;
// - "almost", "nearly", "just under", "not quite": the true value is at most the stated one (plus rounding) and at
//   most ALMOST_BELOW (5%) below it;
// - "about", "around", "roughly", "some", "approximately", "an estimated", "close to", "~": within ABOUT (5%) of
//   the stated value either way, plus rounding;
// - "more than", "over", "at least", "exceeded", "topped": at least the stated value (minus rounding), no upper bound;
// - "less than", "under", "below", "up to", "as many as": at most the stated value (plus rounding); an amount or a
//   count is not below zero.

import type { Hedge } from './types'
import type { Interval } from './interval'

export const ALMOST_BELOW = 0.05
export const ABOUT = 0.05

interface HedgeRule {
  pattern: RegExp
  hedge: NonNullable<Hedge>
}

// Each pattern matches at the end of the text before the number (its currency sign included in the number).
const RULES: HedgeRule[] = [
  { pattern: /\b(?:just|slightly|a little|a bit)\s+(?:under|below|less than|short of)\s*$/i, hedge: 'almost' },
  { pattern: /\b(?:just|slightly|a little|a bit|well)\s+(?:over|above|more than)\s*$/i, hedge: 'more-than' },
  { pattern: /\b(?:almost|nearly|not quite|just shy of|approaching)\s*$/i, hedge: 'almost' },
  {
    pattern:
      /(?:\b(?:about|around|roughly|approximately|approx\.?|some|circa|an estimated|estimated|an approximate|close to|in the region of|in the order of|on the order of)|~|≈)\s*$/i,
    hedge: 'about'
  },
  {
    pattern:
      /\b(?:more than|over|at least|upwards of|in excess of|above|exceeding|exceeded|exceeds|topped|tops|topping|surpassed|no less than|no fewer than|not less than|a minimum of)\s*$/i,
    hedge: 'more-than'
  },
  {
    pattern:
      /\b(?:less than|fewer than|under|below|up to|no more than|not more than|at most|a maximum of|as many as|as much as|as high as)\s*$/i,
    hedge: 'less-than'
  }
]

export interface HedgeMatch {
  hedge: NonNullable<Hedge>
  /** Length of the hedge phrase (with the spaces after it) at the end of the text. */
  length: number
}

/** After a verb of movement "up to" is where a value went ("went up to $45 million"), not a bound. */
const MOVEMENT_BEFORE_UP_TO = /\b(?:went|go|goes|gone|going|shot|moved|climbed|jumped|edged|crept|ticked|rose|risen|was|were|is|are|been|be)\s+up\s+to\s*$/i

/** The hedge ending `before` (the text just before a number), if any. */
/** The last words hedges end with: a number after any other word has no hedge, and skips the patterns. */
const LAST_WORDS = new Set(
  ('under below than of approaching about around roughly approximately approx approx. some circa c. estimated approximate to ' +
    'over least above exceeding exceeded exceeds topped tops topping surpassed almost nearly quite most many much high').split(' ')
)

/** The last word of `text` (letters and dots, or "~"), lowercased; a backward scan, no regular expression. */
function lastWord(text: string): string | undefined {
  let end = text.length
  while (end > 0 && /\s/.test(text[end - 1]!)) end--
  if (end > 0 && (text[end - 1] === '~' || text[end - 1] === '≈')) return text[end - 1]
  let start = end
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1]!)) start--
  return start < end ? text.slice(start, end).toLowerCase() : undefined
}

export function hedgeBefore(text: string): HedgeMatch | null {
  // The longest hedge ("in the region of ") fits in the last 24 characters.
  const before = text.slice(-24)
  const last = lastWord(before)
  if (!last || (!LAST_WORDS.has(last) && !LAST_WORDS.has(last.replace(/\.$/, '')) && last !== '~' && last !== '≈')) return null
  for (const rule of RULES) {
    const m = rule.pattern.exec(before)
    if (!m) continue
    if (rule.hedge === 'less-than' && /up to\s*$/i.test(m[0]) && MOVEMENT_BEFORE_UP_TO.test(before)) return null
    return { hedge: rule.hedge, length: m[0].length }
  }
  return null
}

/** What the true value can be, given the figure, its rounding and its hedge. */
export function statedInterval(value: number, tol: number, hedge: Hedge, nonNegative: boolean): Interval {
  const size = Math.abs(value)
  switch (hedge) {
    case 'almost':
      return { lo: value - ALMOST_BELOW * size - tol, hi: value + tol }
    case 'about':
      return { lo: value - ABOUT * size - tol, hi: value + ABOUT * size + tol }
    case 'more-than':
      return { lo: value - tol, hi: Infinity }
    case 'less-than':
      return { lo: nonNegative ? 0 : -Infinity, hi: value + tol }
    default:
      return { lo: value - tol, hi: value + tol }
  }
}
