// How well the stored context (prefix / suffix) agrees with the text around a candidate match.
// Edit distance rather than an exact common run, so that one typo right next to the quote costs one
// character of agreement instead of all of it.

import { anchoredDistance } from './edit-distance'
import { CONTEXT_LENGTH } from './selectors'

/** Stand-ins for "the text starts / ends here", so that a quote stored at the very start keeps that fact. */
const TEXT_START = '\u0002'
const TEXT_END = '\u0003'

/**
 * Similarity of two unrelated stretches of prose under this measure (measured on English-like text:
 * median 0.28, 90th percentile 0.38, 99th 0.5). Scores are rescaled so that this level counts as no
 * agreement at all.
 */
export const CHANCE_SIMILARITY = 0.45

export interface ContextAgreement {
  /** 0..1, rescaled so that unrelated context scores about 0 and identical context 1. */
  prefix: number
  suffix: number
  /** Characters of agreeing context, both sides together: prefix·|prefix| + suffix·|suffix|. */
  chars: number
  /** Characters of stored context, both sides together (what `chars` can reach). */
  stored: number
}

const reverse = (s: string): string => s.split('').reverse().join('')

function rescale(similarity: number): number {
  return Math.max(0, (similarity - CHANCE_SIMILARITY) / (1 - CHANCE_SIMILARITY))
}

function similarity(stored: string, actual: string): number {
  if (stored.length === 0) return 1
  return rescale(1 - anchoredDistance(stored, actual) / stored.length)
}

/**
 * Agreement of the stored `prefix`/`suffix` with the text before `start` and after `end`. A stored
 * side shorter than the usual context means the text began (ended) there; that is compared as well,
 * unless `edges` is false (context another tool stored, which may simply be shorter than ours).
 */
export function contextAgreement(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
  edges = true
): ContextAgreement {
  // A shorter side may also come from giving up half a surrogate pair at the cut, hence the - 1.
  const storedPrefix = edges && prefix.length < CONTEXT_LENGTH - 1 ? TEXT_START + prefix : prefix
  const storedSuffix = edges && suffix.length < CONTEXT_LENGTH - 1 ? suffix + TEXT_END : suffix
  // Some slack beyond the stored length lets the alignment absorb text inserted next to the quote.
  const slackBefore = storedPrefix.length + (storedPrefix.length >> 1)
  const slackAfter = storedSuffix.length + (storedSuffix.length >> 1)
  const beforeFrom = Math.max(0, start - slackBefore)
  const afterTo = Math.min(text.length, end + slackAfter)
  const before = (beforeFrom === 0 ? TEXT_START : '') + text.slice(beforeFrom, start)
  const after = text.slice(end, afterTo) + (afterTo === text.length ? TEXT_END : '')
  const p = similarity(reverse(storedPrefix), reverse(before))
  const s = similarity(storedSuffix, after)
  return {
    prefix: p,
    suffix: s,
    chars: p * storedPrefix.length + s * storedSuffix.length,
    stored: storedPrefix.length + storedSuffix.length
  }
}
