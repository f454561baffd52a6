// Find a claim's text again in a (possibly revised) article, as DESIGN.md "Anchoring" describes:
// 1) the stored position, if the text there still equals the quote (and its context agrees);
// 2) every exact occurrence of the quote, scored by context agreement and distance;
// 3) approximate matches (approx-string-match), scored by errors, context and distance — near the
//    old place always, over the whole text unless a candidate with near-perfect context is in hand.
// A place is taken only if it is credible and clearly better than every other place, and if the
// claim's old place does not still stand (by its context) with the claim's words gone from it;
// otherwise the claim is orphaned (listed for a human), never attached silently to a guess.

import { contextBrackets } from './brackets'
import { contextAgreement, type ContextAgreement } from './context'
import { editDistance } from './edit-distance'
import { exactOccurrences, fuzzyMatches, nearbyMatches, nearest } from './matches'
import type { Selectors } from './selectors'

export type AnchorStatus = 'anchored' | 'moved' | 'orphaned'

export interface ResolvedAnchor {
  /** anchored: same place, same text; moved: found elsewhere or with edits (needs a look); orphaned: not placed. */
  status: AnchorStatus
  /** -1 when orphaned. */
  start: number
  end: number
  /** The text at start..end differs from the stored quote (an approximate match). */
  textChanged: boolean
  /** Why a claim is orphaned: 'not found', 'ambiguous' or 'empty quote'. */
  reason?: string
}

export interface ResolveOptions {
  /** Errors allowed in an approximate match, as a share of the quote's length (default 0.2, at most 0.5). */
  maxErrorRatio?: number
  /**
   * Whether a side of the context shorter than Factmark's own (CONTEXT_LENGTH) says the text began or ended there, as it
   * does for the selectors Factmark makes (the default); not for another tool's, which may store less or none.
   */
  contextEdges?: boolean
}

export const DEFAULT_MAX_ERROR_RATIO = 0.2

/**
 * Score = 50·quote similarity + 40·context agreement + 4·closeness (max 94). Quote similarity is
 * 1 − errors/length; context agreement is the share of the stored context (both sides, by length)
 * that agrees, see context.ts; closeness is 1 / (1 + distance/1000): revisions shift a claim by what
 * was inserted or deleted before it, usually little, so a place far away is somewhat less likely.
 */
const QUOTE_WEIGHT = 50
const CONTEXT_WEIGHT = 40
const POSITION_WEIGHT = 4
const POSITION_SCALE = 1000

/**
 * The best place must beat every other (non-overlapping) place by this much, else the claim is
 * 'ambiguous'. It is more than POSITION_WEIGHT, so places that differ only in where they are never
 * decide; it amounts to ~8 characters of context (of 64), or a 10% difference in quote errors.
 */
export const CLEAR_MARGIN = 5

/**
 * Once a candidate's context agrees this well (0..1), the search over the whole text for approximate
 * matches is skipped (the nearby one is always done): it is the expensive step on a large article.
 */
export const STRONG_CONTEXT = 0.9

/**
 * An exact occurrence is credible when at least this many characters of stored context agree (or
 * half the stored context, when less was stored: a quote at the very start of a short text), so a
 * short, common quote is never placed on its own words alone.
 */
export const MIN_CONTEXT_CHARS = 12

/**
 * An approximate match is credible when prefix + quote + suffix together agree at least this much
 * (characters of context that agree plus quote characters matched, over their stored length): a
 * short edited quote needs most of its context, a long one with few errors stands on its own.
 */
export const MIN_FUZZY_AGREEMENT = 0.75

/** A verbatim quote at least this long, occurring exactly once, is credible even if its context changed (a moved passage). */
export const LONG_QUOTE = 64

/** At most this many exact occurrences are scored (the nearest to the old position). */
const MAX_EXACT_CANDIDATES = 1000

/**
 * Bracketed text is compared with the quote in full (O(n²)) to become a candidate only for quotes
 * up to this long; for longer ones a bracket only counts as a place the words are gone from (the
 * approximate search finds long quotes well, and a bracket can then only orphan, never misplace).
 */
const MAX_BRACKET_COMPARE = 512

interface Candidate {
  start: number
  end: number
  errors: number
  context: ContextAgreement
  /** CONTEXT_WEIGHT·agreement + POSITION_WEIGHT·closeness: how much the place itself looks right. */
  place: number
  score: number
}

const orphaned = (reason: string): ResolvedAnchor => ({ status: 'orphaned', start: -1, end: -1, textChanged: false, reason })

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end

const contextShare = (c: ContextAgreement): number => (c.stored === 0 ? 1 : c.chars / c.stored)

