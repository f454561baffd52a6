// Where a quote could be in a (revised) text: every exact occurrence, and approximate matches found
// with approx-string-match (Myers' bit-parallel algorithm), kept cheap on large texts.

import search from 'approx-string-match'

export interface Match {
  start: number
  end: number
  errors: number
}

/** Patterns up to this length are searched whole over the whole text (k ≤ 26 at the default ratio: ~1 bit-vector block). */
export const WHOLE_PATTERN_MAX = 128
/** Length of the pieces a longer pattern is located by. */
export const PIECE_LENGTH = 64
/** Approximate search reports only the lowest error count; each further round searches around what was found. */
const SEARCH_ROUNDS = 3
const PIECE_ROUNDS = 2
/** Around the old position, this far (plus the pattern's length) is searched separately. */
export const NEARBY_RADIUS = 2000
/** At most this many approximate matches (or regions to verify) are kept, the ones nearest `near`. */
export const MAX_MATCHES = 200

/** Start offsets of every occurrence of `quote` (overlapping ones too), in order. */
export function exactOccurrences(text: string, quote: string): number[] {
  const starts: number[] = []
  if (quote.length === 0) return starts
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) starts.push(i)
  return starts
}

/** The `limit` items whose start is nearest `near`, in their original order. */
export function nearest<T>(items: readonly T[], startOf: (item: T) => number, near: number, limit: number): T[] {
  if (items.length <= limit) return [...items]
  const ranked = items.map((item, index) => ({ index, distance: Math.abs(startOf(item) - near) }))
  ranked.sort((a, b) => a.distance - b.distance || a.index - b.index)
  return ranked
    .slice(0, limit)
    .sort((a, b) => a.index - b.index)
    .map((r) => items[r.index]!)
}

/**
 * Approximate matches of `pattern` in `text.slice(from, to)` with at most `maxErrors` errors, in
 * rounds: `search` returns only the matches with the lowest error count, so after each round the
 * text around those matches is searched again for the next best. That way a place with 3 errors is
 * still seen when another has 2, and the caller can compare them.
 */
export function searchInRounds(
  text: string,
  pattern: string,
  maxErrors: number,
  rounds: number,
  near: number,
  from = 0,
  to = text.length
): Match[] {
  const found: Match[] = []
  let regions: [number, number][] = [[from, to]]
  for (let round = 0; round < rounds && regions.length > 0; round++) {
    let lowest = Infinity
    let hits: Match[] = []
    for (const [a, b] of regions) {
      if (b - a < pattern.length - maxErrors) continue
      for (const m of search(text.slice(a, b), pattern, maxErrors)) {
        if (m.errors > lowest) continue
        if (m.errors < lowest) {
          lowest = m.errors
          hits = []
        }
        hits.push({ start: a + m.start, end: a + m.end, errors: m.errors })
      }
    }
    if (hits.length === 0) break
    const room = MAX_MATCHES - found.length
    found.push(...nearest(hits, (m) => m.start, near, room))
    if (hits.length >= room) break
    regions = subtract(regions, hits)
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end)
}

/** `regions` (sorted, disjoint) minus the spans of `matches`. */
function subtract(regions: [number, number][], matches: readonly Match[]): [number, number][] {
  const cuts = [...matches].sort((a, b) => a.start - b.start)
  const out: [number, number][] = []
  for (const [a, b] of regions) {
    let from = a
    for (const m of cuts) {
      if (m.end <= from || m.start >= b) continue
      if (m.start > from) out.push([from, m.start])
      from = Math.max(from, m.end)
    }
    if (from < b) out.push([from, b])
  }
  return out
}

/**
 * Approximate matches of `pattern` near `near` (within NEARBY_RADIUS plus the pattern's length), the
 * place the quote was. Searched on its own because the rounds over the whole text can be used up by
 * look-alikes elsewhere (formulaic phrases with fewer errors): an edited original is always seen.
 */
export function nearbyMatches(text: string, pattern: string, maxErrors: number, near: number): Match[] {
  const k = Math.min(maxErrors, pattern.length - 1)
  if (k < 1) return []
  const radius = NEARBY_RADIUS + pattern.length
  const from = Math.max(0, near - radius)
  const to = Math.min(text.length, near + pattern.length + radius)
  return searchInRounds(text, pattern, k, SEARCH_ROUNDS, near, from, to)
}

/**
 * Approximate matches of `pattern` (at most `maxErrors` errors) anywhere in `text`.
 *
 * Cost: Myers' algorithm takes about n·⌈k/32⌉ steps, so a 2 KB quote with k = 400 over a 1 MB text
 * would be ~13 million block steps per round. Long patterns are therefore located first: three
 * 64-character pieces (head, middle, tail) are searched over the whole text, each with the same error
 * ratio (so k ≤ 13: one block), and the whole pattern is then verified only in a window of
 * |pattern| + 2k around each place a piece points to. A quote edited beyond the ratio in all three
 * pieces at once is not found; its claim is orphaned, which is the safe failure.
 */
export function fuzzyMatches(text: string, pattern: string, maxErrors: number, near: number): Match[] {
  const k = Math.min(maxErrors, pattern.length - 1)
  if (k < 1 || text.length < pattern.length - k) return []
  if (pattern.length <= WHOLE_PATTERN_MAX) return searchInRounds(text, pattern, k, SEARCH_ROUNDS, near)

  const ratio = k / pattern.length
  const pieceErrors = Math.ceil(PIECE_LENGTH * ratio)
  const middle = (pattern.length - PIECE_LENGTH) >> 1
  const estimates: number[] = []
  for (const offset of [0, middle, pattern.length - PIECE_LENGTH]) {
    const piece = pattern.slice(offset, offset + PIECE_LENGTH)
    for (const m of searchInRounds(text, piece, pieceErrors, PIECE_ROUNDS, near + offset)) {
      estimates.push(m.start - offset)
    }
  }
  estimates.sort((a, b) => a - b)

  // Nearby estimates point at the same place (edits shift them by at most k).
  const windows: [number, number][] = []
  for (const estimate of estimates) {
    const last = windows[windows.length - 1]
    if (last && estimate - k <= last[1]) last[1] = Math.max(last[1], estimate + k)
    else windows.push([estimate - k, estimate + k])
  }

  const matches: Match[] = []
  for (const [lo, hi] of nearest(windows, (w) => w[0], near, MAX_MATCHES)) {
    const from = Math.max(0, lo - PIECE_LENGTH)
    const to = Math.min(text.length, hi + pattern.length + PIECE_LENGTH)
    for (const m of search(text.slice(from, to), pattern, k)) {
      matches.push({ start: from + m.start, end: from + m.end, errors: m.errors })
    }
  }
  return dedupe(matches)
}

/** Sorted, each match once (windows and searches may overlap). */
function dedupe(matches: Match[]): Match[] {
  matches.sort((a, b) => a.start - b.start || a.end - b.end)
  return matches.filter((m, i) => i === 0 || m.start !== matches[i - 1]!.start || m.end !== matches[i - 1]!.end)
}
