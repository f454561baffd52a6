import { snapSelection } from '../../../core/anchoring/snap'
import type { Span } from '../../../core/sentences'
import type { HighlightPainter } from '../lib/highlights'
import type { TextDom } from '../lib/text-dom'

/** The reading column's live parts, shared by the toolbar, the shortcuts and the context menu. */
class Reader {
  dom = $state.raw<TextDom | null>(null)
  painter = $state.raw<HighlightPainter | null>(null)
  /** The user's current text selection in the article, snapped to whole characters and trimmed. */
  selection = $state.raw<Span | null>(null)
  scroller = $state.raw<HTMLElement | null>(null)

  /** The selection as it is in the DOM right now (the `selection` field follows it a task later, on selectionchange). */
  currentSelection(text: string): Span | null {
    const raw = this.dom?.selectionOffsets(window.getSelection())
    return raw ? snapSelection(text, raw.start, raw.end) : null
  }

  /** Selects [start, end) of the article text in the window, as if the user had dragged over it. */
  selectText(span: Span): void {
    if (!this.dom) return
    const range = this.dom.range(span.start, span.end)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    this.selection = span
    this.reveal(range)
  }

  clearSelection(): void {
    window.getSelection()?.removeAllRanges()
    this.selection = null
  }

  /** Scrolls the reading column so that `range` is comfortably in view. */
  reveal(range: Range | undefined): void {
    const scroller = this.scroller
    if (!range || !scroller) return
    const rect = range.getBoundingClientRect()
    const box = scroller.getBoundingClientRect()
    if (rect.top >= box.top + 40 && rect.bottom <= box.bottom - 40) return
    scroller.scrollBy({ top: rect.top - box.top - box.height / 3 })
  }
}

export const reader = new Reader()
