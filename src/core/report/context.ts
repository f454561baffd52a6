// A claim's quote with a little of the text around it, for reports that show claims on their own. The context
// stays inside the claim's paragraph and is cut at word boundaries (Intl.Segmenter knows where words end in
// scripts written without spaces, and never cuts through a grapheme such as an emoji sequence).

import type { Claim } from '../model'
import { inCurrentText } from './standing'

export interface QuoteContext {
  before: string
  exact: string
  after: string
  /** The paragraph goes on beyond `before` / `after` (show an ellipsis). */
  moreBefore: boolean
  moreAfter: boolean
  /**
   * Where `before` begins and `after` ends in the text, when they were taken from it (so that `before` is the
   * flattened `text.slice(from, position.start)`); absent when they are the stored context of an earlier text.
   */
  from?: number
  to?: number
}

/** Stored prefixes and suffixes are this long (or a code unit shorter at a surrogate pair) unless the text ended. */
const STORED_CONTEXT = 31

const words = new Intl.Segmenter('und', { granularity: 'word' })
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

function boundaries(text: string, segmenter: Intl.Segmenter): number[] {
  return [...segmenter.segment(text)].map((s) => s.index).concat(text.length)
}

/**
 * Only the text near the cut is segmented: a paragraph can be thousands of characters long, and a report of ten
 * thousand claims cuts two contexts each. Where a word breaks depends only on the characters close to it, so the
 * boundaries found in the window (past its made-up edges) are the paragraph's own; when none is, the whole is used.
 */
const WINDOW = 256
const EDGE = 32
/**
 * What makes a window unsafe: regional indicators (flags pair up from the start of their run, however long) and a
 * window that starts on a mark or joiner (which belongs to the character before it).
 */
const NEEDS_WHOLE = /[\u{1F1E6}-\u{1F1FF}]|^[\p{M}\p{Cf}]/u

/** The segments of `text.slice(offset, until)`; null when only the whole text can tell where its words break. */
function windowSegments(text: string, offset: number, until: number): Intl.Segments | null {
  const window = text.slice(offset, until)
  if (offset > 0 && NEEDS_WHOLE.test(window)) return null
  return words.segment(window)
}

/**
 * The word boundary at or after `at` (an offset into the segmented string), found with `containing` rather than by
 * listing every segment: ten thousand claims ask this twice each, and listing made the report take seconds.
 */
function boundaryAtOrAfter(segments: Intl.Segments, at: number): number | undefined {
  const segment = segments.containing(at)
  if (!segment) return undefined
  return segment.index === at ? at : segment.index + segment.segment.length
}

/** The first word boundary at or after `from` (failing that, a grapheme boundary). */
export function startAtBoundary(text: string, from: number): number {
  const offset = Math.max(0, from - EDGE)
  const until = Math.min(text.length, from + WINDOW)
  const near = windowSegments(text, offset, until)
  const found = near && from < text.length ? boundaryAtOrAfter(near, from - offset) : undefined
  const atWord = found === undefined ? undefined : found + offset
  if (atWord !== undefined && atWord < text.length && (atWord < until || until === text.length)) return atWord
  return boundaries(text, words).find((b) => b >= from && b < text.length) ?? boundaries(text, graphemes).find((b) => b >= from) ?? text.length
}

/** The last word boundary at or before `to`, past the first word (failing that, a grapheme boundary). */
export function endAtBoundary(text: string, to: number): number {
  const offset = Math.max(0, to - WINDOW)
  const near = windowSegments(text, offset, Math.min(text.length, to + EDGE))
  // The end of the text is a boundary; otherwise the start of the word `to` is in (or `to` itself).
  const found = !near ? undefined : to >= text.length ? text.length : (near.containing(to - offset)?.index ?? NaN) + offset
  if (found !== undefined && found > 0 && found <= to && (found > offset || offset === 0)) return found
  return boundaries(text, words).filter((b) => b > 0 && b <= to).pop() ?? boundaries(text, graphemes).filter((b) => b <= to).pop() ?? 0
}

/**
 * Word boundaries of one paragraph, segmented once for all the claims in it (a report asks for two cuts per claim,
 * and each segmentation costs more than the lookups). Only paragraphs short enough for quick lookups are kept.
 */
