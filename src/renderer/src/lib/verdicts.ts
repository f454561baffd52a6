import { DEFAULT_VERDICT_LABELS, VERDICTS, type Verdict } from '../../../core/model'

/** Number keys set verdicts; 0 puts a claim back to unreviewed. */
export const VERDICT_KEYS: Record<Verdict, string> = {
  unreviewed: '0',
  verified: '1',
  disputed: '2',
  'needs-context': '3',
  unverifiable: '4'
}

export const VERDICT_BY_KEY = new Map(VERDICTS.map((v) => [VERDICT_KEYS[v], v]))

/** The scale in the order a reviewer reads it. */
export const VERDICT_ORDER: Verdict[] = ['verified', 'disputed', 'needs-context', 'unverifiable', 'unreviewed']

export function verdictLabel(verdict: Verdict, labels: Record<Verdict, string> = DEFAULT_VERDICT_LABELS): string {
  return labels[verdict] || DEFAULT_VERDICT_LABELS[verdict]
}
