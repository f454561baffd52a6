// What a report includes and how it is labelled. Every exporter takes the same options, so the app's export
// dialog and the CLI fill in one object whatever the format.

import type { NumberFinding } from '../analysis'
import { DEFAULT_VERDICT_LABELS, VERDICTS, type ArticleDoc, type Claim, type Verdict } from '../model'

export interface ReportOptions {
  /** Claims still marked `unreviewed` are reported too (ClaimReview never has them). */
  includeUnreviewed: boolean
  /** Reviewers' notes; without them, history lines do not quote note text either. */
  includeNotes: boolean
  /** The change history (the operation log) of each claim and of the article. */
  includeHistory: boolean
  /** HTML: the whole article with the claims highlighted, or only the claims with some context. */
  articleMode: 'full' | 'claims-only'
  /** The workspace's names for the verdicts; an empty name falls back to the default one. */
  verdictLabels: Record<Verdict, string>
  /** Who publishes the report (ClaimReview `author`, HTML header); may be empty. */
  organisation: string
  /**
   * Where the published report lives, for ClaimReview `url` (`<base>#claim-<id>`). Empty: the url is the bare
   * fragment `#claim-<id>`, which resolves against the page the JSON-LD is embedded in.
   */
  claimReviewBaseUrl: string
  /** When the report was made (ISO time); passed in so that exports are reproducible. */
  generatedAt: string
  /** CSV: start with a UTF-8 byte order mark so that Excel reads the file as UTF-8. */
  csvBom?: boolean
  /**
   * The arithmetic check of the article's current text (core/numbers), shown with the claims whose words they concern
   * (HTML, Markdown). Given by the caller, so that a report costs no more than it shows; absent, none are shown.
   */
  findings?: readonly NumberFinding[]
}

export function defaultReportOptions(partial: Partial<ReportOptions> = {}): ReportOptions {
  return {
    includeUnreviewed: true,
    includeNotes: true,
    includeHistory: false,
    articleMode: 'full',
    organisation: '',
    claimReviewBaseUrl: '',
    generatedAt: new Date().toISOString(),
    csvBom: false,
    ...partial,
    verdictLabels: { ...DEFAULT_VERDICT_LABELS, ...partial.verdictLabels }
  }
}

/** A claim as reports show it, with its number: its place among all the article's claims, in article order. */
export interface ReportedClaim {
  claim: Claim
  number: number
}

/**
 * The article's claims in article order (by start, then end), numbered 1…n over all of them, so that a claim
 * keeps its number whichever claims a report leaves out; unreviewed ones are left out unless asked for.
 */
export function reportedClaims(doc: ArticleDoc, options: Pick<ReportOptions, 'includeUnreviewed'>): ReportedClaim[] {
  return inArticleOrder(doc.claims)
    .map((claim, index) => ({ claim, number: index + 1 }))
    .filter(({ claim }) => options.includeUnreviewed || claim.verdict !== 'unreviewed')
}

/** Claims are stored in article order already; sorting again (stably) keeps reports right if one was not. */
export function inArticleOrder(claims: readonly Claim[]): Claim[] {
  return [...claims].sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end)
}

export function verdictLabel(options: Pick<ReportOptions, 'verdictLabels'>, verdict: Verdict): string {
  return options.verdictLabels[verdict]?.trim() || DEFAULT_VERDICT_LABELS[verdict]
}

/** Every verdict's label, with the defaults standing in for empty ones. */
export function resolvedLabels(options: Pick<ReportOptions, 'verdictLabels'>): Record<Verdict, string> {
  return Object.fromEntries(VERDICTS.map((v) => [v, verdictLabel(options, v)])) as Record<Verdict, string>
}
