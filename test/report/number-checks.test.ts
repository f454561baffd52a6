// Arithmetic findings in the reports: shown in the section of the claim whose words they concern, as text.
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { checkNumbers } from '../../src/core/numbers'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { defaultReportOptions } from '../../src/core/report'
import { exportHtml } from '../../src/core/report/html'
import { exportMarkdown } from '../../src/core/report/markdown'
import { renderReport } from '../../src/main/export/render-report'
import { newClaimOperation } from '../../src/core/new-claim'
import { act, created, writer } from '../core/stamping'

const TEXT = [
  'In January-June the trade soared almost 80% to make up $294.6 million. The exports totaled $252.6 million, the imports reached $52 million.',
  'Today Kazakhstan is home to eight joint plants.'
].join('\n')

function reviewed() {
  const ana = writer('desk-ana', 'r-ana', 'Ana')
  const body = bodyFromPlainText(TEXT)
  let doc = created(ana, { id: 'article01', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  for (const words of ['The exports totaled $252.6 million, the imports reached $52 million.', 'Today Kazakhstan is home to eight joint plants.']) {
    const start = doc.article.text.indexOf(words)
    doc = act(ana, doc, newClaimOperation(doc.article.text, { start, end: start + words.length }))
  }
  return doc
}

describe('number checks in reports', () => {
  const doc = reviewed()
  const findings = checkNumbers(doc.article.text, doc.article.blocks)
  const options = defaultReportOptions({ generatedAt: '2026-12-02T12:00:00.000Z', findings })
  const wrong = findings.find((f) => f.kind === 'sum')!

  it('the HTML report shows an inconsistent total in the claim it concerns, and only there', () => {
    expect(wrong.status).toBe('inconsistent')
    const html = new JSDOM(exportHtml(doc, options)).window.document
    const sections = [...html.querySelectorAll('article.claim')]
    const withNumbers = sections.filter((s) => s.querySelector('.numbers'))
    expect(withNumbers).toHaveLength(1)
    expect(withNumbers[0]!.textContent).toContain('$52 million')
    const item = withNumbers[0]!.querySelector('.finding.inconsistent')!
    expect(item.textContent).toContain('Inconsistent')
    expect(item.textContent).toContain(wrong.explanation)
  })

  it('the Markdown report lists it under the claim, escaped as text', () => {
    const md = exportMarkdown(doc, options)
    const section = md.slice(md.indexOf('The exports totaled'), md.indexOf('eight joint plants'))
    expect(section).toContain('**Numbers checked**')
    expect(section).toMatch(/- ✗ Inconsistent: /)
  })

  it('without findings, no section; the app’s export fills them in', async () => {
    const plain = exportHtml(doc, defaultReportOptions({ generatedAt: options.generatedAt }))
    expect(plain).not.toContain('Numbers checked')
    const rendered = ((await renderReport('html', doc, defaultReportOptions({ generatedAt: options.generatedAt }), async () => new Uint8Array())) as string[]).join('')
    expect(rendered).toContain('Numbers checked')
  })
})
