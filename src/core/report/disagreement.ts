// Reviewers who disagree on a claim's verdict (Claim.verdicts; core/disagreement.ts), as every report says it:
// "Dana: Disputed · Sam: Verified", names as the document knows them now, verdicts by the workspace's labels.

import { hasDisagreement } from '../disagreement'
import { personName } from '../history'
import type { ArticleDoc, Claim } from '../model'
import { verdictLabel, type ReportOptions } from './options'
import { VERDICT_ICONS } from './verdicts'

export const DISAGREEMENT_LABEL = 'Reviewers disagree'

export interface VerdictOf {
  name: string
  verdict: Claim['verdict']
  label: string
}

/** The verdicts in force, one per reviewer, while they differ; empty when there is no disagreement. */
export function disagreementOf(doc: Pick<ArticleDoc, 'people'>, claim: Pick<Claim, 'verdicts'>, options: Pick<ReportOptions, 'verdictLabels'>): VerdictOf[] {
  if (!hasDisagreement(claim)) return []
  return (claim.verdicts ?? []).map((v) => ({ name: personName(doc.people, v.by), verdict: v.verdict, label: verdictLabel(options, v.verdict) }))
}

/** "Dana: Disputed · Sam: Verified" (with the verdicts' icons for Markdown); empty when reviewers agree. */
export function disagreementText(doc: Pick<ArticleDoc, 'people'>, claim: Pick<Claim, 'verdicts'>, options: Pick<ReportOptions, 'verdictLabels'>, icons = false): string {
  return disagreementOf(doc, claim, options)
    .map((v) => `${v.name}: ${icons ? `${VERDICT_ICONS[v.verdict]} ` : ''}${v.label}`)
    .join(' · ')
}
