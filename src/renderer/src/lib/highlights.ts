import { VERDICTS, type Claim, type Verdict } from '../../../core/model'
import { overlapsAfterChange } from '../../../core/anchoring/overlaps'
import { SpanSet } from '../../../core/span-index'
import type { TextDom } from './text-dom'
import type { TextWindow } from './visible-text'

export const highlightName = (verdict: Verdict) => `fm-${verdict}`
export const OVERLAP_HIGHLIGHT = 'fm-overlap'
export const SELECTED_HIGHLIGHT = 'fm-selected'
export const LINK_HIGHLIGHT = 'fm-link'
export const SUGGESTION_HIGHLIGHT = 'fm-suggestion'
export const FOCUSED_SUGGESTION_HIGHLIGHT = 'fm-suggestion-focus'
export const FINDING_HIGHLIGHT = 'fm-finding'

/**
 * Paints spans of the text as one named highlight, under the claims' (suggestions, the focused one, a finding's
 * quantities); returns what takes them away again.
 */
export function paintSpans(dom: TextDom, name: string, spans: readonly { start: number; end: number }[], priority = -2): () => void {
  if (spans.length === 0) return () => {}
  const highlight = new Highlight(...spans.map((span) => dom.range(span.start, span.end)))
  highlight.priority = priority
  CSS.highlights.set(name, highlight)
  return () => CSS.highlights.delete(name)
}

/** Underlines the article's own links (a highlight, like claims: the one text node per block stays as it is). */
export function paintLinks(dom: TextDom, links: readonly { start: number; end: number }[]): () => void {
  if (links.length === 0) return () => {}
  const highlight = new Highlight(...links.map((link) => dom.range(link.start, link.end)))
  highlight.priority = -1
  CSS.highlights.set(LINK_HIGHLIGHT, highlight)
  return () => CSS.highlights.delete(LINK_HIGHLIGHT)
}

interface Segment {
  start: number
  end: number
  range: Range | null
  shown: boolean
}

interface Drawn {
  /** The claim as last drawn: an operation leaves every claim it does not change the same object. */
  claim: Claim
  verdict: Verdict
  start: number
  end: number
  /** Made when first needed: registered, selected, or asked for by rangeOf. */
  range: Range | null
  shown: boolean
}

const inWindow = (d: { start: number; end: number }, w: TextWindow) => d.start < w.end && d.end > w.start

/**
 * Draws claims with the CSS Custom Highlight API: one Highlight per verdict, one for text that two or more
 * claims cover, one for the selected claim. The article DOM is never touched. Updates are incremental:
 * a changed claim moves one Range between Highlights. Only the claims in a window of the text around what is on
 * screen are registered (the caller moves the window as the reader scrolls): on every frame with any change, Chromium
 * checks every registered range again and repaints the text under each one (~0.1 ms a range near the screen; ~130 ms
 * for a whole 10,000-claim article), so each key press, selection and mark would wait for a slow frame.
 */
export class HighlightPainter {
  readonly #byVerdict = new Map<Verdict, Highlight>()
  readonly #overlap = new Highlight()
  readonly #selected = new Highlight()
  readonly #claims = new Map<string, Drawn>()
  readonly #overlaps = new Map<string, Segment>()
  #window: TextWindow = { start: 0, end: 0 }
  // Kept with the two maps above, a span at a time: what setWindow and a change look up near a stretch of text.
  readonly #claimIndex = new SpanSet<Drawn>()
  readonly #overlapIndex = new SpanSet<Segment>()
  /**
   * The claims of the first sync, until every one of them is drawn and indexed (in idle time): opening an article
   * draws only the claims in the window, so that 10,000 claims do not delay its first paint.
   */
  #undrawn: readonly Claim[] | null = null
  #idle = 0
  #synced = false

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

  /** The part of the text whose claims are registered. */
  get window(): TextWindow {
    return this.#window
  }