const PARAGRAPH_SEGMENTED = 4096
let lastParagraph: { text: string; start: number; end: number; segments: Intl.Segments | null } | null = null

function paragraphSegments(text: string, start: number, end: number): Intl.Segments | null {
  if (lastParagraph?.text === text && lastParagraph.start === start && lastParagraph.end === end) return lastParagraph.segments
  const paragraph = text.slice(start, end)
  // Its start is the text's or a line's, a real edge: flags and marks pair up there as in the whole text.
  const segments = paragraph.length <= PARAGRAPH_SEGMENTED ? words.segment(paragraph) : null
  lastParagraph = { text, start, end, segments }
  return segments
}

/**
 * Where to cut the paragraph's text before a claim (`from` on, up to the claim at `limit`) and after it (up to `to`,
 * from the claim's end at `limit`), from the paragraph's own boundaries. A boundary within EDGE of the claim is
 * left to the slice's own segmentation (the slice ends there, and its last word may break differently).
 */
function cutBefore(text: string, paragraph: [number, number], from: number, limit: number): number {
  const segments = paragraphSegments(text, ...paragraph)
  const at = segments ? boundaryAtOrAfter(segments, from - paragraph[0]) : undefined
  if (at !== undefined && at + paragraph[0] <= limit - EDGE) return at + paragraph[0]
  const before = text.slice(paragraph[0], limit)
  return paragraph[0] + startAtBoundary(before, from - paragraph[0])
}

function cutAfter(text: string, paragraph: [number, number], to: number, limit: number): number {
  const segments = paragraphSegments(text, ...paragraph)
  const at = segments?.containing(to - paragraph[0])?.index
  if (at !== undefined && at + paragraph[0] >= limit + EDGE) return at + paragraph[0]
  const after = text.slice(limit, paragraph[1])
  return limit + endAtBoundary(after, to - limit)
}

const flat = (text: string): string => text.replace(/\s+/g, ' ')

/**
 * The quote with up to about `width` characters of its paragraph on each side. When the stored position no
 * longer selects the quote (the text changed), or the claim was not found in the current text, the stored
 * prefix and suffix stand in for the text around it: they belong to it, the current text there does not.
 */
export function quoteInContext(text: string, claim: Pick<Claim, 'quote' | 'position' | 'anchor'>, width = 80): QuoteContext {
  const { exact } = claim.quote
  const { start, end } = claim.position
  let before: string
  let after: string
  let moreBefore: boolean
  let moreAfter: boolean
  const fromText = inCurrentText(text, claim)
  if (fromText) {
    const paragraphStart = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1
    const newline = text.indexOf('\n', end)
    const paragraph: [number, number] = [paragraphStart, newline === -1 ? text.length : newline]
    const from = start - paragraphStart > width ? cutBefore(text, paragraph, start - width, start) : paragraphStart
    const to = paragraph[1] - end > width ? cutAfter(text, paragraph, end + width, end) : paragraph[1]
    before = text.slice(from, start)
    after = text.slice(end, to)
    moreBefore = from > paragraphStart
    moreAfter = to < paragraph[1]
  } else {
    before = claim.quote.prefix.slice(claim.quote.prefix.lastIndexOf('\n') + 1)
    const newline = claim.quote.suffix.indexOf('\n')
    after = newline === -1 ? claim.quote.suffix : claim.quote.suffix.slice(0, newline)
    // A full-length stored side was cut at a fixed length, probably inside a word.
    moreBefore = before.length === claim.quote.prefix.length && before.length >= STORED_CONTEXT
    moreAfter = after.length === claim.quote.suffix.length && after.length >= STORED_CONTEXT
    if (moreBefore) before = before.slice(startAtBoundary(before, 1))
    if (moreAfter) after = after.slice(0, endAtBoundary(after, after.length - 1))
    if (before.length > width) {
      before = before.slice(startAtBoundary(before, before.length - width))
      moreBefore = true
    }
    if (after.length > width) {
      after = after.slice(0, endAtBoundary(after, width))
      moreAfter = true
    }
  }
  if (moreBefore) before = before.trimStart()
  if (moreAfter) after = after.trimEnd()
  return {
    before: flat(before),
    exact: flat(exact),
    after: flat(after),
    moreBefore,
    moreAfter,
    ...(fromText ? { from: start - before.length, to: end + after.length } : {})
  }
}
