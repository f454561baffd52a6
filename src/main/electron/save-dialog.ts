import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import type { ExportFormat } from '../../core/api'

const FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  html: { name: 'HTML report', extensions: ['html'] },
  pdf: { name: 'PDF report', extensions: ['pdf'] },
  md: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'CSV spreadsheet', extensions: ['csv'] },
  w3c: { name: 'W3C Web Annotations (JSON-LD)', extensions: ['jsonld', 'json'] },
  claimreview: { name: 'schema.org ClaimReview (JSON-LD)', extensions: ['jsonld', 'json'] }
}

/** The system save dialog, opening in Documents with the suggested name. */
export async function chooseSavePath(suggestedName: string, format: ExportFormat): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Export report',
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [FILTERS[format]],
    properties: ['showOverwriteConfirmation', 'createDirectory']
  }
  const parent = BrowserWindow.getFocusedWindow()
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}
