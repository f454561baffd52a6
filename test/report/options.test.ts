import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_LABELS } from '../../src/core/model'
import { quoteInContext } from '../../src/core/report/context'
import { defaultReportOptions, reportedClaims, resolvedLabels } from '../../src/core/report/options'
import { reviewers } from '../../src/core/report/people'
import { sampleDoc } from './sample-doc'

describe('report options', () => {
  it('fills in defaults and keeps the given values', () => {
    const options = defaultReportOptions({ includeHistory: true, generatedAt: '2026-01-01T00:00:00.000Z' })
    expect(options).toMatchObject({
      includeUnreviewed: true,
      includeNotes: true,
      includeHistory: true,
      articleMode: 'full',
      organisation: '',
      claimReviewBaseUrl: '',
      generatedAt: '2026-01-01T00:00:00.000Z',
      csvBom: false
    })
    expect(options.verdictLabels).toEqual(DEFAULT_VERDICT_LABELS)
    expect(Date.parse(defaultReportOptions().generatedAt)).not.toBeNaN()
    // An empty label falls back to the default one.
    expect(resolvedLabels({ verdictLabels: { ...DEFAULT_VERDICT_LABELS, disputed: ' ' } }).disputed).toBe('Disputed')
  })

  it('selects claims in article order, numbered over all of them, leaving unreviewed ones out when asked', () => {
    const doc = sampleDoc()
    // Out of order, but with the two claims on identical words in their stored order (nothing else tells them apart).
    const shuffled = { ...doc, claims: [...doc.claims.slice(5), ...doc.claims.slice(0, 5)] }
    const all = reportedClaims(shuffled, { includeUnreviewed: true })
    expect(all.map((r) => r.claim.id)).toEqual(doc.claims.map((c) => c.id))
    expect(all.map((r) => r.number)).toEqual(doc.claims.map((_, i) => i + 1))
    const reviewed = reportedClaims(doc, { includeUnreviewed: false })
    expect(reviewed.every((r) => r.claim.verdict !== 'unreviewed')).toBe(true)
    expect(reviewed.find((r) => r.claim.id === 'claim-i')!.number).toBe(10)
  })

  it('names every reviewer once, in order of first appearance', () => {
    expect(reviewers(sampleDoc())).toEqual(['Ana Petrova', 'Bashir Haddad', 'Chen Wei'])
  })
})

describe('quoteInContext', () => {
  const claimAt = (text: string, exact: string) => {
    const start = text.indexOf(exact)
    return { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } }
  }

  it('stays inside the paragraph and cuts long context at word boundaries', () => {
    const text = `First paragraph.\n\n${'alpha beta gamma delta '.repeat(6)}CLAIM${' epsilon zeta eta theta'.repeat(6)}\n\nLast.`
    const ctx = quoteInContext(text, claimAt(text, 'CLAIM'), 40)
    expect(ctx.exact).toBe('CLAIM')
    expect(ctx.moreBefore && ctx.moreAfter).toBe(true)
    expect(ctx.before.length).toBeLessThanOrEqual(41)
    expect(ctx.before).toMatch(/^(alpha|beta|gamma|delta) /)
    expect(ctx.after).toMatch(/ (epsilon|zeta|eta|theta)$/)
    const short = quoteInContext(text, claimAt(text, 'paragraph'))
    expect(short).toEqual({ before: 'First ', exact: 'paragraph', after: '.', moreBefore: false, moreAfter: false, from: 0, to: 16 })
    // Where the context lies in the text: the flattened slice is exactly what is shown.
    expect(text.slice(ctx.from, text.indexOf('CLAIM'))).toBe(ctx.before)
    expect(text.slice(text.indexOf('CLAIM') + 5, ctx.to)).toBe(ctx.after)
  })

  it('cuts text without spaces at word or grapheme boundaries, never inside an emoji', () => {
    const text = `${'👨‍👩‍👧‍👦'.repeat(30)}X${'🇧🇾'.repeat(30)}`
    const ctx = quoteInContext(text, claimAt(text, 'X'), 20)
    expect(ctx.before.length % '👨‍👩‍👧‍👦'.length).toBe(0)
    expect(ctx.after.length % '🇧🇾'.length).toBe(0)
    expect(ctx.before.length).toBeGreaterThan(0)
  })

  it('falls back on the stored prefix and suffix when the position no longer selects the quote', () => {
    const ctx = quoteInContext('something else entirely', {
      quote: { exact: 'the claim', prefix: 'partial words before ', suffix: ' and after.' },
      position: { start: 0, end: 9 }
    })
    expect(ctx).toEqual({ before: 'partial words before ', exact: 'the claim', after: ' and after.', moreBefore: false, moreAfter: false })
  })
})
