// Building blocks for the store's tests: articles and changes as the renderer sends them, workspaces that are
// closed after each test (their locks and watchers released), and a look at what is on disk.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach } from 'vitest'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { newId } from '../../src/core/ids'
import type { ArticleDoc, OperationBody, Verdict } from '../../src/core/model'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { openWorkspace, type NewArticle, type OpenOptions, type Workspace } from '../../src/main/workspace/workspace'

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

/** A claim on the `nth` occurrence of `exact`, as the renderer would send it (main stamps the rest). */
export function claimOn(doc: ArticleDoc, exact: string, nth = 0, id = newId()): OperationBody {
  let start = -1
  for (let i = 0; i <= nth; i++) start = doc.article.text.indexOf(exact, start + 1)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  const { quote, position } = createSelectors(doc.article.text, start, start + exact.length)
  const at = '2000-01-01T00:00:00.000Z'
  return {
    type: 'claim.create',
    claim: { id, quote, position, verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: 'renderer', createdAt: at, updatedAt: at }
  }
}

export function noteOn(claimId: string, text: string, id = newId()): OperationBody {
  return { type: 'claim.addNote', claimId, note: { id, text, by: 'renderer', at: '2000-01-01T00:00:00.000Z' } }
}

/** A verdict for a claim as it is in `doc` (its `previous` from there). */
export function verdictOn(doc: ArticleDoc, claimId: string, verdict: Verdict): OperationBody {
  const claim = doc.claims.find((c) => c.id === claimId)
  if (!claim) throw new Error(`no claim ${claimId}`)
  return { type: 'claim.setVerdict', claimId, verdict, previous: claim.verdict }
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
