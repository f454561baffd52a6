import { hasDisagreement } from './disagreement'
import { VERDICTS, type Claim, type Verdict } from './model'
import { placementState, PLACEMENT_LABELS, WORDING_WORDS, type PlacementState } from './placement-words'

export type VerdictCounts = Record<Verdict, number>

export function countVerdicts(claims: readonly Pick<Claim, 'verdict'>[]): VerdictCounts {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts
  for (const claim of claims) counts[claim.verdict]++
  return counts
}

/** "7 of 12 reviewed — 4 verified, 2 disputed, 1 needs context" (verdicts with no claims are left out). */
export function progressLine(claims: readonly Pick<Claim, 'verdict'>[], labels: Record<Verdict, string>): string {
  const counts = countVerdicts(claims)
  const reviewed = claims.length - counts.unreviewed
  const parts = VERDICTS.filter((v) => v !== 'unreviewed' && counts[v] > 0).map((v) => `${counts[v]} ${labels[v].toLocaleLowerCase()}`)
  return `${reviewed} of ${claims.length} reviewed${parts.length ? ` — ${parts.join(', ')}` : ''}`
}

/**
 * Whole percentages of `counts` that add up to exactly 100 (all 0 for no counts), by largest remainder: each
 * share rounded down, then the points still missing go to the largest fractions (ties: the earlier count), so
 * five claims of 2, 2, 2, 1, 1 show 25, 25, 25, 13, 12 — not 101 %.
 */
export function percentShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0)
  if (total === 0) return counts.map(() => 0)
  const exact = counts.map((n) => (n * 100) / total)
  const shares = exact.map(Math.floor)
  const missing = 100 - shares.reduce((sum, n) => sum + n, 0)
  const byFraction = exact.map((x, i) => ({ i, fraction: x - Math.floor(x) })).sort((a, b) => b.fraction - a.fraction || a.i - b.i)
  for (const { i } of byFraction.slice(0, missing)) shares[i]!++
  return shares
}

/** A claim needs a look when an update moved or lost it, or its verdict was given for words it no longer has. */
export function needsLook(claim: Pick<Claim, 'anchor' | 'verdictWording'>): boolean {
  return claim.anchor !== undefined || claim.verdictWording !== undefined
}

export type LookCounts = Record<Exclude<PlacementState, 'in-place'>, number> & { earlierWording: number; total: number }

export function countLooks(claims: readonly Pick<Claim, 'anchor' | 'verdictWording'>[]): LookCounts {
  const counts: LookCounts = { moved: 0, 'text-changed': 0, 'not-found': 0, earlierWording: 0, total: 0 }
  for (const claim of claims) {
    const state = placementState(claim)
    if (state !== 'in-place') counts[state]++
    if (claim.verdictWording !== undefined) counts.earlierWording++
    if (needsLook(claim)) counts.total++
  }
  return counts
}

/**
 * "3 of 12 need a look — 1 moved, 1 text changed, 1 verdict given for the earlier wording"; empty when none do.
 * A claim can be both moved and judged on earlier words, so the parts may add up to more than the total.
 */
export function needsLookLine(claims: readonly Pick<Claim, 'anchor' | 'verdictWording'>[]): string {
  const counts = countLooks(claims)
  if (counts.total === 0) return ''
  const states = ['moved', 'text-changed', 'not-found'] as const
  const parts = states.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${PLACEMENT_LABELS[s].toLocaleLowerCase()}`)
  const n = counts.earlierWording
  if (n > 0) parts.push(`${n} ${n === 1 ? 'verdict' : 'verdicts'} ${WORDING_WORDS.verdictForEarlier}`)
  return `${counts.total} of ${claims.length} need a look — ${parts.join(', ')}`
}

/**
 * "Reviewers disagree on 2 of 12 claims": verdicts set without seeing each other's that still stand side by side
 * (core/disagreement.ts); empty when there are none.
 */
export function disagreementLine(claims: readonly Pick<Claim, 'verdicts'>[]): string {
  const n = claims.filter(hasDisagreement).length
  return n ? `Reviewers disagree on ${n} of ${claims.length} ${claims.length === 1 ? 'claim' : 'claims'}` : ''
}