export function resolveAnchor(text: string, selectors: Selectors, options: ResolveOptions = {}): ResolvedAnchor {
  const { exact, prefix, suffix } = selectors.quote
  const old = selectors.position
  if (exact.length === 0) return orphaned('empty quote')
  const ratio = Math.min(Math.max(options.maxErrorRatio ?? DEFAULT_MAX_ERROR_RATIO, 0), 0.5)
  const maxErrors = Math.ceil(exact.length * ratio)

  const candidate = (start: number, end: number, errors: number): Candidate => {
    const context = contextAgreement(text, start, end, prefix, suffix, options.contextEdges ?? true)
    const closeness = 1 / (1 + Math.abs(start - old.start) / POSITION_SCALE)
    const place = CONTEXT_WEIGHT * contextShare(context) + POSITION_WEIGHT * closeness
    return { start, end, errors, context, place, score: QUOTE_WEIGHT * (1 - errors / exact.length) + place }
  }
  const atOldPlace = (c: Candidate): boolean => c.errors === 0 && c.start === old.start && c.end === old.end
  const exactCredible = (c: Candidate): boolean =>
    c.context.chars >= Math.min(MIN_CONTEXT_CHARS, c.context.stored / 2)
  const found = (c: Candidate): ResolvedAnchor => {
    const textChanged = text.slice(c.start, c.end) !== exact
    return { status: !textChanged && atOldPlace(c) ? 'anchored' : 'moved', start: c.start, end: c.end, textChanged }
  }

  // 1) The stored position. Its context is checked too: the same words at the same offset after an
  // edit elsewhere can be a coincidence. If the context disagrees the place stays a candidate below.
  if (old.start >= 0 && old.end <= text.length && old.start <= old.end && text.slice(old.start, old.end) === exact) {
    const here = candidate(old.start, old.end, 0)
    if (exactCredible(here)) return found(here)
  }

  // 2) Candidates: every exact occurrence; approximate matches near the old place (an edited
  // original must be able to beat a verbatim look-alike elsewhere); and the places where the stored
  // context still stands — the text between is a candidate if it is close enough to the quote,
  // otherwise a sign that the claim's own words were rewritten or deleted there ("gone").
  const starts = exactOccurrences(text, exact)
  const pool: Candidate[] = nearest(starts, (s) => s, old.start, MAX_EXACT_CANDIDATES).map((s) =>
    candidate(s, s + exact.length, 0)
  )
  const add = (c: Candidate) => {
    if (!pool.some((p) => overlaps(p, c))) pool.push(c)
  }
  const addMatches = (matches: readonly { start: number; end: number; errors: number }[]) => {
    for (const m of matches) if (m.errors > 0) add(candidate(m.start, m.end, m.errors)) // 0: already in
  }
  addMatches(nearbyMatches(text, exact, maxErrors, old.start))
  const gone: Candidate[] = []
  for (const b of contextBrackets(text, prefix, suffix, exact.length, old.start)) {
    const between = b.end - b.start
    const errors =
      b.sides === 2 && Math.abs(between - exact.length) <= maxErrors && exact.length <= MAX_BRACKET_COMPARE
        ? editDistance(exact, text.slice(b.start, b.end))
        : Infinity
    if (errors <= maxErrors) add(candidate(b.start, b.end, errors))
    else gone.push(candidate(b.start, b.end, exact.length))
  }
  // 3) Approximate matches anywhere, unless a candidate already has near-perfect context.
  if (!pool.some((c) => contextShare(c.context) >= STRONG_CONTEXT)) {
    addMatches(fuzzyMatches(text, exact, maxErrors, old.start))
  }

  // Decide: the best must be credible and clearly ahead of every other place.
  pool.sort((a, b) => b.score - a.score)
  const best = pool[0]
  if (!best) return orphaned('not found')
  const longUnique = best.errors === 0 && exact.length >= LONG_QUOTE && starts.length === 1
  const agreement = (exact.length - best.errors + best.context.chars) / (exact.length + best.context.stored)
  const credible =
    best.errors === 0 ? exactCredible(best) || atOldPlace(best) || longUnique : agreement >= MIN_FUZZY_AGREEMENT
  if (!credible) return orphaned('not found')
  const second = pool.find((c) => !overlaps(c, best))
  if (second && best.score - second.score < CLEAR_MARGIN) return orphaned('ambiguous')
  // Where the claim's context stands about as well (or better) but its words are gone, a look-alike
  // elsewhere is more likely another sentence than the claim — unless it is a long verbatim passage.
  const touchesBest = (g: Candidate) => g.start <= best.end && best.start <= g.end
  if (!longUnique && gone.some((g) => !touchesBest(g) && g.place > best.place - CLEAR_MARGIN)) {
    return orphaned('not found')
  }
  return found(best)
}
