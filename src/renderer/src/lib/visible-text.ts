import type { TextDom } from './text-dom'

export interface TextWindow {
  start: number
  end: number
}

/**
 * The part of the article text shown in `scroller`, widened by `screens` screen heights above and below: from the start
 * of the first block that reaches into it to the end of the last. A binary search over the blocks' boxes (a few reads
 * of layout that is already done, even for 100,000 blocks).
 */
export function visibleText(dom: TextDom, scroller: HTMLElement, screens: number): TextWindow {
  const { blocks, nodes } = dom
  if (blocks.length === 0) return { start: 0, end: 0 }
  const view = scroller.getBoundingClientRect()
  const top = view.top - screens * view.height
  const bottom = view.bottom + screens * view.height
  const box = (i: number) => nodes[i]!.parentElement!.getBoundingClientRect()
  // The first block whose bottom is below `top`, and the last whose top is above `bottom`.
  let lo = 0
  let hi = blocks.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (box(mid).bottom < top) lo = mid + 1
    else hi = mid
  }
  const first = lo
  lo = first
  hi = blocks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (box(mid).top > bottom) hi = mid - 1
    else lo = mid
  }
  return { start: blocks[first]!.start, end: blocks[lo]!.end }
}

export const within = (inner: TextWindow, outer: TextWindow) => inner.start >= outer.start && inner.end <= outer.end
