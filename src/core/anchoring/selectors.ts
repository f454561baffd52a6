// Selectors that let a claim find its text again: the W3C TextQuoteSelector (quote + context) and
// TextPositionSelector (offsets). Offsets are UTF-16 code units, i.e. JavaScript string indices.

/** How much context, in UTF-16 code units, is stored on each side of the quote. */
export const CONTEXT_LENGTH = 32

/** W3C TextQuoteSelector. */
export interface TextQuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

/** W3C TextPositionSelector, in UTF-16 code units (W3C counts code points: see code-points.ts). */
export interface TextPositionSelector {
  start: number
  end: number
}

export interface Selectors {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** True when `index` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  )
}

/**
 * Selectors for `text.slice(start, end)`. The range must be non-empty and inside the text; callers
 * normally pass a range from `snapSelection`, which already sits on grapheme boundaries.
 */
export function createSelectors(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid range ${start}..${end} for a text of length ${text.length}`)
  }
  // The context is cut at a fixed length; a cut through a surrogate pair would store half a character
  // (a lone surrogate), which is not valid Unicode once serialised, so such a cut gives up one code unit.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd)
    },
    position: { start, end }
  }
}
