// The reports' "Reviewer agreement" section and review status line: there when they should be, in the same words in
// HTML and Markdown, and reviewers' names (untrusted) only ever as text.

import { JSDOM } from 'jsdom'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { createSelectors } from '../../src/core/anchoring/selectors'
import type { ArticleDoc, Claim, ReviewStatus, Verdict } from '../../src/core/model'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { agreementText, reviewStatusText } from '../../src/core/report/agreement'
import { exportHtml } from '../../src/core/report/html'
import { exportMarkdown } from '../../src/core/report/markdown'
import { ANA, BASHIR, CHEN, change, imported, sampleOptions } from './sample-doc'

const TEXT = 'Exports rose 12% in June. Imports fell by 3%.\nThe minister said trade doubled since 2015.'
const QUOTES = ['Exports rose 12%', 'Imports fell by 3%', 'The minister said']
const EVIL = '<img src=x onerror=alert(1)>'
const MD_EVIL = '*Bash* [x](javascript:alert(1)) <b>'
const NAMES: Record<string, string> = { [ANA]: `Ana ${EVIL}`, [BASHIR]: MD_EVIL, [CHEN]: 'Chen & Co' }

function newClaim(doc: ArticleDoc, id: string, exact: string): Claim {
  const start = doc.article.text.indexOf(exact)
  return { id, ...createSelectors(doc.article.text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: '', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' }
}

/** Ana marks three claims; each reviewer then gives the verdicts listed for them, in turn. */
function reviewed(verdicts: Partial<Record<string, Verdict[]>>, status?: { by: string; status: ReviewStatus }): ArticleDoc {
  const body = bodyFromPlainText(TEXT)
  let doc = imported({ id: 'trade-story', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  let minute = 1
  QUOTES.forEach((q, i) => (doc = change(doc, ANA, minute++, { type: 'claim.create', claim: newClaim(doc, `claim-${i + 1}`, q) }, NAMES[ANA])))
  for (const [name, list] of Object.entries(verdicts)) {
    list!.forEach((verdict, i) => {
      const claim = doc.claims.find((c) => c.id === `claim-${i + 1}`)!
      doc = change(doc, name, minute++, { type: 'claim.setVerdict', claimId: claim.id, verdict, previous: claim.verdict }, NAMES[name])
    })
  }
  if (status) {
    // Set on 3 December 2026 (the sample day is 28 November).
    doc = change(doc, status.by, 5 * 24 * 60, { type: 'article.setStatus', status: status.status, previous: 'in-progress' }, NAMES[status.by])
  }
  return doc
}

const html = (doc: ArticleDoc) => new JSDOM(exportHtml(doc, sampleOptions())).window.document
const markdown = (doc: ArticleDoc) => exportMarkdown(doc, sampleOptions())
const renderedMarkdown = (doc: ArticleDoc) => new JSDOM(marked.parse(markdown(doc), { async: false })).window.document

/** The value of a masthead row of the HTML report. */
function metaRow(page: Document, key: string): Element | undefined {
  const dt = [...page.querySelectorAll('.masthead dt')].find((d) => d.textContent === key)
  return dt?.nextElementSibling ?? undefined
}

describe('reviewer agreement in the reports', () => {
  // Ana V D N, Bashir V D V, Chen V V: Ana–Bashir κ 0.50 (worked in test/cli-agreement.test.ts), Ana–Chen over
  // V/V, D/V: p_o = 1/2, p_e = (1/2)(2/2) = 1/2, κ 0; Bashir–Chen V/V, D/V: κ 0. Fleiss over the three claims:
  // [3,0,0,0] P = 1; [0,2,0,0]+[1,..] = [1,2,0,0] P = 2/6; [1,0,1,0] P = 0 → P̄ = 4/9; ratings 8: V 5, D 2, N 1:
  // P_e = (25 + 4 + 1)/64 = 30/64; κ = (4/9 − 30/64) / (34/64) = −0.046…, "poor".
  const three = reviewed({ [ANA]: ['verified', 'disputed', 'needs-context'], [BASHIR]: ['verified', 'disputed', 'verified'], [CHEN]: ['verified', 'verified'] })

  it('words it once for both reports', () => {
    expect(agreementText(three)).toEqual({
      pairs: [
        `Ana ${EVIL} and ${MD_EVIL}: 3 claims both judged, 2 agreed; Cohen's κ 0.50, moderate agreement.`,
        `Ana ${EVIL} and Chen & Co: 2 claims both judged, 1 agreed; Cohen's κ 0.00, slight agreement.`,
        `${MD_EVIL} and Chen & Co: 2 claims both judged, 1 agreed; Cohen's κ 0.00, slight agreement.`
      ],
      overall: "All reviewers: 3 claims judged by two or more of 3 reviewers, 1 agreed by all; Fleiss' κ -0.05, poor agreement."
    })
  })

  it('HTML: a section with each pair and the overall κ, names escaped', () => {
    const source = exportHtml(three, sampleOptions())
    expect(source).not.toContain(EVIL)
    expect(source).not.toContain('<b>')
    const page = html(three)
    const section = page.querySelector('section.agreement')!
    expect(section.querySelector('h2')!.textContent).toBe('Reviewer agreement')
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual(agreementText(three)!.pairs)
    expect(section.querySelector('p')!.textContent).toBe(agreementText(three)!.overall)
    expect(section.querySelectorAll('img, b, a, script')).toHaveLength(0)
    expect(page.querySelectorAll('img')).toHaveLength(0)
    // After the summary, before the claims.
    const order = [...page.querySelectorAll('section')].map((s) => s.className)
    expect(order.indexOf('agreement')).toBe(order.indexOf('summary') + 1)
  })

  it('Markdown: a section with each pair and the overall κ, names as literal text', () => {
    const text = markdown(three)
    expect(text).toContain('## Reviewer agreement\n\n- Ana ')
    expect(text).not.toContain(EVIL)
    expect(text).not.toContain('[x](javascript')
    const page = renderedMarkdown(three)
    const heading = [...page.querySelectorAll('h2')].find((h) => h.textContent === 'Reviewer agreement')!
    expect(heading).toBeDefined()
    const list = heading.nextElementSibling!
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(agreementText(three)!.pairs)
    expect(list.nextElementSibling!.textContent).toBe(agreementText(three)!.overall)
    expect(list.nextElementSibling!.nextElementSibling!.textContent).toBe('Claims')
    for (const part of [list, list.nextElementSibling!]) expect(part.querySelectorAll('img, a, b, em, strong')).toHaveLength(0)
    expect(page.querySelectorAll('img, a[href^="javascript"], b')).toHaveLength(0)
  })

  it('is left out with fewer than two reviewers, and says so when two have no claim in common', () => {
    const alone = reviewed({ [ANA]: ['verified', 'disputed'] })
    expect(agreementText(alone)).toBeUndefined()
    expect(html(alone).querySelector('section.agreement')).toBeNull()
    expect(markdown(alone)).not.toContain('Reviewer agreement')

    const apart = reviewed({ [ANA]: ['verified'], [BASHIR]: [] })
    expect(agreementText(apart)).toBeUndefined() // Bashir has no verdict: one reviewer with judgements
    const notShared = reviewed({ [ANA]: ['verified'], [CHEN]: ['unreviewed', 'disputed'] })
    expect(agreementText(notShared)).toEqual({ pairs: [], overall: 'No claim has verdicts from two reviewers yet.' })
    expect(html(notShared).querySelector('section.agreement p')!.textContent).toBe('No claim has verdicts from two reviewers yet.')
    expect(markdown(notShared)).toContain('## Reviewer agreement\n\nNo claim has verdicts from two reviewers yet.\n')
  })

  it('says why κ is undefined when all agree on one verdict', () => {
    const same = reviewed({ [ANA]: ['verified', 'verified'], [CHEN]: ['verified', 'verified'] })
    const text = agreementText(same)!
    expect(text.pairs).toEqual([expect.stringMatching(/^Ana .* and Chen & Co: 2 claims both judged, 2 agreed; Cohen's κ undefined\. Both gave every claim they judged the same verdict \(Verified\): agreement is total/)])
    expect(html(same).querySelector('section.agreement li')!.textContent).toBe(text.pairs[0])
  })
})

describe('review status in the reports’ header', () => {
  it('approved: by whom and when, the name escaped', () => {
    const doc = reviewed({ [ANA]: ['verified'] }, { by: ANA, status: 'approved' })
    const line = `Approved by Ana ${EVIL}, 3 December 2026`
    expect(reviewStatusText(doc)).toBe(line)
    const source = exportHtml(doc, sampleOptions())
    expect(source).not.toContain(EVIL)
    const page = html(doc)
    expect(metaRow(page, 'Status')!.textContent).toBe(line)
    expect(page.querySelectorAll('img')).toHaveLength(0)

    const text = markdown(doc)
    expect(text).not.toContain(EVIL)
    const item = [...renderedMarkdown(doc).querySelectorAll('li')].find((li) => li.textContent!.startsWith('Status:'))!
    expect(item.textContent).toBe(`Status: ${line}`)
    expect(item.querySelectorAll('img')).toHaveLength(0)
  })

  it('a Markdown-hostile approver is literal text', () => {
    const doc = reviewed({}, { by: BASHIR, status: 'approved' })
    const item = [...renderedMarkdown(doc).querySelectorAll('li')].find((li) => li.textContent!.startsWith('Status:'))!
    expect(item.textContent).toBe(`Status: Approved by ${MD_EVIL}, 3 December 2026`)
    expect(item.querySelectorAll('a, em, b')).toHaveLength(0)
  })

  it('ready and reopened by their labels; nothing while in progress', () => {
    for (const [status, label] of [['ready', 'Ready for the editor'], ['reopened', 'Reopened']] as const) {
      const doc = reviewed({}, { by: CHEN, status })
      expect(metaRow(html(doc), 'Status')!.textContent).toBe(label)
      expect(markdown(doc)).toContain(`- **Status:** ${label}\n`)
    }
    const doc = reviewed({ [ANA]: ['verified'] })
    expect(reviewStatusText(doc)).toBeUndefined()
    expect(metaRow(html(doc), 'Status')).toBeUndefined()
    expect(markdown(doc)).not.toContain('**Status:**')
  })
})
