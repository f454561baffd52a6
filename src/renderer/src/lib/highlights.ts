import { VERDICTS, type Claim, type Verdict } from '../../../core/model'
import { overlapSegments } from '../../../core/anchoring/overlaps'
import type { TextDom } from './text-dom'

export const highlightName = (verdict: Verdict) => `fm-${verdict}`
export const OVERLAP_HIGHLIGHT = 'fm-overlap'
export const SELECTED_HIGHLIGHT = 'fm-selected'
export const LINK_HIGHLIGHT = 'fm-link'

/** Underlines the article's own links (a highlight, like claims: the one text node per block stays as it is). */
export function paintLinks(dom: TextDom, links: readonly { start: number; end: number }[]): () => void {
  if (links.length === 0) return () => {}
  const highlight = new Highlight(...links.map((link) => dom.range(link.start, link.end)))
  highlight.priority = -1
  CSS.highlights.set(LINK_HIGHLIGHT, highlight)
  return () => CSS.highlights.delete(LINK_HIGHLIGHT)
}

/**
 * Draws claims with the CSS Custom Highlight API: one Highlight per verdict, one for text that two or more
 * claims cover, one for the selected claim. The article DOM is never touched. Updates are incremental:
 * a changed claim moves one Range between Highlights, so a new mark paints in the next frame even with
 * thousands of claims.
 */
export class HighlightPainter {
  readonly #byVerdict = new Map<Verdict, Highlight>()
  readonly #overlap = new Highlight()
  readonly #selected = new Highlight()
  #ranges = new Map<string, { range: Range; verdict: Verdict; start: number; end: number }>()
  readonly #overlapRanges = new Map<string, Range>()

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
      const known = this.#ranges.get(claim.id)
      if (known && known.start === start && known.end === end) {
        if (known.verdict !== claim.verdict) {
          this.#byVerdict.get(known.verdict)!.delete(known.range)
          this.#byVerdict.get(claim.verdict)!.add(known.range)
          known.verdict = claim.verdict
        }
        continue
      }
      if (known) this.#byVerdict.get(known.verdict)!.delete(known.range)
      const range = this.dom.range(start, end)
      this.#ranges.set(claim.id, { range, verdict: claim.verdict, start, end })
      this.#byVerdict.get(claim.verdict)!.add(range)
      positionsChanged = true
    }
    for (const [id, known] of this.#ranges) {
      if (seen.has(id)) continue
      this.#byVerdict.get(known.verdict)!.delete(known.range)
      this.#ranges.delete(id)
      positionsChanged = true
    }
    if (positionsChanged) this.#paintOverlaps(claims)
    this.#selected.clear()
    const selected = selectedId ? this.#ranges.get(selectedId) : undefined
    if (selected) this.#selected.add(selected.range)
  }

  rangeOf(claimId: string): Range | undefined {
    return this.#ranges.get(claimId)?.range
  }

  destroy(): void {
    for (const verdict of VERDICTS) CSS.highlights.delete(highlightName(verdict))
    CSS.highlights.delete(OVERLAP_HIGHLIGHT)
    CSS.highlights.delete(SELECTED_HIGHLIGHT)
  }

  /** Only the overlap segments that changed are removed or added: a new claim rarely changes more than one. */
  #paintOverlaps(claims: readonly Claim[]): void {
    const drawn = claims.filter((c) => c.anchor?.status !== 'orphaned')
    const next = new Map<string, { start: number; end: number }>()
    for (const segment of overlapSegments(drawn.map((c) => c.position))) next.set(`${segment.start}:${segment.end}`, segment)
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
