// Finding the quantities of a stretch of text: one linear pass of one regular expression for number cores (digits,
// number words, fractions, multiple verbs, ordinals), each read by its reader (readers/), extended left (sign,
// hedge), then made a quantity. Ranges and alternatives are marked afterwards (ranges.ts).

import type { Q } from './types'
import { blockedSpans, SpanCursor } from './decoys'
import { readOrdinal, type Draft } from './draft'
import { hedgeBefore } from './hedges'
import { normaliseHead } from './heads'
import { CARDINAL_PATTERN, DENOMINATOR_PATTERN, ORDINAL_PATTERN } from './number-words'
import { markRanges } from './ranges'
import { readDigits } from './readers/digits'
import { readMultipleWord } from './readers/multiples'
import { readFraction, readWords } from './readers/words'

const CORE = new RegExp(
  [
    String.raw`(?<digits>\d[\d,.]*\d|\d)`,
    String.raw`(?<frac>\b(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(?:${DENOMINATOR_PATTERN})\b)`,
    String.raw`(?<mult>\b(?:doubled|doubling|doubles|tripled|tripling|triples|trebled|quadrupled|halved|halving|twice|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)-?fold)\b)`,
    String.raw`(?<words>\b(?:an?\s+)?(?:${CARDINAL_PATTERN})(?:(?:(?<=hundred|thousand|million|billion)\s+and\s+|[\s-]+)(?:${CARDINAL_PATTERN}))*\b)`,
    String.raw`(?<ord>\b(?:${ORDINAL_PATTERN})\b)`
  ].join('|'),
  'gi'
)

/**
 * The quantities of `text[from, to)` (one paragraph or line), in text order. Relations use the extra fields of Q;
 * the sentence and subject fields are filled in by the annotation (annotate.ts).
 */
export function scanQuantities(text: string, from: number, to: number): Q[] {
  const region = text.slice(from, to)
  const blocked = new SpanCursor(blockedSpans(text, from, to))
  const found: Q[] = []
  const re = CORE
  re.lastIndex = 0
  for (let m = re.exec(region); m; m = re.exec(region)) {
    const groups = m.groups!
    const local = m.index
    const matched = m[0]
    const draft = groups.digits
      ? readDigits(region, local, groups.digits, blocked, from)
      : groups.frac
        ? readFraction(region, local, groups.frac)
        : groups.mult
          ? readMultipleWord(region, local, groups.mult)
          : groups.words
            ? readWords(region, local, groups.words)
            : readOrdinal(local, groups.ord!)
    if (!draft) continue
    // Never let the next match start inside what this one consumed ("2.5 million": "million" is not a number word).
    if (draft.end > local + matched.length) re.lastIndex = draft.end
    const previousEnd = found.length ? found[found.length - 1]!.end - from : -1
    finishLeft(region, draft, previousEnd)
    found.push(toQuantity(region, draft, from))
  }
  markRanges(text, found)
  return found
}

const NEGATIVE_BEFORE = /(?:^|[\s(\[])([-−–]|minus\s+)$/i

/** A sign and a hedge before the number (the currency sign is already part of it). */
function finishLeft(region: string, draft: Draft, previousEnd: number): void {
  const before = region.slice(Math.max(0, draft.start - 8), draft.start)
  const negative = /[-−–]$|minus\s+$/i.test(before) ? NEGATIVE_BEFORE.exec(before) : null
  // A minus right after another number is a range ("10-12"), not a sign.
  if (negative && !/\d\s*[-−–]$/.test(before) && draft.kind !== 'year' && draft.kind !== 'rank') {
    draft.value = -draft.value
    draft.start -= negative[1]!.length
  }
  if (draft.kind === 'year' || draft.kind === 'rank') return
  const hedgeText = region.slice(Math.max(0, draft.start - 40), draft.start)
  const hedge = hedgeBefore(hedgeText)
  if (!hedge) return
  const phrase = hedgeText.slice(hedgeText.length - hedge.length)
  const hedgeStart = draft.start - phrase.trimStart().length
  // "12% more than $40 million", "three times as much as": a comparison right after another number, not a hedge.
  if (previousEnd > hedgeStart) return
  if (previousEnd >= 0 && /^\s*$/.test(region.slice(previousEnd, hedgeStart))) return
  draft.hedge = hedge.hedge
  draft.start = hedgeStart
}

function toQuantity(region: string, draft: Draft, from: number): Q {
  const unitTolerance = 0.5 * 10 ** -draft.decimals * draft.scale
  let tol = draft.tol ?? unitTolerance
  // Counts of whole things written without a scale are exact: "37 people" is 37, not 36.5 to 37.5.
  if (draft.tol === undefined && draft.kind === 'count' && draft.scale === 1 && draft.decimals === 0 && draft.unit !== 'points') tol = 0
  const q: Q = {
    start: from + draft.start,
    end: from + draft.end,
    text: region.slice(draft.start, draft.end),
    value: draft.value,
    unit: draft.unit,
    scale: draft.scale,
    hedge: draft.hedge ?? null,
    kind: draft.kind,
    coreStart: from + draft.coreStart,
    tol,
    range: false,
    elliptic: draft.kind === 'count' && draft.unit === null && draft.noun === null,
    word: draft.word,
    sentence: 0,
    earlier: false,
    baseLike: false,
    heads: draft.noun ? [normaliseHead(draft.noun)] : []
  }
  if (draft.reading) q.reading = draft.reading
  if (draft.noun) {
    q.subject = draft.noun
    q.noun = draft.noun
  }
  return q
}

