// The reviewed claims as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), the markup search
// engines read from a published fact-check: one ClaimReview per reviewed claim, with the fields Google
// requires (claimReviewed, reviewRating.alternateName, url) and the recommended ones Factmark knows.
// A published rating must be for words the article has now, and the desk's one verdict, so claims not found in the
// current text, whose text changed (until a reviewer accepts the change), whose verdict was given for earlier words
// or on which reviewers disagree are left out, and `claimReviewOmissions` says how many and why, for the export
// dialog and the CLI to tell.

import { hasDisagreement } from '../disagreement'
import { checkSourceUrl } from '../links'
import type { ArticleDoc, Claim, Verdict } from '../model'
import { placementState, PLACEMENT_LABELS, PLACEMENT_SENTENCES, WORDING_WORDS } from '../placement-words'
import { isoDay } from './dates'
import { embeddableJson } from './json'
import { inArticleOrder, verdictLabel, type ReportOptions } from './options'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** DESIGN.md's scale: a number for the verdicts that rate the claim's truth, none for "unverifiable". */
export const CLAIMREVIEW_RATINGS: Record<Exclude<Verdict, 'unreviewed'>, number | undefined> = {
  verified: 5,
  'needs-context': 3,
  disputed: 1,
  unverifiable: undefined
}

/**
 * `<base>#claim-<id>`, the anchor the HTML report gives each claim. A fragment already on the base is replaced;
 * a trailing slash is kept (`/a/` and `/a` are different pages). Without a base, the bare fragment, which
 * resolves against the page the JSON-LD is published in.
 */
export function claimReviewUrl(base: string, claimId: string): string {
  return `${base.trim().replace(/#.*$/, '')}#claim-${claimId}`
}

/** Words that mark a claimant as an organisation rather than a person; a guess, for `itemReviewed.author`. */
const ORGANISATION = /\b(ministry|ministries|department|agency|government|council|committee|commission|parliament|party|office|bank|company|corporation|corp|inc|ltd|llc|plc|gmbh|association|union|institute|university|foundation|federation|organi[sz]ation|service|bureau|authority|news|press|times|post|tv|radio|network|group)\b/i

function claimant(name: string): JsonObject | undefined {
  const trimmed = name.trim()
  if (!trimmed) return undefined
  return { '@type': ORGANISATION.test(trimmed) ? 'Organization' : 'Person', name: trimmed }
}

/** A publication date as schema.org wants it (ISO 8601), when the article's is one. */
function isoPublished(value: string | undefined): string | undefined {
  const match = value ? /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/.exec(value.trim()) : null
  return match ? match[0] : undefined
}

function compact(object: { [key: string]: Json | undefined }): JsonObject {
  return Object.fromEntries(Object.entries(object).filter((e): e is [string, Json] => e[1] !== undefined))
}

function claimReview(doc: ArticleDoc, claim: Claim, options: ReportOptions): JsonObject {
  const { article } = doc
  const checkedUrl = article.origin.url ? checkSourceUrl(article.origin.url) : undefined
  const articleUrl = checkedUrl?.ok ? checkedUrl.url : undefined
  const published = isoPublished(article.publishedAt)
  // Only reviewed claims get here (see exportClaimReview); an unreviewed one would carry no number either.
  const ratingValue = claim.verdict === 'unreviewed' ? undefined : CLAIMREVIEW_RATINGS[claim.verdict]
  const reviewRating = compact({
    '@type': 'Rating',
    ratingValue,
    bestRating: ratingValue === undefined ? undefined : 5,
    worstRating: ratingValue === undefined ? undefined : 1,
    alternateName: verdictLabel(options, claim.verdict)
  })
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimReviewUrl(options.claimReviewBaseUrl, claim.id),
    claimReviewed: claim.quote.exact,
    datePublished: isoDay(claim.updatedAt),
    author: { '@type': 'Organization', name: options.organisation.trim() || 'Factmark' },
    reviewRating,
    reviewBody: claim.conclusion.trim() || undefined,
    itemReviewed: compact({
      '@type': 'Claim',
      appearance: articleUrl ? compact({ '@type': 'CreativeWork', url: articleUrl, headline: article.title.replace(/\s+/g, ' ').trim(), datePublished: published }) : undefined,
      author: claimant(claim.claimant),
      datePublished: published
    })
  })
}

