import { describe, expect, it } from 'vitest'
import { ArticleDoc, DEFAULT_VERDICT_LABELS } from '../../src/core/model'
import { claimReviewOmissions, claimReviewUrl, exportClaimReview } from '../../src/core/report/claimreview'
import { revisedDoc, sampleDoc, sampleOptions } from './sample-doc'

/** Parsed JSON-LD, read loosely. */
type Json = Record<string, any>

const RATINGS = { verified: 5, 'needs-context': 3, disputed: 1, unverifiable: undefined } as const

describe('exportClaimReview', () => {
  const doc = sampleDoc()
  const byUrl = new Map(doc.claims.map((c) => [`https://checks.example.org/reviews/wire-roundup#claim-${c.id}`, c]))

  it('gives one ClaimReview per reviewed claim, never an unreviewed one, with the required fields', () => {
    const reviews = JSON.parse(exportClaimReview(doc, sampleOptions({ includeUnreviewed: true }))) as Json[]
    const reviewed = doc.claims.filter((c) => c.verdict !== 'unreviewed')
    expect(reviews).toHaveLength(reviewed.length)
    for (const review of reviews) {
      const claim = byUrl.get(review.url)!
      expect(claim, review.url).toBeDefined()
      expect(claim.verdict).not.toBe('unreviewed')
      expect(review['@context']).toBe('https://schema.org')
      expect(review['@type']).toBe('ClaimReview')
      expect(review.claimReviewed).toBe(claim.quote.exact)
      expect(review.reviewRating['@type']).toBe('Rating')
      expect(review.reviewRating.alternateName).toBe(DEFAULT_VERDICT_LABELS[claim.verdict])
      expect(review.datePublished).toBe(claim.updatedAt.slice(0, 10))
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Checks' })
      expect(review.itemReviewed['@type']).toBe('Claim')
      expect(review.itemReviewed.appearance).toMatchObject({ '@type': 'CreativeWork', url: 'https://news.example.org/wire/roundup?id=42&lang=en' })
      expect(review.itemReviewed.datePublished).toBe('2017-08-14')
    }
  })

  it('rates verified 5, needs context 3, disputed 1, and unverifiable with a name only', () => {
    const reviews = JSON.parse(exportClaimReview(doc, sampleOptions())) as Json[]
    for (const review of reviews) {
      const verdict = byUrl.get(review.url)!.verdict as keyof typeof RATINGS
      expect(review.reviewRating.ratingValue).toBe(RATINGS[verdict])
      if (verdict === 'unverifiable') {
        expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' })
      } else {
        expect(review.reviewRating).toMatchObject({ bestRating: 5, worstRating: 1 })
      }
    }
    expect(new Set(reviews.map((r) => byUrl.get(r.url)!.verdict))).toEqual(new Set(['verified', 'needs-context', 'disputed', 'unverifiable']))
  })

  it('names the claimant as the claim\'s author, a person or an organisation', () => {
    const reviews = JSON.parse(exportClaimReview(doc, sampleOptions())) as Json[]
    const of = (id: string) => reviews.find((r) => r.url.endsWith(`#claim-${id}`))!
    expect(of('claim-a').itemReviewed.author).toEqual({ '@type': 'Person', name: 'Премьер-министр' })
    expect(of('claim-c').itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Ministry of Trade' })
    expect(of('claim-f').itemReviewed.author).toBeUndefined()
    expect(of('claim-c').reviewBody).toBe('The 80% is year on year.\nThe base was low.')
  })

  it('uses the workspace labels, falls back to Factmark as author, and leaves out what is unknown', () => {
    const bare = ArticleDoc.parse({ ...doc, article: { ...doc.article, origin: { kind: 'paste' }, publishedAt: undefined } })
    const reviews = JSON.parse(
      exportClaimReview(bare, sampleOptions({ organisation: '', claimReviewBaseUrl: '', verdictLabels: { ...DEFAULT_VERDICT_LABELS, disputed: 'False' } }))
    ) as Json[]
    expect(reviews[0]!.author).toEqual({ '@type': 'Organization', name: 'Factmark' })
    expect(reviews[0]!.itemReviewed.appearance).toBeUndefined()
    expect(reviews[0]!.itemReviewed.datePublished).toBeUndefined()
    expect(reviews.every((r) => /^#claim-[a-z0-9-]+$/.test(r.url))).toBe(true)
    expect(reviews.filter((r) => r.reviewRating.ratingValue === 1).every((r) => r.reviewRating.alternateName === 'False')).toBe(true)
  })

  it('builds each url from the base and the claim anchor, with or without a slash or fragment', () => {
    expect(claimReviewUrl('https://x.example/r/article-1', 'abc')).toBe('https://x.example/r/article-1#claim-abc')
    expect(claimReviewUrl('https://x.example/r/', 'abc')).toBe('https://x.example/r/#claim-abc')
    expect(claimReviewUrl('https://x.example/r#', 'abc')).toBe('https://x.example/r#claim-abc')
    expect(claimReviewUrl(' https://x.example/r#top ', 'abc')).toBe('https://x.example/r#claim-abc')
    expect(claimReviewUrl('', 'abc')).toBe('#claim-abc')
  })

  it('leaves out claims not found, whose text changed, or whose verdict is for earlier words, and says why', () => {
    const revised = revisedDoc()
    const reviews = JSON.parse(exportClaimReview(revised, sampleOptions())) as Json[]
    // Published: the claim in place and the one that moved with the same words.
    expect(reviews.map((r) => r.url.replace(/^.*#claim-/, ''))).toEqual(['c-moved', 'c-inplace'])
    expect(reviews.map((r) => r.claimReviewed)).toEqual(['25 years of diplomatic relations', 'the efforts to intensify the trade'])
    expect(JSON.stringify(reviews)).not.toMatch(/joint plants|million/)

    const left = claimReviewOmissions(revised, sampleOptions())
    expect(left.total).toBe(4)
    expect(left.byReason).toEqual({ 'not-found': 1, 'text-changed': 1, 'earlier-wording': 1, disagreement: 0, unreviewed: 1 })
    expect(left.message).toBe(
      '4 claims left out: 1 not found in the current text, 1 text changed (re-check first), 1 verdict given for the earlier wording (confirm it first), 1 unreviewed'
    )
    expect(left.total + reviews.length).toBe(revised.claims.length)
  })

  it('explains the unreviewed ones too, in the workspace\'s words, and says nothing when none are left out', () => {
    const sample = claimReviewOmissions(sampleDoc(), sampleOptions({ verdictLabels: { ...DEFAULT_VERDICT_LABELS, unreviewed: 'To do' } }))
    expect(sample.message).toBe('2 claims left out: 2 to do')
    const reviewed = ArticleDoc.parse({ ...doc, claims: doc.claims.filter((c) => c.verdict !== 'unreviewed') })
    expect(claimReviewOmissions(reviewed, sampleOptions())).toEqual({
      total: 0,
      byReason: { 'not-found': 0, 'text-changed': 0, 'earlier-wording': 0, disagreement: 0, unreviewed: 0 },
      message: ''
    })
    const one = ArticleDoc.parse({ ...doc, claims: [doc.claims.find((c) => c.verdict === 'unreviewed')!] })
    expect(claimReviewOmissions(one, sampleOptions()).message).toBe('1 claim left out: 1 unreviewed')
  })
})
