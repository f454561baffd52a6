import type { Claim, Verdict } from './model'

export interface VerdictInForce {
  by: string
  name: string
  verdict: Verdict
}

/**
 * The verdicts in force on a claim, one per reviewer, when they differ: reviewers who set verdicts without seeing each
 * other's (offline, at the same time). Empty when there is no disagreement; the data for reviewer agreement.
 */
export function verdictsInForce(claim: Pick<Claim, 'verdicts'>, people: Record<string, string>): VerdictInForce[] {
  const entries = claim.verdicts ?? []
  if (new Set(entries.map((v) => v.verdict)).size < 2) return []
  return entries.map((v) => ({ by: v.by, name: people[v.by] ?? v.by, verdict: v.verdict }))
}

export function hasDisagreement(claim: Pick<Claim, 'verdicts'>): boolean {
  const verdicts = claim.verdicts
  // Most claims have one verdict in force or none: asked of every claim on every change, so no Set for those.
  if (!verdicts || verdicts.length < 2) return false
  return verdicts.some((v) => v.verdict !== verdicts[0]!.verdict)
}
