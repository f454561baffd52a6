// Building blocks for the store's tests: articles and changes as the renderer sends them, workspaces that are
// closed after each test (their locks and watchers released), and a look at what is on disk.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach } from 'vitest'
// Registered first so that its folders are removed after (hooks run last-registered first) the workspaces close.
import './temp-dir'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { openWorkspace, type NewArticle, type OpenOptions, type Workspace } from '../../src/main/workspace/workspace'

export { claimOn, noteOn, verdictOn } from './store-bodies'

export const TEXT = 'In January-June the trade soared almost 80% to make up $294.6 million.\n\nThe exports totaled $252.6 million, the ministry said.'

export const article = (title = 'Trade', text = TEXT): NewArticle => ({ title, body: bodyFromPlainText(text), origin: { kind: 'paste' } })

const opened: Workspace[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((ws) => ws.close().catch(() => {})))
})

/** Opens a workspace that is closed after the test (closing twice is harmless). Watching is off unless asked for. */
export async function open(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const ws = await openWorkspace(dir, { watch: false, ...options })
  opened.push(ws)
  return ws
}

/** Every file under `dir`, as paths relative to it, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await walk(path)
      else out.push(relative(dir, path))
    }
  }
  await walk(dir)
  return out.sort()
}

/** The lines of a log file, header first, each parsed. */
export async function logLines(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8')
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line))
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 3000, what = 'the condition'): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
