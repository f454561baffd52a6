import type { Block } from './model'

export interface Span {
  start: number
  end: number
}

/** The sentences of one block, trimmed, as global offsets. Blocks are paragraphs, so this stays cheap. */
export function sentencesOfBlock(text: string, block: Block, locale?: string): Span[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })
  const spans: Span[] = []
  for (const { segment, index } of segmenter.segment(text.slice(block.start, block.end))) {
    const lead = segment.length - segment.trimStart().length
    const trimmed = segment.trim()
    if (trimmed) spans.push({ start: block.start + index + lead, end: block.start + index + lead + trimmed.length })
  }
  return spans
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
