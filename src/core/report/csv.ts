// The claims as a spreadsheet: one row per claim, RFC 4180 (CRLF between records, fields quoted when they hold
// a comma, a quote or a line break), notes and sources flattened into readable multi-line cells.

import { stringify } from 'csv-stringify/sync'
import { inQuotes, noteAuthor, personName } from '../history'
import type { ArticleDoc, Claim } from '../model'
import { PLACEMENT_LABELS, placementState, WORDING_WORDS } from '../placement-words'
import { isoDay } from './dates'
import { disagreementText } from './disagreement'
import { claimHistory } from './history'
import { reportedClaims, verdictLabel, type ReportedClaim, type ReportOptions } from './options'
import { inCurrentText } from './standing'

/**
 * Spreadsheet formula injection: Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ (or a
 * tab or carriage return before one) as a formula, and a formula can fetch URLs or run commands. Such cells get
 * a leading apostrophe, the spreadsheets' own "this is text" mark (OWASP's advice). So the CSV is not a
 * byte-exact copy of the data: a program reading it back sees that apostrophe on exactly those cells.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function flattenNotes(doc: Pick<ArticleDoc, 'people'>, claim: Claim): string {
  return claim.notes.map((n) => `${noteAuthor(doc.people, n)} (${isoDay(n.at)}): ${n.text}`).join('\n')
}

export function flattenSources(claim: Claim): string {
  return claim.sources
    .map((s) => {
      const parts = [`[${s.stance}] ${s.title}`, s.publisher, s.url, `accessed ${s.accessedAt}`]
      if (s.excerpt.trim()) parts.push(inQuotes(s.excerpt))
      return parts.filter((p) => p.trim()).join(' — ')
    })
    .join('\n')
}

export function exportCsv(doc: ArticleDoc, options: ReportOptions): string {
  return [...csvPieces(doc, options)].join('')
}

/** Rows printed this many at a time: each piece ends with its last row's line break, so the pieces join exactly. */
const ROWS_PER_PIECE = 200

/** The CSV export in pieces that join into it, a couple of hundred rows at a time. */
export function* csvPieces(doc: ArticleDoc, options: ReportOptions): Generator<string> {
  const columns: { header: string; value: (claim: Claim, number: number) => string | number }[] = [
    { header: 'Number', value: (_, n) => n },
    { header: 'ID', value: (c) => c.id },
    { header: 'Quote', value: (c) => c.quote.exact },
    { header: 'Prefix', value: (c) => c.quote.prefix },
    { header: 'Suffix', value: (c) => c.quote.suffix },
    // JavaScript string offsets (UTF-16 code units) into the article text, as Factmark stores them. A claim not
    // found has none: its stored offsets are those of an earlier text and would select other words.
    { header: 'Start', value: (c) => (inCurrentText(doc.article.text, c) ? c.position.start : '') },
    { header: 'End', value: (c) => (inCurrentText(doc.article.text, c) ? c.position.end : '') },
    { header: 'Placement', value: (c) => PLACEMENT_LABELS[placementState(c)] },
    // The words before the update that moved or lost the claim (for one in place, nothing).
    { header: WORDING_WORDS.earlier, value: (c) => c.anchor?.previousExact ?? '' },
    { header: 'Verdict', value: (c) => c.verdict },
    { header: 'Verdict label', value: (c) => verdictLabel(options, c.verdict) },
    // The words the verdict was given for, while it is not confirmed for the current ones.
    { header: `Verdict ${WORDING_WORDS.verdictForEarlier}`, value: (c) => c.verdictWording ?? '' },
    // Each reviewer's verdict while they disagree ("Dana: Disputed · Sam: Verified"); empty when they agree.
    { header: 'Disagreement', value: (c) => disagreementText(doc, c, options) },
    { header: 'Conclusion', value: (c) => c.conclusion },
    { header: 'Claimant', value: (c) => c.claimant },
    { header: 'Tags', value: (c) => c.tags.join('; ') },
    ...(options.includeNotes ? [{ header: 'Notes', value: (c: Claim) => flattenNotes(doc, c) }] : []),
    { header: 'Sources', value: flattenSources },
    { header: 'Created by', value: (c) => personName(doc.people, c.createdBy) },
    { header: 'Created at', value: (c) => c.createdAt },
    { header: 'Updated at', value: (c) => c.updatedAt },
    ...(options.includeHistory
      ? [{ header: 'History', value: (c: Claim) => claimHistory(doc, c.id, options).map((h) => `${h.when} ${h.by}: ${h.what}`).join('\n') }]
      : [])
  ]
  const row = ({ claim, number }: ReportedClaim) =>
    columns.map((col) => {
      const value = col.value(claim, number)
      return typeof value === 'number' ? String(value) : guardCell(value)
    })
  const print = (records: string[][], bom: boolean) =>
    stringify(records, {
      record_delimiter: '\r\n',
      // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR; RFC 4180 wants both quoted.
      quoted_match: /[\r\n]/,
      bom
    })
  const claims = reportedClaims(doc, options)
  yield print([columns.map((c) => c.header), ...claims.slice(0, ROWS_PER_PIECE).map(row)], options.csvBom ?? false)
  for (let i = ROWS_PER_PIECE; i < claims.length; i += ROWS_PER_PIECE) yield print(claims.slice(i, i + ROWS_PER_PIECE).map(row), false)
}
