import type { TextDom } from './text-dom'

/** The class that has a group laid out (and its size remembered) although it is off screen. */
export const LAYING_OUT = 'laying-out'
/** Groups laid out per idle frame: at most ~32,000 characters (lib/block-groups.ts), ~10 ms of layout on a slow machine. */
const GROUPS_PER_FRAME = 2

/**
 * Lays out the article's groups off screen, a few per idle frame, so that the browser remembers each one's real
 * height (`contain-intrinsic-block-size: auto`). A group far off screen is not laid out (content-visibility: auto) and
 * holds a guessed height until then; once every group has been laid out once, the scrollbar, a jump to the end and
 * every position in the article are exact, and the article still never costs a layout of all of it at once.
 * Sets `data-laid-out` on the container when done. Returns what stops it.
 */
export function layOutGroupsWhenIdle(dom: TextDom, guessesRem: readonly number[]): () => void {
  const { container } = dom
  const groups = dom.sections.map((section) => section.element)
  let rescaled = false
  let next = 0
  let batch: HTMLElement[] = []
  let idle = 0
  let frame = 0
  container.removeAttribute('data-laid-out')
  const step = () => {
    if (!rescaled) {
      rescaled = true
      rescaleGuesses(groups, guessesRem)
    }
    // The last batch was laid out in the frame before this idle time: its sizes are remembered.
    for (const group of batch) group.classList.remove(LAYING_OUT)
    batch = []
    while (next < groups.length && batch.length < GROUPS_PER_FRAME) {
      const group = groups[next++]!
      // A group near the screen is laid out already; switching it changes nothing but could disturb a selection there.
      if (skipped(group)) batch.push(group)
    }
    if (batch.length === 0 && next >= groups.length) {
      container.setAttribute('data-laid-out', '')
      performance.mark('factmark:laid-out') // for the benchmark (`npm run bench`)
      return
    }
    for (const group of batch) group.classList.add(LAYING_OUT)
    // Wait for a frame to lay them out, then for idle time.
    frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(step)
    })
  }
  idle = requestIdleCallback(step)
  return () => {
    cancelAnimationFrame(frame)
    cancelIdleCallback(idle)
    for (const group of batch) group.classList.remove(LAYING_OUT)
  }
}

/** Whether the browser skips the group's contents (content-visibility: auto, far off screen): not laid out yet. */
const skipped = (group: HTMLElement) => {
  const child = group.firstElementChild
  return child !== null && !child.checkVisibility({ contentVisibilityAuto: true })
}

/** A group's guessed height, as its style holds it (set through the CSSOM: the policy allows no style attribute). */
export function setGuess(group: HTMLElement, rem: number): void {
  group.style.containIntrinsicBlockSize = `auto ${rem.toFixed(1)}rem`
}

/**
 * The guesses come from a fixed number of characters a line; the fonts on this machine set the real one. The first
 * group laid out (on screen, at least half a screen of text) tells by how much they are off: the others are scaled by it.
 */
function rescaleGuesses(groups: HTMLElement[], guessesRem: readonly number[]): void {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
  const measured = groups.findIndex((group, i) => !skipped(group) && guessesRem[i]! >= 20)
  if (measured < 0) return
  const ratio = groups[measured]!.getBoundingClientRect().height / (guessesRem[measured]! * rem)
  if (!(ratio > 0.2 && ratio < 5) || Math.abs(ratio - 1) < 0.02) return
  groups.forEach((group, i) => {
    if (skipped(group)) setGuess(group, guessesRem[i]! * ratio)
  })
}
