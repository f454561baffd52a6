import { checkNumbers } from '../../core/numbers'
import { EXPORT_FORMATS, type ExportFormat } from '../../core/api'
import { FactmarkError } from '../../core/errors'
import type { ArticleDoc, WorkspaceSettings } from '../../core/model'
import { defaultReportOptions, REPORT_FORMAT_INFO, reportFileName, reportPieces, type ReportFormat, type ReportOptions } from '../../core/report'
import { chunksInTurns } from '../next-turn'

export { EXPORT_FORMATS, type ExportFormat }

/** The choices a reviewer makes in the export dialog or on the command line. */
export type ExportChoices = Pick<ReportOptions, 'includeUnreviewed' | 'includeNotes' | 'includeHistory' | 'articleMode' | 'csvBom'>

/** Prints a self-contained HTML document to PDF (Chromium: the app's own, or a browser the CLI finds). */
export type PrintPdf = (html: string) => Promise<Uint8Array>

export function reportOptions(settings: WorkspaceSettings, choices: Partial<ExportChoices>, now = new Date()): ReportOptions {
  return defaultReportOptions({
    ...choices,
    verdictLabels: settings.verdictLabels,
    organisation: settings.organisation,
    claimReviewBaseUrl: settings.claimReviewBaseUrl,
    generatedAt: now.toISOString()
  })
}

/** Only the reports that show the article's number checks pay for them. */
export const showsFindings = (format: ExportFormat) => format === 'html' || format === 'pdf' || format === 'md'

/**
 * The report file: PDF bytes, or the text in chunks to write one after another. The app and the CLI both come here, so
 * they write the same files. Made a piece at a time, with turns between, so that no report keeps the window waiting.
 */
export async function renderReport(format: ExportFormat, doc: ArticleDoc, options: ReportOptions, printPdf: PrintPdf): Promise<Uint8Array | string[]> {
  const checked = showsFindings(format) && !options.findings ? { ...options, findings: checkNumbers(doc.article.text, doc.article.blocks.length ? doc.article.blocks : undefined) } : options
  if (format === 'pdf') return printPdf((await chunksInTurns(reportPieces('html', doc, checked))).join(''))
  return chunksInTurns(reportPieces(format, doc, checked))
}

export function exportFileName(title: string, format: ExportFormat): string {
  return format === 'pdf' ? reportFileName(title, 'html').replace(/\.html$/, '.pdf') : reportFileName(title, format)
}

export function exportFormatLabel(format: ExportFormat): string {
  return format === 'pdf' ? 'PDF report' : REPORT_FORMAT_INFO[format as ReportFormat].label
}

export function parseExportFormat(value: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat
  throw new FactmarkError('invalid-argument', `unknown format "${value}"; use one of ${EXPORT_FORMATS.join(', ')}`)
}
