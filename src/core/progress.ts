import { VERDICTS, type Claim, type Verdict } from './model'

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
