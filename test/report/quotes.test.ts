// A quotation that brings its own quotation marks is not wrapped in a second pair, wherever words are quoted.

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { describeOperation, inQuotes } from '../../src/core/history'
import { DEFAULT_VERDICT_LABELS } from '../../src/core/model'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { exportCsv } from '../../src/core/report/csv'
import { exportHtml } from '../../src/core/report/html'
import { exportMarkdown } from '../../src/core/report/markdown'
import { exportW3c } from '../../src/core/report/w3c'
import { ANA, at, change, imported, markClaim, sampleOptions } from './sample-doc'

describe('inQuotes', () => {
  it('wraps plain words, and leaves words that bring their own marks as they are', () => {
    expect(inQuotes('eight joint plants')).toBe('“eight joint plants”')
    expect(inQuotes('“We are partners”')).toBe('“We are partners”')
    expect(inQuotes('“We are partners,” he said')).toBe('“We are partners,” he said')
    expect(inQuotes('he said: “soon”')).toBe('he said: “soon”')
    expect(inQuotes('"up 12%"')).toBe('"up 12%"')
    expect(inQuotes('«Nous sommes partenaires»')).toBe('«Nous sommes partenaires»')
    expect(inQuotes('„Wir sind Partner“')).toBe('„Wir sind Partner“')
    // A lone straight quote is not a pair.
    expect(inQuotes('"')).toBe('“"”')
    expect(inQuotes('12" screens')).toBe('“12" screens”')
  })

  it('shortens what is inside the marks and isolates it for HTML', () => {
    const cut = (s: string) => `${s.slice(0, 3)}…`
    expect(inQuotes('«abcdef»', { shorten: cut })).toBe('«abc…»')
    expect(inQuotes('abcdef', { shorten: cut, isolate: true })).toBe('“\u2068abc…\u2069”')
    expect(inQuotes('“abc”', { isolate: true })).toBe('“\u2068abc\u2069”')
  })
})

describe('quotations in the history and the reports', () => {
  const body = bodyFromBlocks([{ kind: 'p', text: '“We are strategic partners”, the minister said. «Nous sommes partenaires», a-t-il dit.' }])
  let doc = imported({ id: 'quotes', title: '“Partners”', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  doc = markClaim(doc, 'claim-en', '“We are strategic partners”', 'verified', 1)
  doc = markClaim(doc, 'claim-fr', '«Nous sommes partenaires»', 'verified', 3)
  doc = change(doc, ANA, 5, {
    type: 'claim.addSource', claimId: 'claim-en',
    source: { id: 'source-1', url: 'https://example.org/', title: 'Transcript', publisher: '', excerpt: '"We are strategic partners"', stance: 'supports', accessedAt: '2026-11-27', by: ANA, at: at(5) }
  })
  const options = sampleOptions({ includeHistory: true })

  it('tells the history with one pair of marks', () => {
    const lines = doc.log.map((op) => describeOperation(op, { verdictLabels: DEFAULT_VERDICT_LABELS, includeNotes: true }))
    expect(lines).toContain('marked the claim “We are strategic partners”')
    expect(lines).toContain('marked the claim «Nous sommes partenaires»')
    expect(lines.join('\n')).not.toMatch(/““|””|“«|»”/)
    expect(exportHtml(doc, options)).toContain('marked the claim “\u2068We are strategic partners\u2069”')
    expect(exportMarkdown(doc, options)).toContain('marked the claim «Nous sommes partenaires»')
  })

  it('does not double the marks of a source excerpt in CSV, nor of the title in W3C', () => {
    const [header, ...rows] = parse(exportCsv(doc, options), { record_delimiter: ['\r\n'] }) as string[][]
    const sources = rows.find((r) => r[1] === 'claim-en')![header!.indexOf('Sources')]!
    expect(sources).toContain(' — "We are strategic partners"')
    expect(sources).not.toContain('“"')
    expect(JSON.parse(exportW3c(doc, options)).label).toBe('Fact-check of “Partners”')
  })
})
