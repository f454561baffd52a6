import type { Block } from '../model'

/** The block that holds `offset` (blocks are in text order), by binary search; undefined between blocks. */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0
  let hi = blocks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const block = blocks[mid]!
    if (offset < block.start) hi = mid - 1
    else if (offset >= block.end) lo = mid + 1
    else return block
  }
  return undefined
}

/** The item number when `offset` lies in an item of a numbered list (a claim in reference 7 is shown as item 7). */
export function listNumberAt(blocks: readonly Block[], offset: number): number | undefined {
  const block = blockAt(blocks, offset)
  return block?.kind === 'li' ? block.number : undefined
}
