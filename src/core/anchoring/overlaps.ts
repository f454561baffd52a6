// Overlapping claims. Ranges inside one CSS Highlight paint once, so text under two or more claims
// needs its own highlight; and a click on such text must offer every claim there, shortest first.

export interface Interval {
  start: number
  end: number
}

/**
 * The maximal segments covered by at least two of the half-open `intervals`, sorted and merged.
 * A sweep over the sorted boundaries: O(n log n). Empty intervals cover nothing; intervals that only
 * touch (`[a, b)` and `[b, c)`) do not overlap.
 */
export function overlapSegments(intervals: readonly Interval[]): Interval[] {
  // +1 at each start, -1 at each end; all deltas at one offset are applied together, so an interval
  // ending where another starts never counts as an overlap.
  const events: [offset: number, delta: number][] = []
  for (const { start, end } of intervals) {
    if (end > start) events.push([start, 1], [end, -1])
  }
  events.sort((a, b) => a[0] - b[0])
  const segments: Interval[] = []
  let depth = 0
  let openedAt = -1
  for (let i = 0; i < events.length; ) {
    const offset = events[i]![0]
    const before = depth
    while (i < events.length && events[i]![0] === offset) depth += events[i++]![1]
    if (before < 2 && depth >= 2) openedAt = offset
    else if (before >= 2 && depth < 2) segments.push({ start: openedAt, end: offset })
  }
  return segments
}

/**
 * The overlaps to take away and to add after intervals came, went or moved (`changed`: their old and new places), given
 * the intervals now (`intervalsIn(from, to)`: at least those that reach into `[from, to)`) and the overlaps before
 * (`overlapsAround(from, to)`: those that reach into or touch `[from, to]`). Overlaps change only there: the stretch of
 * the changes, widened to the overlaps it touches, is worked out again from the intervals that reach into it, and an
 * overlap found inside never needs joining to one outside (one that touched it was taken in).
 */
export function overlapsAfterChange<T extends Interval>(
  intervalsIn: (from: number, to: number) => Iterable<Interval>,
  changed: readonly Interval[],
  overlapsAround: (from: number, to: number) => readonly T[]
): { stale: readonly T[]; fresh: Interval[] } {
  if (changed.length === 0) return { stale: [], fresh: [] }
  let from = Infinity
  let to = -Infinity
  for (const span of changed) {
    from = Math.min(from, span.start)
    to = Math.max(to, span.end)
  }
  const stale = overlapsAround(from, to)
  for (const segment of stale) {
    from = Math.min(from, segment.start)
    to = Math.max(to, segment.end)
  }
  const near: Interval[] = []
  for (const { start, end } of intervalsIn(from, to)) if (start < to && end > from) near.push({ start: Math.max(start, from), end: Math.min(end, to) })
  return { stale, fresh: overlapSegments(near) }
}

/**
 * The claims whose half-open range contains the character at `offset`, shortest first (the most
 * specific claim is the likeliest target of a click); ties: later start first, then input order.
 */
export function claimsAtOffset<T extends { position: { start: number; end: number } }>(
  claims: readonly T[],
  offset: number
): T[] {
  return claims
    .filter((c) => c.position.start <= offset && offset < c.position.end)
    .sort(
      (a, b) =>
        a.position.end - a.position.start - (b.position.end - b.position.start) || b.position.start - a.position.start
    ) // Array.prototype.sort is stable, so equal claims keep their input order.
}
