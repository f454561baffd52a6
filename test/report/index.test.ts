import { describe, expect, it } from 'vitest'
import { exportReport, isReportFormat, REPORT_FORMAT_INFO, REPORT_FORMATS, reportFileName } from '../../src/core/report'
import { exportCsv } from '../../src/core/report/csv'
import { exportHtml } from '../../src/core/report/html'
import { sampleDoc, sampleOptions } from './sample-doc'

describe('exportReport', () => {
  const doc = sampleDoc()

  it('knows five formats, each with an extension and a MIME type', () => {
    expect(REPORT_FORMATS).toEqual(['html', 'md', 'csv', 'w3c', 'claimreview'])
    for (const format of REPORT_FORMATS) {
      expect(REPORT_FORMAT_INFO[format].extension).toMatch(/^[a-z]+$/)
      expect(REPORT_FORMAT_INFO[format].mimeType).toMatch(/^[a-z]+\/[a-z+.-]+/)
    }
    expect(isReportFormat('md')).toBe(true)
    expect(isReportFormat('pdf')).toBe(false)
  })

  it('dispatches to the format\'s exporter, reproducibly', () => {
    const options = sampleOptions()
    expect(exportReport('html', doc, options)).toBe(exportHtml(doc, options))
    expect(exportReport('csv', doc, options)).toBe(exportCsv(doc, options))
    for (const format of REPORT_FORMATS) expect(exportReport(format, doc, options)).toBe(exportReport(format, sampleDoc(), sampleOptions()))
    expect(() => JSON.parse(exportReport('w3c', doc, options))).not.toThrow()
    expect(() => JSON.parse(exportReport('claimreview', doc, options))).not.toThrow()
  })

  it('suggests a safe file name per format', () => {
    expect(reportFileName(doc.article.title, 'html')).toBe('Trade boom , tariffs, and a 🌍 roundup.html')
    expect(reportFileName('a/b:c', 'w3c')).toBe('a b c.annotations.jsonld')
    expect(reportFileName('...', 'claimreview')).toBe('report.claimreview.jsonld')
    expect(Array.from(reportFileName('🌍'.repeat(150), 'md')).length).toBe(103)
  })
})
