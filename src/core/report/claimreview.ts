// The reviewed claims as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), the markup search
// engines read from a published fact-check: one ClaimReview per reviewed claim, with the fields Google
// requires (claimReviewed, reviewRating.alternateName, url) and the recommended ones Factmark knows.

import { checkSourceUrl } from '../links'
import type { ArticleDoc, Claim, Verdict } from '../model'
import { isoDay } from './dates'
import { reportedClaims, verdictLabel, type ReportOptions } from './options'

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

export function exportClaimReview(doc: ArticleDoc, options: ReportOptions): string {
  // Unreviewed claims have no verdict to publish, whatever the report options say.
  const reviews = reportedClaims(doc, { includeUnreviewed: false }).map(({ claim }) => claimReview(doc, claim, options))
  return `${JSON.stringify(reviews, null, 2)}\n`
}
