import type { Block } from '../../../core/model'
import { blockIndexAt } from '../../../core/anchoring/blocks'

/**
 * Maps between the article's global text offsets and the DOM: one element per block, each holding
 * exactly one text node. Global offset ↔ (block, local offset) is a binary search over block starts.
 */
export class TextDom {
  readonly nodes: Text[]
  /** The container's children that hold the blocks (groups of them, or the blocks themselves), with their block range. */
  readonly sections: { element: HTMLElement; from: number; to: number }[] = []

  constructor(
    readonly container: HTMLElement,
    readonly blocks: readonly Block[]
  ) {
    this.nodes = [...container.querySelectorAll<HTMLElement>('[data-block]')].map((element) => {
      if (!element.firstChild) element.append(document.createTextNode(''))
      return element.firstChild as Text
    })
    this.nodes.forEach((node, index) => {
      let element = node.parentElement!
      while (element.parentElement && element.parentElement !== container) element = element.parentElement
      const last = this.sections.at(-1)
      if (last?.element === element) last.to = index + 1
      else this.sections.push({ element, from: index, to: index + 1 })
    })
  }

  /** A Range over [start, end) of the article text; it may span blocks. */
  range(start: number, end: number): Range {
    const range = new Range()
    const from = this.point(start, 'start')
    const to = this.point(end, 'end')
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    return range
  }

  /** The DOM point of a global offset; offsets in the separator between blocks clamp to the nearer block edge. */
  point(offset: number, edge: 'start' | 'end'): { node: Text; offset: number } {
    let index = blockIndexAt(this.blocks, offset)
    let block = this.blocks[index]!
    if (offset > block.end && edge === 'start' && index + 1 < this.blocks.length) block = this.blocks[++index]!
    const local = Math.min(Math.max(offset - block.start, 0), block.end - block.start)
    return { node: this.nodes[index]!, offset: local }
  }

  /** The global offset of a DOM boundary point, or null when it lies outside the article text. */
  offsetOf(node: Node, offset: number): number | null {
    if (node.nodeType === Node.TEXT_NODE) {
      const index = this.nodes.indexOf(node as Text)
      return index < 0 ? null : this.blocks[index]!.start + offset
    }
    if (!this.container.contains(node)) return null
    const element = node as Element
    const blockElement = element.closest?.('[data-block]')
    if (blockElement) {
      const block = this.blocks[Number((blockElement as HTMLElement).dataset.block)]!
      return offset === 0 ? block.start : block.end
    }
    // A point between blocks (in the container, or in a group of blocks): the start of the first block after it.
    const point = new Range()
    point.setStart(element, offset)
    const after = [...element.querySelectorAll<HTMLElement>('[data-block]')].find((block) => point.comparePoint(block, 0) > 0)
    if (after) return this.blocks[Number(after.dataset.block)]!.start
    return this.blocks.at(-1)?.end ?? 0
  }

  /** The current window selection as global offsets, if it lies in the article. */
  selectionOffsets(selection: Selection | null): { start: number; end: number } | null {
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
    const range = selection.getRangeAt(0)
    if (!this.container.contains(range.commonAncestorContainer)) return null
    const start = this.offsetOf(range.startContainer, range.startOffset)
    const end = this.offsetOf(range.endContainer, range.endOffset)
    return start === null || end === null || start === end ? null : { start: Math.min(start, end), end: Math.max(start, end) }
  }

  /** The offset of the character under a point, checked against its box (a caret position alone is ambiguous). */
  characterAt(x: number, y: number): number | null {
    const caret = document.caretPositionFromPoint?.(x, y)
    if (!caret || caret.offsetNode.nodeType !== Node.TEXT_NODE) return null
    const index = this.nodes.indexOf(caret.offsetNode as Text)
    if (index < 0) return null
    const node = this.nodes[index]!
    for (const local of [caret.offset, caret.offset - 1]) {
      if (local < 0 || local >= node.length) continue
      const range = new Range()
      range.setStart(node, local)
      range.setEnd(node, local + 1)
      for (const rect of range.getClientRects()) {
        if (x >= rect.left - 0.5 && x <= rect.right + 0.5 && y >= rect.top - 0.5 && y <= rect.bottom + 0.5) {
          return this.blocks[index]!.start + local
        }
      }
    }
    return null
  }
}
