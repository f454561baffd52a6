// What the reports say of reviewer agreement (core/agreement.ts) and of the article's review status, in the same words
// in HTML and Markdown. Plain text: each report escapes it as it escapes any user text (reviewer names are in it).

import { articleAgreement, formatKappa, kappaWords, type Kappa } from '../agreement'
import { personName, REVIEW_STATUS_LABELS } from '../history'
import type { ArticleDoc } from '../model'
import { longDay } from './dates'

export const AGREEMENT_HEADING = 'Reviewer agreement'

export interface AgreementText {
  /** One line per pair of reviewers who judged claims in common: Cohen's κ with its counts. */
  pairs: string[]
  /** All reviewers together: Fleiss' κ with its counts. */
  overall: string
}

/**
 * The reviewer-agreement section's lines, when at least two reviewers have verdicts of their own on the article's
 * claims; undefined otherwise (a report then has no such section).
 */
export function agreementText(doc: Pick<ArticleDoc, 'claims' | 'log' | 'people'>): AgreementText | undefined {
  const agreement = articleAgreement(doc)
  if (agreement.reviewers.length < 2) return undefined
  const pairs = agreement.pairs.map(
    (p) => `${p.names[0]} and ${p.names[1]}: ${count(p.claims, 'claim')} both judged, ${p.agreed} agreed; Cohen's κ ${kappaText(p)}`
  )
  const { overall } = agreement
  const text =
    overall.claims === 0
      ? overall.reason ?? 'No claim has verdicts from two reviewers yet.'
      : `All reviewers: ${count(overall.claims, 'claim')} judged by two or more of ${count(overall.raters, 'reviewer')}, ${overall.agreedClaims} agreed by all; Fleiss' κ ${kappaText(overall)}`
  return { pairs, overall: text }
}

/** "0.62, substantial agreement." or why κ is undefined. */
function kappaText(k: Kappa): string {
  if (k.kappa === null) return `undefined. ${k.reason ?? 'Not enough data.'}`
  return `${formatKappa(k.kappa)}, ${kappaWords(k.kappa)} agreement.`
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`

/**
 * The review status as a report's header gives it: "Approved by Dana, 28 November 2026" once approved, the status's
 * label when ready or reopened; undefined while in progress.
 */
export function reviewStatusText(doc: Pick<ArticleDoc, 'status' | 'people'>): string | undefined {
  const status = doc.status
  if (!status || status.status === 'in-progress') return undefined
  if (status.status === 'approved') return `Approved by ${personName(doc.people, status.by)}, ${longDay(status.at)}`
  return REVIEW_STATUS_LABELS[status.status]
}
