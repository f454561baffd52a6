// How a verdict looks in a report. Colour is never the only signal: each verdict also has a text icon and its label.

import type { Verdict } from '../model'

export const VERDICT_ICONS: Record<Verdict, string> = {
  verified: '✓',
  disputed: '✗',
  'needs-context': '⚠',
  unverifiable: '?',
  unreviewed: '○'
}

/** The scale in the order a reader takes it in (the same order as the app's claim list). */
export const REPORT_VERDICT_ORDER: readonly Verdict[] = ['verified', 'disputed', 'needs-context', 'unverifiable', 'unreviewed']