  /**
   * Registers the claims in `window` and only those (the selected claim is drawn wherever it is). Only claims that
   * reach into the old window or the new one are looked at: the window moves as the reader scrolls, every few frames.
   */
  setWindow(window: TextWindow): void {
    const old = this.#window
    this.#window = window
    if (this.#undrawn) this.#drawUndrawnIn(window)
    const from = Math.min(old.start, window.start)
    const to = Math.max(old.end, window.end)
    const near = old.end <= window.start || window.end <= old.start ? [old, window] : [{ start: from, end: to }]
    for (const stretch of near) {
      for (const drawn of this.#claimIndex.overlapping(stretch.start, stretch.end)) this.#place(drawn)
      for (const segment of this.#overlapIndex.overlapping(stretch.start, stretch.end)) this.#placeOverlap(segment)
    }
  }

  /**
   * Brings the highlights in line with `claims` (in article order). A claim that is the same object as last time is
   * passed over, and only the overlaps near what changed are worked out again: marking one claim among 10,000 costs
   * a walk of the list, not a redraw. The first sync draws only the claims in the window, and the rest when idle.
   */
  sync(claims: readonly Claim[], selectedId: string | null): void {
    if (!this.#synced) {
      this.#synced = true
      this.#undrawn = claims
      this.#drawUndrawnIn(this.#window)
      this.#idle = requestIdleCallback(() => this.#drawTheRest(), { timeout: 1000 })
    } else if (claims !== this.#undrawn) {
      this.#drawTheRest()
      this.#update(claims)
    }
    const selected = selectedId ? this.rangeOf(selectedId) : undefined
    // Left alone when it stays: every change of a Highlight makes Chromium look at all of them again.
    if (!(selected && this.#selected.size === 1 && this.#selected.has(selected))) {
      this.#selected.clear()
      if (selected) this.#selected.add(selected)
    }
  }

  /** Draws the first sync's claims that reach into `stretch`; the overlaps are exact there (worked out again later). */
  #drawUndrawnIn(stretch: TextWindow): void {
    const moved: { start: number; end: number }[] = []
    for (const claim of this.#undrawn!) {
      if (claim.anchor?.status === 'orphaned' || !inWindow(claim.position, stretch) || this.#claims.has(claim.id)) continue
      this.#draw(claim, undefined, moved)
    }
    if (moved.length > 0) this.#paintOverlaps(moved)
  }

  /** Draws and indexes every claim of the first sync, and works out every overlap again from all of them. */
  #drawTheRest(): void {
    const claims = this.#undrawn
    if (!claims) return
    this.#undrawn = null
    cancelIdleCallback(this.#idle)
    const whole = { start: 0, end: 0 }
    for (const claim of claims) {
      whole.end = Math.max(whole.end, claim.position.end)
      if (claim.anchor?.status !== 'orphaned' && !this.#claims.has(claim.id)) this.#draw(claim, undefined, [])
    }
    this.#paintOverlaps([whole])
  }

  #update(claims: readonly Claim[]): void {
    const moved: { start: number; end: number }[] = []
    let known = 0 // claims drawn now that were drawn before or are new: fewer than drawn means some went
    for (const claim of claims) {
      const drawn = this.#claims.get(claim.id)
      if (drawn?.claim === claim) {
        known++
        continue
      }
      if (claim.anchor?.status === 'orphaned') continue // not in this text: listed, not drawn (taken away below)
      known++
      this.#draw(claim, drawn, moved)
    }
    // Some claim drawn before is gone, or no longer in the text.
    if (known < this.#claims.size) {
      const present = new Set<string>()
      for (const claim of claims) if (claim.anchor?.status !== 'orphaned') present.add(claim.id)
      for (const [id, drawn] of this.#claims) {
        if (present.has(id)) continue
        this.#hide(drawn)
        this.#claims.delete(id)
        this.#claimIndex.delete(drawn)
        moved.push(drawn)
      }
    }
    if (moved.length > 0) this.#paintOverlaps(moved)
  }

  /** Draws a new or changed claim; a change of place is added to `moved` (the old place and the new). */
  #draw(claim: Claim, drawn: Drawn | undefined, moved: { start: number; end: number }[]): void {
    const { start, end } = claim.position
    if (drawn && drawn.start === start && drawn.end === end) {
      drawn.claim = claim
      if (drawn.verdict === claim.verdict) return
      const shown = drawn.shown
      this.#hide(drawn)
      drawn.verdict = claim.verdict
      if (shown) this.#place(drawn)
      return
    }
    if (drawn) {
      this.#hide(drawn)
      this.#claimIndex.delete(drawn)
      moved.push({ start: drawn.start, end: drawn.end })
    }
    const next: Drawn = { claim, verdict: claim.verdict, start, end, range: null, shown: false }
    this.#claims.set(claim.id, next)
    this.#claimIndex.add(next)
    this.#place(next)
    moved.push(next)
  }

  rangeOf(claimId: string): Range | undefined {
    if (this.#undrawn && !this.#claims.has(claimId)) this.#drawTheRest()
    const drawn = this.#claims.get(claimId)
    if (!drawn) return undefined
    drawn.range ??= this.dom.range(drawn.start, drawn.end)
    return drawn.range
  }

  destroy(): void {
    cancelIdleCallback(this.#idle)
    for (const verdict of VERDICTS) CSS.highlights.delete(highlightName(verdict))
    CSS.highlights.delete(OVERLAP_HIGHLIGHT)
    CSS.highlights.delete(SELECTED_HIGHLIGHT)
  }

  #place(drawn: Drawn): void {
    if (!inWindow(drawn, this.#window)) return this.#hide(drawn)
    if (drawn.shown) return
    drawn.range ??= this.dom.range(drawn.start, drawn.end)
    this.#byVerdict.get(drawn.verdict)!.add(drawn.range)
    drawn.shown = true
  }

  #hide(drawn: Drawn): void {
    if (!drawn.shown) return
    this.#byVerdict.get(drawn.verdict)!.delete(drawn.range!)
    drawn.shown = false
  }

  #placeOverlap(segment: Segment): void {
    const wanted = inWindow(segment, this.#window)
    if (wanted === segment.shown) return
    if (wanted) {
      segment.range ??= this.dom.range(segment.start, segment.end)
      this.#overlap.add(segment.range)
    } else this.#overlap.delete(segment.range!)
    segment.shown = wanted
  }

  /** Only the overlaps near what changed are taken away or added: a new claim rarely changes more than one. */
  #paintOverlaps(moved: readonly { start: number; end: number }[]): void {
    const { stale, fresh } = overlapsAfterChange(
      (from, to) => this.#claimIndex.overlapping(from, to),
      moved,
      (from, to) => this.#overlapIndex.overlapping(from - 1, to + 1)
    )
    const kept = new Set(fresh.map((segment) => `${segment.start}:${segment.end}`))
    for (const segment of stale) {
      const key = `${segment.start}:${segment.end}`
      if (kept.has(key)) continue
      if (segment.shown) this.#overlap.delete(segment.range!)
      this.#overlaps.delete(key)
      this.#overlapIndex.delete(segment)
    }
    for (const { start, end } of fresh) {
      if (this.#overlaps.has(`${start}:${end}`)) continue
      const segment: Segment = { start, end, range: null, shown: false }
      this.#overlaps.set(`${start}:${end}`, segment)
      this.#overlapIndex.add(segment)
      this.#placeOverlap(segment)
    }
  }
}
