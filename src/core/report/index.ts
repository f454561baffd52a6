// Reports: pure functions from an ArticleDoc to the text of a file. PDF is the HTML report printed by
// Chromium (in main, or by the CLI), so it is not a format here.

import type { ArticleDoc } from '../model'
import { claimReviewPieces, exportClaimReview } from './claimreview'
import { csvPieces, exportCsv } from './csv'
import { exportHtml, htmlReportPieces } from './html'
import { exportMarkdown, markdownPieces } from './markdown'
import type { ReportOptions } from './options'
import { exportW3c, w3cPieces } from './w3c'

export { defaultReportOptions, reportedClaims, type ReportOptions, type ReportedClaim } from './options'
export { exportClaimReview, exportCsv, exportHtml, exportMarkdown, exportW3c }
export { claimReviewOmissions, type ClaimReviewOmission, type ClaimReviewOmissions } from './claimreview'

export const REPORT_FORMATS = ['html', 'md', 'csv', 'w3c', 'claimreview'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface ReportFormatInfo {
  /** For menus: "HTML report". */
  label: string
  /** File name extension, without the dot. */
  extension: string
  mimeType: string
}

export const REPORT_FORMAT_INFO: Record<ReportFormat, ReportFormatInfo> = {
  html: { label: 'HTML report', extension: 'html', mimeType: 'text/html; charset=utf-8' },
  md: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  csv: { label: 'CSV spreadsheet', extension: 'csv', mimeType: 'text/csv; charset=utf-8' },
  // The media type the Web Annotation Protocol gives annotations.
  w3c: { label: 'W3C Web Annotations (JSON-LD)', extension: 'jsonld', mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  claimreview: { label: 'schema.org ClaimReview (JSON-LD)', extension: 'jsonld', mimeType: 'application/ld+json' }
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value)
}

const EXPORTERS: Record<ReportFormat, (doc: ArticleDoc, options: ReportOptions) => string> = {
  html: exportHtml,
  md: exportMarkdown,
  csv: exportCsv,
  w3c: exportW3c,
  claimreview: exportClaimReview
}

export function exportReport(format: ReportFormat, doc: ArticleDoc, options: ReportOptions): string {
  return EXPORTERS[format](doc, options)
}

const PIECES: Record<ReportFormat, (doc: ArticleDoc, options: ReportOptions) => Iterable<string>> = {
  html: htmlReportPieces,
  md: markdownPieces,
  csv: csvPieces,
  w3c: w3cPieces,
  claimreview: claimReviewPieces
}

/**
 * The report in pieces that join into `exportReport`'s text, a paragraph, a claim or a few hundred rows at a time, so
 * that the caller can give other work a turn between them (at 1 MB / 10,000 claims a report is a fraction of a second).
 */
export function reportPieces(format: ReportFormat, doc: ArticleDoc, options: ReportOptions): Iterable<string> {
  return PIECES[format](doc, options)
}

/**
 * A file name for the report: the title made safe for any file system, then a suffix that keeps the two
 * JSON-LD formats apart, e.g. "Trade soars.annotations.jsonld". Controls (C0 and C1) go, and so do the invisible
 * marks that reorder or hide text: in a file manager "invoice\u202egpj.exe.html" reads "invoicelmth.exe.jpg".
 */
export function reportFileName(title: string, format: ReportFormat): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
  // Cut by code points, never through a surrogate pair.
  const base = Array.from(cleaned).slice(0, 100).join('').trim() || 'report'
  const suffix = format === 'w3c' ? '.annotations' : format === 'claimreview' ? '.claimreview' : ''
  return `${base}${suffix}.${REPORT_FORMAT_INFO[format].extension}`
}