/** Why a claim gets no ClaimReview, most pressing first. */
export const CLAIMREVIEW_OMISSIONS = ['not-found', 'text-changed', 'earlier-wording', 'disagreement', 'unreviewed'] as const
export type ClaimReviewOmission = (typeof CLAIMREVIEW_OMISSIONS)[number]

/** Why this claim is left out of ClaimReview (the first reason that holds), or undefined when it is published. */
export function claimReviewOmission(claim: Pick<Claim, 'anchor' | 'verdict' | 'verdictWording' | 'verdicts'>): ClaimReviewOmission | undefined {
  const state = placementState(claim)
  if (state === 'not-found' || state === 'text-changed') return state
  if (claim.verdictWording !== undefined) return 'earlier-wording'
  // Reviewers who set different verdicts without seeing each other's: the desk has no one rating to publish yet.
  if (hasDisagreement(claim)) return 'disagreement'
  // Unreviewed claims have no verdict to publish, whatever the report options say.
  if (claim.verdict === 'unreviewed') return 'unreviewed'
  return undefined
}

export interface ClaimReviewOmissions {
  /** Claims left out, each counted once (under its first reason). */
  total: number
  byReason: Record<ClaimReviewOmission, number>
  /** "2 claims left out: 1 not found in the current text, 1 text changed (re-check first)"; empty when none are. */
  message: string
}

function reasonWords(reason: ClaimReviewOmission, options: Pick<ReportOptions, 'verdictLabels'>): string {
  switch (reason) {
    case 'not-found':
      return PLACEMENT_SENTENCES['not-found'].replace(/\.$/, '').replace(/^./, (c) => c.toLocaleLowerCase())
    case 'text-changed':
      return `${PLACEMENT_LABELS['text-changed'].toLocaleLowerCase()} (re-check first)`
    case 'earlier-wording':
      return `verdict ${WORDING_WORDS.verdictForEarlier} (confirm it first)`
    case 'disagreement':
      return 'with reviewers disagreeing (agree on a verdict first)'
    case 'unreviewed':
      return verdictLabel(options, 'unreviewed').toLocaleLowerCase()
  }
}

/** How many claims the ClaimReview export leaves out and why, in words a reviewer can act on. */
export function claimReviewOmissions(doc: ArticleDoc, options: Pick<ReportOptions, 'verdictLabels'>): ClaimReviewOmissions {
  const byReason = Object.fromEntries(CLAIMREVIEW_OMISSIONS.map((r) => [r, 0])) as Record<ClaimReviewOmission, number>
  for (const claim of doc.claims) {
    const reason = claimReviewOmission(claim)
    if (reason) byReason[reason]++
  }
  const total = CLAIMREVIEW_OMISSIONS.reduce((sum, r) => sum + byReason[r], 0)
  const parts = CLAIMREVIEW_OMISSIONS.filter((r) => byReason[r] > 0).map((r) => `${byReason[r]} ${reasonWords(r, options)}`)
  return { total, byReason, message: total ? `${total} ${total === 1 ? 'claim' : 'claims'} left out: ${parts.join(', ')}` : '' }
}

export function exportClaimReview(doc: ArticleDoc, options: ReportOptions): string {
  return [...claimReviewPieces(doc, options)].join('')
}

/** The ClaimReview export in pieces that join into it, a review at a time (printed as inside the whole list). */
export function* claimReviewPieces(doc: ArticleDoc, options: ReportOptions): Generator<string> {
  const claims = inArticleOrder(doc.claims).filter((claim) => claimReviewOmission(claim) === undefined)
  if (claims.length === 0) return yield `${embeddableJson([])}\n`
  yield '['
  for (const [i, claim] of claims.entries()) yield `${i ? ',' : ''}\n  ${embeddableJson(claimReview(doc, claim, options)).replaceAll('\n', '\n  ')}`
  yield '\n]\n'
}
