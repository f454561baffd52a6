// A number written in digits ("$294.6 million", "1.2bn", "€3,400", "3 400", "25th"), and the unit after any number.

import type { SpanCursor } from '../decoys'
import { looksLikeIdentifier } from '../decoys'
import { decimalsOf, scaled, type Draft } from '../draft'
import { countNounAfter, currencyBefore, isPeopleNoun, scaleAfter, unitAfter } from '../units'
import { multipleReading } from './multiples'

export function readDigits(region: string, local: number, raw: string, blocked: SpanCursor, from: number): Draft | null {
  let digits = raw
  let end = local + raw.length
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) digits = digits.replace(/,/g, '')
  else if (/^\d{1,3}$/.test(digits)) {
    // Spaces as thousand separators: "3 400", "1 200 000".
    const spaced = /^(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.]\d)(?!\d)/.exec(region.slice(end, end + 40))
    if (spaced) {
      digits += spaced[0].replace(/[ \u00a0\u202f\u2009]/g, '')
      end += spaced[0].length
    }
  } else if (!/^\d+(?:\.\d+)?$/.test(digits)) return null // "1,5", "1.2.3", "14.08.2017"
  if (blocked.meets(from + local, from + end)) return null
  const before = region.slice(Math.max(0, local - 40), local)
  const currency = currencyBefore(before)
  const after = region.slice(end, end + 60)
  if (looksLikeIdentifier(before, after, currency !== null)) return null

  const draft: Draft = {
    start: local - (currency?.length ?? 0),
    coreStart: local - (currency?.length ?? 0),
    end,
    value: 0,
    decimals: decimalsOf(digits),
    scale: 1,
    unit: currency?.value ?? null,
    kind: currency ? 'amount' : 'count',
    word: false,
    noun: null
  }
  // Ordinals: 25th, 1st.
  const ordinal = /^(?:st|nd|rd|th)\b/i.exec(after)
  if (ordinal && draft.decimals === 0 && !currency) {
    draft.value = Number(digits)
    draft.kind = 'rank'
    draft.end += ordinal[0].length
    return draft
  }
  const scale = scaleAfter(after, currency !== null)
  if (scale) {
    draft.scale = scale.value
    draft.end += scale.length
  }
  draft.value = scaled(digits, draft.scale)
  readUnit(region, draft, raw)
  return draft
}

/** The unit after the number (and scale), and the kind it gives; the count noun for counts. */
export function readUnit(region: string, draft: Draft, written: string | null): void {
  const after = region.slice(draft.end, draft.end + 60)
  const unit = unitAfter(after)
  if (unit) {
    if (unit.kind === 'currency') {
      if (!draft.unit) {
        draft.unit = unit.unit
        draft.kind = 'amount'
        draft.end += unit.length
      }
    } else if (unit.kind === 'times' || unit.kind === 'fold' || unit.kind === 'x') {
      const before = region.slice(Math.max(0, draft.coreStart - 40), draft.coreStart)
      const reading = multipleReading(before, after.slice(unit.length), unit.kind)
      draft.end += unit.length
      if (reading && !draft.unit) {
        draft.kind = 'multiple'
        draft.unit = 'times'
        draft.reading = reading.reading
        if (reading.noun) {
          draft.end += reading.noun
          const article = /\ban?\s+$/i.exec(region.slice(Math.max(0, draft.start - 3), draft.start))
          if (article) draft.start -= article[0].length
        }
      } else if (!draft.unit) {
        draft.unit = 'times' // "three times since 2015": a count of occasions
      }
    } else if (!draft.unit) {
      draft.unit = unit.unit
      draft.kind = unit.kind === 'percent' || unit.unit === 'percentage points' ? 'percent' : unit.kind === 'duration' ? 'duration' : unit.kind === 'measure' ? 'amount' : 'count'
      draft.end += unit.length
    }
  }
  if (draft.kind === 'count' && draft.unit === null) {
    const noun = countNounAfter(region.slice(draft.end, draft.end + 60))
    draft.noun = noun
    if (isPeopleNoun(noun)) draft.unit = 'people'
    // A bare four-digit integer from 1000 to 2100 is a year unless a noun says what it counts.
    if (written && /^\d{4}$/.test(written) && draft.scale === 1 && !isPeopleNoun(noun)) {
      const n = Number(written)
      if (n >= 1000 && n <= 2100) {
        draft.kind = 'year'
        draft.noun = null
        draft.unit = null
      }
    }
  }
}

