// UTF-16 code units ↔ Unicode code points. Factmark stores JavaScript string indices (code units);
// the W3C TextPositionSelector counts code points, so exports convert. A well-formed surrogate pair
// is one code point; a lone surrogate counts as one code point too (as `Array.from(string)` does).
// Offsets outside the text are clamped to it.

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

function clamp(value: number, max: number): number {
  return Math.min(Math.max(0, Math.trunc(value)), max)
}

/**
 * Number of code points in `text.slice(0, utf16Offset)`. An offset between the halves of a pair
 * counts the (then lone) high surrogate, so it maps to the code point after that character.
 */
export function toCodePoints(text: string, utf16Offset: number): number {
  const end = clamp(utf16Offset, text.length)
  let count = 0
  for (let i = 0; i < end; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) i++
    count++
  }
  return count
}

/** The UTF-16 offset just after the first `codePointOffset` code points of `text`. */
export function fromCodePoints(text: string, codePointOffset: number): number {
  const target = Math.max(0, Math.trunc(codePointOffset))
  let i = 0
  for (let count = 0; count < target && i < text.length; count++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i += 2
    else i += 1
  }
  return i
}

export interface CodePointConverter {
  toCodePoints(utf16Offset: number): number
  fromCodePoints(codePointOffset: number): number
}

/**
 * Same conversions as `toCodePoints`/`fromCodePoints` for many offsets into one (large) text: one
 * linear pass records where the surrogate pairs are, then each conversion is a binary search over
 * them, O(log p) for p astral characters (O(1) when there are none, the common case).
 */
export function codePointConverter(text: string): CodePointConverter {
  // pairs[i] = code-unit index of the i-th surrogate pair; it is code point number pairs[i] - i.
  const pairs: number[] = []
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs.push(i)
      i++
    }
  }
  const length = text.length
  const totalCodePoints = length - pairs.length

  // Number of indices k with pred(k), for a predicate that holds on a prefix of `pairs`.
  const countWhile = (pred: (k: number) => boolean): number => {
    let lo = 0
    let hi = pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (pred(mid)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  return {
    toCodePoints(utf16Offset) {
      const o = clamp(utf16Offset, length)
      // Each pair wholly before `o` saves one; a pair cut by `o` still counts its high half as one.
      return o - countWhile((k) => pairs[k]! + 2 <= o)
    },
    fromCodePoints(codePointOffset) {
      const c = clamp(codePointOffset, totalCodePoints)
      // Each pair that starts before code point `c` adds one code unit.
      return c + countWhile((k) => pairs[k]! - k < c)
    }
  }
}
