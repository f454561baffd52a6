// Which spans reach into a stretch of text, without looking at every span: a report of ten thousand claims asks
// it once per paragraph and once per claim, and filtering every span each time made the report take seconds.

/** A stretch of text, as offsets: `end` is past its last character. */
export interface Span {
  start: number
  end: number
}

/** The text is cut into chunks of this many code units; each span is listed under every chunk it touches. */
const CHUNK = 1024

export class SpanIndex<T extends Span> {
  readonly #chunks = new Map<number, number[]>()

  constructor(private readonly spans: readonly T[]) {
    spans.forEach((span, i) => {
      if (span.end <= span.start) return
      for (let c = Math.floor(span.start / CHUNK); c <= Math.floor((span.end - 1) / CHUNK); c++) {
        const list = this.#chunks.get(c)
        if (list) list.push(i)
        else this.#chunks.set(c, [i])
      }
    })
  }

  /** The non-empty spans with `start < to` and `end > from` (those overlapping `[from, to)`), in the order given. */
  overlapping(from: number, to: number): T[] {
    const found = new Set<number>()
    // Such a span covers both `from` and `to - 1` (or, for an empty stretch, the point itself).
    for (let c = Math.floor(Math.min(from, to) / CHUNK); c <= Math.floor(Math.max(from, to - 1) / CHUNK); c++) {
      for (const i of this.#chunks.get(c) ?? []) {
        const span = this.spans[i]!
        if (span.start < to && span.end > from) found.add(i)
      }
    }
    return [...found].sort((a, b) => a - b).map((i) => this.spans[i]!)
  }
}

/**
 * The same lookup over spans that come and go (the highlights drawn): each added or taken away in the chunks it
 * touches, so that a change costs the span's own chunks, not a rebuild for ten thousand. Answers in no set order.
 */
export class SpanSet<T extends Span> {
  readonly #chunks = new Map<number, Set<T>>()

  add(span: T): void {
    if (span.end <= span.start) return
    for (let c = Math.floor(span.start / CHUNK); c <= Math.floor((span.end - 1) / CHUNK); c++) {
      const set = this.#chunks.get(c)
      if (set) set.add(span)
      else this.#chunks.set(c, new Set([span]))
    }
  }

  delete(span: T): void {
    if (span.end <= span.start) return
    for (let c = Math.floor(span.start / CHUNK); c <= Math.floor((span.end - 1) / CHUNK); c++) {
      const set = this.#chunks.get(c)
      if (!set) continue
      set.delete(span)
      if (set.size === 0) this.#chunks.delete(c)
    }
  }

  /** The non-empty spans in the set with `start < to` and `end > from`. */
  overlapping(from: number, to: number): T[] {
    const found = new Set<T>()
    for (let c = Math.floor(Math.min(from, to) / CHUNK); c <= Math.floor(Math.max(from, to - 1) / CHUNK); c++) {
      for (const span of this.#chunks.get(c) ?? []) if (span.start < to && span.end > from) found.add(span)
    }
    return [...found]
  }
}
