// Reports are made a piece at a time so that main can give the window a turn between pieces; the pieces must join
// into exactly the report, in every format, with every option, and the sliced analysis must be the whole one.
import { describe, expect, it } from 'vitest'
import { analyseArticle, analysisInSlices } from '../../src/core/analyse-article'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { checkNumbers } from '../../src/core/numbers'
import { REPORT_FORMATS, exportReport, reportPieces } from '../../src/core/report'
import { scoreBlocks, SUGGEST_THRESHOLD } from '../../src/core/suggest'
import { AnalysisCache } from '../../src/main/article-analysis'
import { renderReport } from '../../src/main/export/render-report'
import { exportW3c } from '../../src/core/report/w3c'
import { sampleDoc, sampleOptions } from './sample-doc'

const CHOICES = [
  {},
  { includeUnreviewed: false, includeNotes: false, includeHistory: true, articleMode: 'claims-only' as const, csvBom: true }
]

describe('report pieces', () => {
  it('join into the report, for every format and set of choices', () => {
    const doc = sampleDoc()
    for (const format of REPORT_FORMATS) {
      for (const choices of CHOICES) {
        const options = sampleOptions(choices)
        const pieces = [...reportPieces(format, doc, options)]
        // CSV comes 200 rows a piece (one, here); every other report in more than one.
        if (format !== 'csv') expect(pieces.length, format).toBeGreaterThan(1)
        expect(pieces.join(''), `${format} ${JSON.stringify(choices)}`).toBe(exportReport(format, doc, options))
      }
    }
  })

  it('come in many pieces for a long article, and join into it', async () => {
    const base = sampleDoc()
    const doc = { ...base, claims: Array.from({ length: 30 }, (_, i) => base.claims.map((c) => ({ ...c, id: `${c.id}-${i}` }))).flat() }
    for (const format of REPORT_FORMATS) {
      const pieces = [...reportPieces(format, doc, sampleOptions())]
      if (format !== 'csv' && format !== 'md') expect(pieces.length, format).toBeGreaterThan(doc.claims.length / 2)
      expect(pieces.join(''), format).toBe(exportReport(format, doc, sampleOptions()))
      // What main writes: the same text, in chunks.
      const written = await renderReport(format, doc, sampleOptions({ findings: [] }), async () => new Uint8Array())
      expect((written as string[]).join(''), format).toBe(exportReport(format, doc, sampleOptions({ findings: [] })))
    }
  })

  it('W3C: the collection pretty-printed with one annotation a line, the same JSON as before', () => {
    const doc = sampleDoc()
    const text = exportW3c(doc, sampleOptions())
    const lines = text.split('\n')
    const annotations = lines.filter((l) => l.startsWith('      {"id":"urn:factmark:claim:'))
    expect(annotations.length).toBe(doc.claims.length)
    for (const line of annotations) expect(() => JSON.parse(line.replace(/,$/, ''))).not.toThrow()
    const parsed = JSON.parse(text)
    expect(parsed.first.items.map((a: { id: string }) => a.id)).toEqual(annotations.map((l) => JSON.parse(l.replace(/,$/, '')).id))
    // Still safe inside a page's script element.
    expect(text).not.toMatch(/[<>&]/)
  })

  it('an empty article gives the same report whole or in pieces', () => {
    const doc = { ...sampleDoc(), claims: [] }
    for (const format of REPORT_FORMATS) expect([...reportPieces(format, doc, sampleOptions())].join('')).toBe(exportReport(format, doc, sampleOptions()))
  })
})

describe('analysis in slices', () => {
  it('is worked out once when main is asked for it twice at once, and kept', async () => {
    const cache = new AnalysisCache()
    const doc = sampleDoc()
    const [first, second] = await Promise.all([cache.of(doc), cache.of(doc)])
    expect(second).toBe(first)
    expect(await cache.of(doc)).toBe(first)
    expect(first).toEqual(analyseArticle(doc.article, doc.revision))
  })

  it('is the analysis of all the blocks at once', () => {
    const paragraphs = Array.from({ length: 130 }, (_, i) =>
      i % 3 === 0
        ? `Exports rose by ${i} per cent to $${i + 2}.5 billion in 2023, from $${i}.1 billion, the ministry said on Monday.`
        : `Of the ${i * 10} firms, ${i * 4} (40%) and ${i * 6} (60%) reported losses; the share was ${i % 7 === 0 ? 'up' : 'down'} ${i % 9} points.`
    )
    const article = { text: '', blocks: [] as { kind: 'p'; start: number; end: number }[] }
    Object.assign(article, bodyFromBlocks(paragraphs.map((text) => ({ kind: 'p' as const, text }))))
    const whole = {
      suggestions: scoreBlocks(article.text, article.blocks).filter((s) => s.score >= SUGGEST_THRESHOLD),
      findings: checkNumbers(article.text, article.blocks)
    }
    expect(whole.findings.length).toBeGreaterThan(10)
    expect(whole.suggestions.length).toBeGreaterThan(10)
    const slices = analysisInSlices(article, 'rev-1')
    let pauses = 0
    let step = slices.next()
    for (; !step.done; step = slices.next()) pauses++
    expect(pauses).toBeGreaterThan(1)
    expect(step.value).toEqual({ revision: 'rev-1', threshold: SUGGEST_THRESHOLD, ...whole })
    expect(analyseArticle(article, 'rev-1')).toEqual(step.value)
  })
})

