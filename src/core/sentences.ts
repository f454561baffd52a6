import type { Block } from './model'

export interface Span {
  start: number
  end: number
}

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

// "Mr." "Dr." "Sen." and a lone capital's initial, at the end of a segment: Intl.Segmenter breaks after them, but the
// sentence goes on ("Thank you, Mr. President.", "John F. Kennedy won").
const TITLE_OR_INITIAL = /(?:^|[\s("'“‘])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Rev|Hon|Pres|Supt|Insp|St|Mt|Ft|Jr|Sr|[A-Z])\.$/

// One segmenter for every call (making one costs more than segmenting a paragraph).
let segmenter: Intl.Segmenter | null = null

/**
 * The sentences of text[start, end) (a block, a line), trimmed, as global offsets: what sentence navigation selects,
 * what claim suggestions score. Offsets outside the text are clamped.
 */
export function sentencesIn(text: string, from: number, to: number): Span[] {
  const start = Math.max(0, Math.min(text.length, Math.floor(from)))
  const end = Math.max(start, Math.min(text.length, Math.floor(to)))
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' })
  const spans: Span[] = []
  let previous: Span | null = null
  for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
    const lead = segment.length - segment.trimStart().length
    const trimmed = segment.trim()
    if (!trimmed) continue
    const span = { start: start + index + lead, end: start + index + lead + trimmed.length }
    if (previous && TITLE_OR_INITIAL.test(text.slice(Math.max(previous.start, previous.end - 8), previous.end))) previous.end = span.end
    else spans.push((previous = span))
  }
  return spans
}

/** The sentences of one block, trimmed, as global offsets. Blocks are paragraphs, so this stays cheap. */
export function sentencesOfBlock(text: string, block: Pick<Block, 'start' | 'end'>): Span[] {
  return sentencesIn(text, block.start, block.end)
}

/** The sentences of each block in turn (claim suggestions score these). */
export function sentencesOfBlocks(text: string, blocks: readonly Pick<Block, 'start' | 'end'>[]): Span[] {
  return blocks.flatMap((block) => sentencesIn(text, block.start, block.end))
}
/** The first sentence that starts at or after `offset` (for keyboard selection: "next sentence"). */
export function sentenceAfter(text: string, blocks: readonly Block[], offset: number): Span | null {
  for (const block of blocks) {
    if (block.end <= offset) continue
    const next = sentencesOfBlock(text, block).find((s) => s.start >= offset)
    if (next) return next
  }
  return null
}

/** The last sentence that ends at or before `offset` ("previous sentence"). */
export function sentenceBefore(text: string, blocks: readonly Block[], offset: number): Span | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!
    if (block.start >= offset) continue
    const previous = sentencesOfBlock(text, block).findLast((s) => s.end <= offset)
    if (previous) return previous
  }
  return null
}
