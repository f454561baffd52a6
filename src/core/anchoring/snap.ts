// A user's selection, normalised before it becomes a claim: ordered, clamped, without surrounding
// white space, and never cutting a user-perceived character (grapheme cluster) in half, so that an
// emoji family, a flag or a letter with its combining marks is kept whole.

/** JavaScript's \s plus Unicode White_Space (which adds U+0085); all of these are single code units. */
const WHITE_SPACE = /[\s\p{White_Space}]/u

let segmenter: Intl.Segmenter | undefined
const graphemes = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }))

/**
 * Characters around which Unicode's grapheme rules never join anything by themselves: ASCII and
 * Latin-1, Latin Extended, Greek, Cyrillic, general punctuation, CJK punctuation, kana, CJK
 * ideographs, Hangul syllables. None is Prepend, Extend, SpacingMark, ZWJ, a regional indicator or a
 * Hangul jamo (combining marks such as U+0300–U+036F, U+0483–U+0489, U+302A–U+302F are left out).
 */
function isSimple(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0x24f) ||
    (code >= 0x370 && code <= 0x482) ||
    (code >= 0x48a && code <= 0x52f) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x205e) ||
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a0 && code <= 0x30ff) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7a3)
  )
}

/**
 * Code units that may continue the cluster before them (Extend, ZWJ, SpacingMark): marks, format
 * characters, Thai/Lao SARA AM, halfwidth kana voicing marks, and any surrogate (emoji modifiers and
 * tag characters are astral). Conservative: anything listed here just makes the scan go on.
 */
const MAY_EXTEND = /[\p{M}\p{Cf}\u0e33\u0eb3\uff9e\uff9f\ud800-\udfff]/u

/**
 * Whether a grapheme boundary is certain at `index` from its two neighbours alone: after LF or a lone
 * CR, before CR or LF (GB4, GB5), or after a "simple" character when the next one cannot extend it.
 * Segmenting from one certain boundary to the next gives the same clusters as segmenting the whole text.
 */
function isCertainBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true
  const prev = text.charCodeAt(index - 1)
  const next = text.charCodeAt(index)
  if (prev === 0x0d) return next !== 0x0a
  if (prev === 0x0a || next === 0x0a || next === 0x0d) return true
  return isSimple(prev) && !MAY_EXTEND.test(text[index]!)
}

/**
 * The grapheme cluster containing the code unit at `index` (0 <= index < text.length). Only the
 * stretch between the nearest certain boundaries is segmented (usually a few characters; at worst the
 * line, since a line break is always a boundary), so this stays cheap on a 1 MB article.
 */
export function graphemeAt(text: string, index: number): { start: number; end: number } {
  let from = index
  while (!isCertainBoundary(text, from)) from--
  let to = index + 1
  while (!isCertainBoundary(text, to)) to++
  const segment = graphemes().segment(text.slice(from, to)).containing(index - from)
  if (!segment) return { start: index, end: index + 1 }
  const start = from + segment.index
  return { start, end: start + segment.segment.length }
}

/** Whether `index` falls between two user-perceived characters (never inside a surrogate pair, a flag, an emoji). */
export function isGraphemeBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return index === 0 || index === text.length
  return isCertainBoundary(text, index) || graphemeAt(text, index).start === index
}

/**
 * Normalise a selection: order and clamp the ends, trim white space (including line breaks and NBSP)
 * on both sides, then grow outward to whole grapheme clusters. Null when nothing but white space (or
 * nothing at all) was selected.
 */
export function snapSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null
  let s = Math.min(Math.max(0, Math.trunc(Math.min(start, end))), text.length)
  let e = Math.min(Math.max(0, Math.trunc(Math.max(start, end))), text.length)
  while (s < e && WHITE_SPACE.test(text[s]!)) s++
  while (e > s && WHITE_SPACE.test(text[e - 1]!)) e--
  if (s === e) return null
  return { start: graphemeAt(text, s).start, end: graphemeAt(text, e - 1).end }
}
