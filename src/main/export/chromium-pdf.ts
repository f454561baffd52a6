import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FactmarkError } from '../../core/errors'
import type { PrintPdf } from './render-report'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']

/** A Chromium-family browser for the CLI's PDF export: FACTMARK_CHROMIUM, else a usual install location. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FACTMARK_CHROMIUM) return existsSync(env.FACTMARK_CHROMIUM) ? env.FACTMARK_CHROMIUM : null
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

/** Prints HTML to PDF with headless Chromium on the command line (the CLI has no Electron to print with). */
export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): PrintPdf {
  return async (html) => {
    const browser = findChromium(env)
    if (!browser) {
      throw new FactmarkError('unsupported-type', 'PDF export needs Chromium or Chrome: install it (e.g. apt-get install chromium) or set FACTMARK_CHROMIUM to its path.')
    }
    const dir = await mkdtemp(join(tmpdir(), 'factmark-pdf-'))
    try {
      const page = join(dir, 'report.html')
      const pdf = join(dir, 'report.pdf')
      await writeFile(page, html)
      const args = [
        '--headless',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href
      ]
      if (process.getuid?.() === 0) args.unshift('--no-sandbox') // Chromium refuses to run as root otherwise
      await new Promise<void>((resolve, reject) => {
        execFile(browser, args, { timeout: 60_000 }, (error, _stdout, stderr) => {
          if (error) reject(new FactmarkError('io', `Chromium could not print the PDF: ${stderr.trim().split('\n').at(-1) || error.message}`))
          else resolve()
        })
      })
      return new Uint8Array(await readFile(pdf))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}
