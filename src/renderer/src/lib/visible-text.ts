import type { TextDom } from './text-dom'

export interface TextWindow {
  start: number
  end: number
}

/**
 * The part of the article text shown in `scroller`, widened by `screens` screen heights above and below: from the start
 * of the first block that reaches into it to the end of the last. A binary search over the groups' boxes, then over
 * the blocks of the first and last group: a few reads of layout that is already done, even for 100,000 blocks, and
 * none inside a group far off screen (which the browser would have to lay out to answer).
 */
export function visibleText(dom: TextDom, scroller: HTMLElement, screens: number): TextWindow {
  const { blocks, nodes, sections } = dom
  if (blocks.length === 0) return { start: 0, end: 0 }
  const view = scroller.getBoundingClientRect()
  const top = view.top - screens * view.height
  const bottom = view.bottom + screens * view.height
  const sectionBox = (i: number) => sections[i]!.element.getBoundingClientRect()
  const blockBox = (i: number) => nodes[i]!.parentElement!.getBoundingClientRect()
  const firstSection = sections[firstBelow(0, sections.length - 1, (i) => sectionBox(i).bottom >= top)]!
  const lastSection = sections[lastAbove(0, sections.length - 1, (i) => sectionBox(i).top <= bottom)]!
  const first = firstBelow(firstSection.from, firstSection.to - 1, (i) => blockBox(i).bottom >= top)
  const last = lastAbove(Math.max(first, lastSection.from), lastSection.to - 1, (i) => blockBox(i).top <= bottom)
  return { start: blocks[first]!.start, end: blocks[Math.max(first, last)]!.end }
}

/** The first index in [lo, hi] where `reached` holds (it holds from some index on), or hi. */
function firstBelow(lo: number, hi: number, reached: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (reached(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The last index in [lo, hi] where `holds` (it holds up to some index), or lo. */
function lastAbove(lo: number, hi: number, holds: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (holds(mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

export const within = (inner: TextWindow, outer: TextWindow) => inner.start >= outer.start && inner.end <= outer.end
