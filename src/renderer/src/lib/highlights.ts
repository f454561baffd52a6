import { VERDICTS, type Claim, type Verdict } from '../../../core/model'
import { overlapSegments } from '../../../core/anchoring/overlaps'
import type { Span } from '../../../core/sentences'
import type { TextDom } from './text-dom'

export const highlightName = (verdict: Verdict) => `fm-${verdict}`
export const OVERLAP_HIGHLIGHT = 'fm-overlap'
export const SELECTED_HIGHLIGHT = 'fm-selected'

interface Drawn {
  verdict: Verdict
  start: number
  end: number
  range: Range | null
  /** Whether its range is in its verdict's Highlight right now. */
  registered: boolean
}

/**
 * Draws claims with the CSS Custom Highlight API: one Highlight per verdict, one for text that two or more
 * claims cover, one for the selected claim. The article DOM is never touched. Updates are incremental: a
 * changed claim moves one Range between Highlights.
 *
 * Chromium's cost for every frame grows with the number of registered ranges, even off-screen ones (about 80 ms
 * a frame at 10,000; see bench/results.md). So a window can be set: then only claims in or near it are registered,
 * and the window follows the scroll. Without a window, every claim is registered.
 */
export class HighlightPainter {
  readonly #byVerdict = new Map<Verdict, Highlight>()
  readonly #overlap = new Highlight()
  readonly #selected = new Highlight()
  readonly #drawn = new Map<string, Drawn>()
  readonly #overlapRanges = new Map<string, Range>()
  #segments: Span[] = []
  #window: Span | null = null

  constructor(private readonly dom: TextDom) {
    for (const verdict of VERDICTS) {
      const highlight = new Highlight()
      highlight.priority = 0
      this.#byVerdict.set(verdict, highlight)
      CSS.highlights.set(highlightName(verdict), highlight)
    }
    this.#overlap.priority = 1
    this.#selected.priority = 2
    CSS.highlights.set(OVERLAP_HIGHLIGHT, this.#overlap)
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.#selected)
  }

  /** Brings the highlights in line with `claims` (in article order). */
  sync(claims: readonly Claim[], selectedId: string | null): void {
    const seen = new Set<string>()
    let positionsChanged = false
    for (const claim of claims) {
      if (claim.anchor?.status === 'orphaned') continue // not in this text: listed, not drawn
      seen.add(claim.id)
      const { start, end } = claim.position
      let drawn = this.#drawn.get(claim.id)
      if (drawn && (drawn.start !== start || drawn.end !== end)) {
        this.#unregister(drawn)
        this.#drawn.delete(claim.id)
        drawn = undefined
      }
      if (!drawn) {
        drawn = { verdict: claim.verdict, start, end, range: null, registered: false }
        this.#drawn.set(claim.id, drawn)
        positionsChanged = true
      } else if (drawn.verdict !== claim.verdict) {
        this.#unregister(drawn)
        drawn.verdict = claim.verdict
      }
      this.#place(drawn)
    }
    for (const [id, drawn] of this.#drawn) {
      if (seen.has(id)) continue
      this.#unregister(drawn)
      this.#drawn.delete(id)
      positionsChanged = true
    }
    if (positionsChanged) this.#segments = overlapSegments(claims.filter((c) => c.anchor?.status !== 'orphaned').map((c) => c.position))
    this.#paintOverlaps()
    this.#selected.clear()
    const selected = selectedId ? this.rangeOf(selectedId) : undefined
    if (selected) this.#selected.add(selected)
  }

  /** Registers only the claims that touch `window` (null: all). */
  setWindow(window: Span | null): void {
    this.#window = window
    for (const drawn of this.#drawn.values()) this.#place(drawn)
    this.#paintOverlaps()
  }

  rangeOf(claimId: string): Range | undefined {
    const drawn = this.#drawn.get(claimId)
    if (!drawn) return undefined
    drawn.range ??= this.dom.range(drawn.start, drawn.end)
    return drawn.range
  }

  destroy(): void {
    for (const verdict of VERDICTS) CSS.highlights.delete(highlightName(verdict))
    CSS.highlights.delete(OVERLAP_HIGHLIGHT)
    CSS.highlights.delete(SELECTED_HIGHLIGHT)
  }

  #inWindow(span: Span): boolean {
    return !this.#window || (span.end > this.#window.start && span.start < this.#window.end)
  }

  #place(drawn: Drawn): void {
    const wanted = this.#inWindow(drawn)
    if (wanted && !drawn.registered) {
      drawn.range ??= this.dom.range(drawn.start, drawn.end)
      this.#byVerdict.get(drawn.verdict)!.add(drawn.range)
      drawn.registered = true
    } else if (!wanted && drawn.registered) {
      this.#unregister(drawn)
    }
  }

  #unregister(drawn: Drawn): void {
    if (drawn.registered && drawn.range) this.#byVerdict.get(drawn.verdict)!.delete(drawn.range)
    drawn.registered = false
  }

  /** Only the overlap segments that changed (or entered or left the window) are removed or added. */
  #paintOverlaps(): void {
    const next = new Map<string, Span>()
    for (const segment of this.#segments) if (this.#inWindow(segment)) next.set(`${segment.start}:${segment.end}`, segment)
    for (const [key, range] of this.#overlapRanges) {
      if (next.has(key)) continue
      this.#overlap.delete(range)
      this.#overlapRanges.delete(key)
    }
    for (const [key, segment] of next) {
      if (this.#overlapRanges.has(key)) continue
      const range = this.dom.range(segment.start, segment.end)
      this.#overlap.add(range)
      this.#overlapRanges.set(key, range)
    }
  }
}
