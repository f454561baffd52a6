import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_LABELS, type ArticleDoc, type Claim } from '../../src/core/model'
import { exportCsv } from '../../src/core/report/csv'
import { sampleDoc, sampleOptions } from './sample-doc'

const HEADER = [
  'Number', 'ID', 'Quote', 'Prefix', 'Suffix', 'Start', 'End', 'Placement', 'Earlier words', 'Verdict', 'Verdict label',
  'Verdict given for the earlier wording', 'Disagreement', 'Conclusion', 'Claimant', 'Tags', 'Notes', 'Sources', 'Created by', 'Created at', 'Updated at'
]

/**
 * The formula-injection guard is the one deliberate difference between the data and the CSV: a text cell that
 * starts with = + - @ (or a tab or CR) is written with an apostrophe in front, so the expected value gets one too.
 */
const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** The values each column should hold, written out here independently of the exporter. */
function expectedRow(doc: ArticleDoc, claim: Claim, number: number): string[] {
  const text = guarded
  // People by name, as the document knows them; never their ids.
  const name = (id: string) => doc.people[id]!
  const sources = claim.sources
    .map((s) =>
      [`[${s.stance}] ${s.title}`, s.publisher, s.url, `accessed ${s.accessedAt}`, ...(s.excerpt ? [`“${s.excerpt}”`] : [])]
        .filter((p) => p.trim())
        .join(' — ')
    )
    .join('\n')
  return [
    String(number),
    text(claim.id),
    text(claim.quote.exact),
    text(claim.quote.prefix),
    text(claim.quote.suffix),
    String(claim.position.start),
    String(claim.position.end),
    'In place', // every claim of the sample is where it was marked
    '',
    text(claim.verdict),
    text(DEFAULT_VERDICT_LABELS[claim.verdict]),
    '',
    '', // no reviewers disagree in the sample
    text(claim.conclusion),
    text(claim.claimant),
    text(claim.tags.join('; ')),
    text(claim.notes.map((n) => `${name(n.by)} (${n.at.slice(0, 10)}): ${n.text}`).join('\n')),
    text(sources),
    text(name(claim.createdBy)),
    text(claim.createdAt),
    text(claim.updatedAt)
  ]
}

const parseCsv = (csv: string): string[][] => parse(csv, { bom: true, record_delimiter: ['\r\n'] })

describe('exportCsv', () => {
  const doc = sampleDoc()

  it('parses back (RFC 4180, CRLF records) to the same value in every cell, apostrophe guard included', () => {
    const csv = exportCsv(doc, sampleOptions())
    const [header, ...rows] = parseCsv(csv)
    expect(header).toEqual(HEADER)
    expect(rows).toHaveLength(doc.claims.length)
    doc.claims.forEach((claim, i) => {
      expect(rows[i]).toEqual(expectedRow(doc, claim, i + 1))
    })
  })

  it('ends every record with CRLF and quotes fields that hold commas, quotes or line breaks', () => {
    const csv = exportCsv(doc, sampleOptions())
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.startsWith('Number,ID,Quote,')).toBe(true)
    expect(csv).toContain('"Ana Petrova (2026-11-28): <script>alert(1)</script> Customs says ""$249,1 млн"", not $252,6.\nSecond line')
    // Outside quoted fields, no line break but CRLF: every LF that is not part of a CRLF sits inside quotes.
    let inQuotes = false
    for (let i = 0; i < csv.length; i++) {
      const c = csv[i]
      if (c === '"') inQuotes = !inQuotes
      else if (c === '\n' && !inQuotes) expect(csv[i - 1]).toBe('\r')
    }
  })

  it('puts an apostrophe before cells a spreadsheet would run as a formula', () => {
    const rows = parseCsv(exportCsv(doc, sampleOptions()))
    const byId = new Map(rows.slice(1).map((r) => [r[1], r]))
    const col = (name: string) => HEADER.indexOf(name)
    const b = byId.get('claim-b')!
    expect(b[col('Conclusion')]).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(b[col('Claimant')]).toBe("'@channel")
    expect(byId.get('claim-d')![col('Tags')]).toBe("'-5%; +export")
    // Ordinary text is left alone.
    expect(byId.get('claim-a')![col('Claimant')]).toBe('Премьер-министр')
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('starts with a UTF-8 byte order mark only when asked', () => {
    expect(exportCsv(doc, sampleOptions()).charCodeAt(0)).not.toBe(0xfeff)
    const withBom = exportCsv(doc, sampleOptions({ csvBom: true }))
    expect(withBom.charCodeAt(0)).toBe(0xfeff)
    expect(parseCsv(withBom)[0]![0]).toBe('Number')
  })

  it('follows the options: unreviewed claims, notes, history, verdict labels', () => {
    const rows = parseCsv(
      exportCsv(doc, sampleOptions({ includeUnreviewed: false, includeNotes: false, includeHistory: true, verdictLabels: { ...DEFAULT_VERDICT_LABELS, disputed: 'False' } }))
    )
    const header = rows[0]!
    expect(header).not.toContain('Notes')
    expect(header.at(-1)).toBe('History')
    const ids = rows.slice(1).map((r) => r[1])
    expect(ids).not.toContain('claim-g')
    expect(ids).not.toContain('claim-h')
    expect(ids).toHaveLength(doc.claims.filter((c) => c.verdict !== 'unreviewed').length)
    const b = rows.find((r) => r[1] === 'claim-b')!
    expect(b[header.indexOf('Verdict label')]).toBe('False')
    // Numbers stay those of the full list, so claim-h (number 9 of 12) leaves a gap.
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 10, 11, 12])
    const history = b[header.indexOf('History')]!
    expect(history).toContain('set the verdict to False (was Unreviewed)')
    expect(history).toContain('added a note')
    expect(history).not.toContain('alert(1)') // without notes, history does not quote them either
  })
})
