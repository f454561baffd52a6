// Claims may overlap and nest, but markup must nest properly. Within one stretch of text (a block), the claims
// over it become a sequence of open/close/text tokens: a claim that ends while one opened after it is still
// open closes that inner one, ends, and reopens it, so a claim can come out as several pieces. Pieces of the
// same claim carry the same claim, so a reader (and a test) can put it back together.

export interface Span {
  start: number
  end: number
}

export type MarkToken<T extends Span> =
  /** Open a piece of `span`; `depth` 1 is outermost; `first`: the first piece of the claim in the whole text. */
  | { kind: 'open'; span: T; depth: number; first: boolean }
  | { kind: 'close'; span: T }
  /** The claim itself ends here (after its last piece is closed): where its footnote number goes. */
  | { kind: 'end'; span: T }
  | { kind: 'text'; start: number; end: number }

/**
 * Tokens for the text `[from, to)` with the given half-open spans (offsets into the same text; spans reaching
 * outside are cut to it, empty ones are ignored). At one offset, longer spans open first (they are the outer
 * ones), and among equal ones the earlier in `spans` is outer.
 */
export function nestSpans<T extends Span>(from: number, to: number, spans: readonly T[]): MarkToken<T>[] {
  const startOf = (s: T) => Math.max(s.start, from)
  const endOf = (s: T) => Math.min(s.end, to)
  const inside = spans
    .filter((s) => s.end > s.start && s.start < to && s.end > from)
    .sort((a, b) => startOf(a) - startOf(b) || b.end - a.end)
  const points = [...new Set([from, to, ...inside.flatMap((s) => [startOf(s), endOf(s)])])].sort((a, b) => a - b)

  const tokens: MarkToken<T>[] = []
  const stack: T[] = []
  let next = 0
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!
    // Close every piece from the outermost one that ends here inwards; those still going on are reopened.
    const firstEnding = stack.findIndex((s) => endOf(s) === p)
    let reopen: T[] = []
    if (firstEnding !== -1) {
      const closed = stack.splice(firstEnding)
      for (const s of [...closed].reverse()) tokens.push({ kind: 'close', span: s })
      for (const s of [...closed].reverse()) if (s.end === p) tokens.push({ kind: 'end', span: s })
      reopen = closed.filter((s) => endOf(s) > p)
    }
    const starting: T[] = []
    while (next < inside.length && startOf(inside[next]!) === p) starting.push(inside[next++]!)
    // Stable sort: on equal ends, reopened pieces (which began earlier) stay outside the new ones.
    for (const s of [...reopen, ...starting].sort((a, b) => b.end - a.end)) {
      stack.push(s)
      tokens.push({ kind: 'open', span: s, depth: stack.length, first: starting.includes(s) && s.start >= from })
    }
    const q = points[k + 1]
    if (q !== undefined) tokens.push({ kind: 'text', start: p, end: q })
  }
  return tokens
}
