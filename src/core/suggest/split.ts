// Sentences of a text: lines first (one paragraph a line), then sentences within each, as the app's own
// sentence navigation finds them (sentencesOfBlock in ../sentences.ts: Intl.Segmenter, trimmed), with one
// segmenter for the whole article rather than one a block, and a break after a title or an initial
// ("Mr. President", "John F. Kennedy") taken back, so a suggestion is a whole sentence.
import type { Span } from '../sentences'

/** The lines of `text` as spans (line breaks: LF, CRLF, CR, U+2028, U+2029), empty ones included. */
export function linesOf(text: string): Span[] {
  const spans: Span[] = []
  const breaks = /\r\n|[\n\r\u2028\u2029]/g
  let start = 0
  for (const m of text.matchAll(breaks)) {
    spans.push({ start, end: m.index })
    start = m.index + m[0].length
  }
  spans.push({ start, end: text.length })
  return spans
}

// "Mr." "Dr." "Sen." and a lone capital's initial, at the end of a segment
const TITLE_OR_INITIAL = /(?:^|[\s("'“‘])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Rev|Hon|Pres|Supt|Insp|St|Mt|Ft|Jr|Sr|[A-Z])\.$/

let segmenter: Intl.Segmenter | null = null

/** The trimmed Intl.Segmenter sentences of text[start, end), as global offsets (what sentencesOfBlock gives). */
export function segmentSentences(text: string, start: number, end: number): Span[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' })
  const spans: Span[] = []
  for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
    const lead = segment.length - segment.trimStart().length
    const trimmed = segment.trim()
    if (trimmed) spans.push({ start: start + index + lead, end: start + index + lead + trimmed.length })
  }
  return spans
}

/** The trimmed sentences of each block in turn; blocks are clamped to the text and empty ones skipped. */
export function sentencesOfBlocks(text: string, blocks: readonly { start: number; end: number }[]): Span[] {
  const spans: Span[] = []
  for (const block of blocks) {
    const start = Math.max(0, Math.min(text.length, Math.floor(block.start)))
    const end = Math.max(start, Math.min(text.length, Math.floor(block.end)))
    if (end === start) continue
    let previous: Span | null = null
    for (const span of segmentSentences(text, start, end)) {
      if (previous && TITLE_OR_INITIAL.test(text.slice(Math.max(previous.start, previous.end - 8), previous.end))) {
        previous.end = span.end // the same sentence goes on
        continue
      }
      previous = { start: span.start, end: span.end }
      spans.push(previous)
    }
  }
  return spans
}
