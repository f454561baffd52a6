import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Prints the HTML report to PDF in a hidden window with JavaScript off: the report has no script, and the
 * window could not run one if it had. It is hardened like every other window (no navigation, no new windows).
 * The report goes through a temporary file because a large report would not fit in a data: URL.
 */
export async function printPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'factmark-print-'))
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // No middle-click (auxclick) on a report link either, like the main window (AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick'
    }
  })
  try {
    const file = join(dir, 'report.html')
    await writeFile(file, html)
    await window.loadFile(file)
    const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}
