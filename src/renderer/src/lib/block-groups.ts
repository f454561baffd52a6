import type { Block } from '../../../core/model'

/** A run of consecutive blocks, [from, to) by index, drawn in one paint-contained box. */
export interface BlockGroup {
  from: number
  to: number
}

// Why groups: with any highlight registered, Chromium re-checks its markers on every frame that changes anything,
// and repaints (and recomputes the ink overflow of) the whole box holding the text. Boxes of paint containment
// bound that work to the group in view: at 1 MB, a frame with a change drops from ~10 ms to ~2.5 ms. And a group
// off screen is not laid out at all (content-visibility: auto), so a 5 MB article opens in the time of its first
// screens, not of all of them.
export const GROUP_BLOCKS = 64
export const GROUP_CHARS = 16_000

const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * The article's blocks cut into groups of at most about GROUP_BLOCKS blocks or GROUP_CHARS characters. A group
 * never starts at a heading (but the first): a contained box keeps its children's margins, so a heading's top
 * margin would add to the paragraph's above it instead of collapsing with it. A block longer than the limit is a
 * group of its own.
 */
export function groupBlocks(blocks: readonly Block[], maxBlocks = GROUP_BLOCKS, maxChars = GROUP_CHARS): BlockGroup[] {
  const groups: BlockGroup[] = []
  let from = 0
  let chars = 0
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    const size = block.end - block.start
    const full = i - from >= maxBlocks || (i > from && chars + size > maxChars)
    if (full && !HEADING.has(block.kind)) {
      groups.push({ from, to: i })
      from = i
      chars = 0
    }
    chars += size
  }
  if (blocks.length > from) groups.push({ from, to: blocks.length })
  return groups
}

/**
 * A first guess at a group's height, in rem, for the box it holds until it is first laid out (the browser then keeps
 * the real one): the scrollbar is about right from the start, and a jump lands about where the thumb says.
 * From the reading column's measure: ~60 characters a line, lines 1.96 rem, 1.23 rem between blocks.
 */
export function estimatedHeightRem(blocks: readonly Block[], group: BlockGroup): number {
  let lines = 0
  for (let i = group.from; i < group.to; i++) lines += Math.ceil(Math.max(1, blocks[i]!.end - blocks[i]!.start) / CHARS_PER_LINE)
  return lines * LINE_REM + (group.to - group.from) * BLOCK_GAP_REM
}
const CHARS_PER_LINE = 60
const LINE_REM = 1.96
const BLOCK_GAP_REM = 1.23
