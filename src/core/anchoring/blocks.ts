// Global offset → block: the renderer draws each block as one text node, so a highlight's global
// offsets must be turned into (block, local offset). Blocks are sorted and do not overlap.

/**
 * Index of the last block whose `start <= offset` (binary search), 0 when `offset` lies before the
 * first block, -1 when there are no blocks. An offset in the separator between two blocks maps to
 * the block before it.
 */
export function blockIndexAt(blocks: readonly { start: number; end: number }[], offset: number): number {
  if (blocks.length === 0) return -1
  let lo = 0
  let hi = blocks.length - 1
  while (lo < hi) {
    // Upper middle, so that `lo = mid` always makes progress.
    const mid = (lo + hi + 1) >>> 1
    if (blocks[mid]!.start <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}
