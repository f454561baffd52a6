// Reviewers who set different verdicts without seeing each other's: every report says who said what, in the
// workspace's labels, until a verdict that saw them all settles it; ClaimReview publishes no rating for it.

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_LABELS } from '../../src/core/model'
import { claimReviewOmissions, exportClaimReview } from '../../src/core/report/claimreview'
import { exportCsv } from '../../src/core/report/csv'
import { exportHtml } from '../../src/core/report/html'
import { exportMarkdown } from '../../src/core/report/markdown'
import { exportW3c } from '../../src/core/report/w3c'
import { disagreementDoc, sampleOptions } from './sample-doc'

type Json = Record<string, any>

const doc = disagreementDoc()
const claim = (id: string) => doc.claims.find((c) => c.id === id)!
const card = (html: string, id: string) => new RegExp(`<article class="claim[^"]*" id="claim-${id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? ''
/** What a reader sees of some HTML: text without tags, icons that are hidden from screen readers left out. */
const seen = (html: string) => html.replace(/<span class="icon" aria-hidden="true">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '')

describe('the test document', () => {
  it('has one open disagreement, one settled, one claim all agree on, and a change to a claim deleted meanwhile', () => {
    expect(claim('c-split').verdicts?.map((v) => [v.by, v.verdict])).toEqual([['r-ana', 'disputed'], ['r-bashir', 'verified']])
    expect(claim('c-split').verdict).toBe('verified') // the later one, as the claim's field
    expect(claim('c-settled').verdicts?.map((v) => [v.by, v.verdict])).toEqual([['r-chen', 'disputed']])
    expect(claim('c-agreed').verdicts).toHaveLength(1)
    expect(doc.claims.some((c) => c.id === 'c-gone')).toBe(false)
    expect(doc.log.filter((op) => op.type === 'claim.setConclusion')).toHaveLength(1)
  })
})

describe('HTML report', () => {
  const html = exportHtml(doc, sampleOptions({ includeHistory: true }))

  it('names each reviewer with their verdict, by icon and label, on the claim still in dispute', () => {
    const split = card(html, 'c-split')
    expect(split).toContain('<span class="wording disagree">Reviewers disagree</span>')
    const field = /<dt>Reviewers disagree<\/dt><dd class="disagreement">([\s\S]*?)<\/dd>/.exec(split)![1]!
    expect(seen(field)).toBe('Ana Petrova: Disputed · Bashir Haddad: Verified')
    expect(field).toContain('<span class="badge v-disputed"><span class="icon" aria-hidden="true">✗</span>Disputed</span>')
    expect(html).toContain('title="Claim 1: Verified · Reviewers disagree"')
    for (const settled of ['c-settled', 'c-agreed']) expect(card(html, settled)).not.toContain('Reviewers disagree')
  })

  it('counts the claims in dispute in the summary, and tells a change that came too late in the history', () => {
    expect(html).toContain('<p class="look-count">Reviewers disagree on 1 of 3 claims.</p>')
    expect(html).toContain('Bashir Haddad</strong> wrote the conclusion “\u2068Plans, not figures.\u2069” (no effect: the claim had been deleted)')
  })

  it('uses the workspace’s labels', () => {
    const own = exportHtml(doc, sampleOptions({ verdictLabels: { ...DEFAULT_VERDICT_LABELS, disputed: 'False', verified: 'True' } }))
    expect(seen(/<dd class="disagreement">([\s\S]*?)<\/dd>/.exec(own)![1]!)).toBe('Ana Petrova: False · Bashir Haddad: True')
  })
})

describe('Markdown report', () => {
  const md = exportMarkdown(doc, sampleOptions({ includeHistory: true }))

  it('heads the claim in dispute with it and lists each reviewer’s verdict', () => {
    expect(md).toContain('### 1. ✓ Verified · Reviewers disagree\n')
    expect(md).toContain('- **Reviewers disagree:** Ana Petrova: ✗ Disputed · Bashir Haddad: ✓ Verified\n')
    expect(md.match(/Reviewers disagree:/g)).toHaveLength(1)
    expect(md).toContain('**Reviewers disagree on 1 of 3 claims**')
    expect(md).toContain('Bashir Haddad: wrote the conclusion “Plans, not figures.” (no effect: the claim had been deleted)')
  })
})

describe('CSV', () => {
  it('has a Disagreement column: who said what, empty where reviewers agree', () => {
    const [header, ...rows] = parse(exportCsv(doc, sampleOptions({ verdictLabels: { ...DEFAULT_VERDICT_LABELS, disputed: 'False' } })), { record_delimiter: ['\r\n'] }) as string[][]
    const col = header!.indexOf('Disagreement')
    expect(col).toBeGreaterThan(header!.indexOf('Verdict label'))
    const cell = (id: string) => rows.find((r) => r[1] === id)![col]
    expect(cell('c-split')).toBe('Ana Petrova: False · Bashir Haddad: Verified')
    expect(cell('c-settled')).toBe('')
    expect(cell('c-agreed')).toBe('')
  })
})

describe('W3C Web Annotations', () => {
  const items = (JSON.parse(exportW3c(doc, sampleOptions())) as Json).first.items as Json[]
  const describing = (id: string) => (items.find((a) => a.id === `urn:factmark:claim:${id}`)!.body as Json[]).filter((b) => b.purpose === 'describing').map((b) => b.value)

  it('says the disagreement in a describing body beside the assessing one', () => {
    const split = items.find((a) => a.id === 'urn:factmark:claim:c-split')!
    expect(split.body[0]).toMatchObject({ purpose: 'assessing', value: 'Verified' })
    expect(describing('c-split')).toEqual(['Reviewers disagree: Ana Petrova: Disputed · Bashir Haddad: Verified.'])
    expect(describing('c-settled')).toEqual([])
  })
})

describe('ClaimReview', () => {
  it('publishes no rating for a claim reviewers disagree on, and says so', () => {
    const reviews = JSON.parse(exportClaimReview(doc, sampleOptions())) as Json[]
    expect(reviews.map((r) => r.url.replace(/^.*#claim-/, '')).sort()).toEqual(['c-agreed', 'c-settled'])
    expect(reviews.find((r) => r.url.endsWith('c-settled'))!.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Disputed' })
    const left = claimReviewOmissions(doc, sampleOptions())
    expect(left.byReason).toEqual({ 'not-found': 0, 'text-changed': 0, 'earlier-wording': 0, disagreement: 1, unreviewed: 0 })
    expect(left.message).toBe('1 claim left out: 1 with reviewers disagreeing (agree on a verdict first)')
  })
})
