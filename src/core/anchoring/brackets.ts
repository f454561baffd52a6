// Where the claim's stored context still stands, whatever is now between its two sides. If the
// prefix and the suffix are found close together near the old position, that is where the claim
// was; when the words between them no longer resemble the quote (rewritten or deleted), a look-alike
// of the quote elsewhere must not be taken for the claim. One side alone, found near the old place,
// is weaker evidence of the same.

import { NEARBY_RADIUS, nearest, searchInRounds } from './matches'

/** A stored side shorter than this (a quote at the very start or end of the text) is not searched for. */
export const MIN_BRACKET_SIDE = 8
/** Errors allowed when looking for a side of the context, as a share of its length. */
export const CONTEXT_ERROR_RATIO = 0.25
/** At most this many brackets are returned, the nearest to the old position. */
const MAX_BRACKETS = 20

export interface Bracket {
  start: number
  end: number
  /** 2: `[end of a prefix match, start of a suffix match)`; 1: one side found, the other assumed a quote's length away. */
  sides: 1 | 2
}

/**
 * Ranges `[end of a prefix match, start of a suffix match)` near `near`, at most `2·quoteLength + 16`
 * long (the quote may have grown or shrunk; an empty range is a quote deleted outright); and, for
 * each side found without the other, the quote-long range next to it.
 */
export function contextBrackets(
  text: string,
  prefix: string,
  suffix: string,
  quoteLength: number,
  near: number
): Bracket[] {
  if (prefix.length < MIN_BRACKET_SIDE || suffix.length < MIN_BRACKET_SIDE) return []
  const radius = NEARBY_RADIUS + quoteLength
  const from = Math.max(0, near - radius)
  const to = Math.min(text.length, near + quoteLength + radius)
  const errors = (side: string) => Math.ceil(side.length * CONTEXT_ERROR_RATIO)
  const ends = searchInRounds(text, prefix, errors(prefix), 2, near, from, to).map((m) => m.end)
  const starts = searchInRounds(text, suffix, errors(suffix), 2, near + quoteLength, from, to).map((m) => m.start)
  const maxGap = 2 * quoteLength + 16
  const brackets: Bracket[] = []
  const seen = new Set<string>()
  const paired = new Set<number>()
  // The two approximate matches may share a character or two (a space the deletion left behind):
  // such a pair is an empty bracket at the prefix's end.
  const overlap = Math.min(errors(prefix), errors(suffix))
  for (const start of ends) {
    for (const end of starts) {
      if (end < start - overlap || end - start > maxGap) continue
      paired.add(start).add(-1 - end)
      const key = `${start}:${Math.max(start, end)}`
      if (seen.has(key)) continue
      seen.add(key)
      brackets.push({ start, end: Math.max(start, end), sides: 2 })
    }
  }
  for (const start of ends) {
    if (!paired.has(start)) brackets.push({ start, end: Math.min(text.length, start + quoteLength), sides: 1 })
  }
  for (const end of starts) {
    if (!paired.has(-1 - end)) brackets.push({ start: Math.max(0, end - quoteLength), end, sides: 1 })
  }
  return nearest(brackets, (b) => b.start, near, MAX_BRACKETS)
}
