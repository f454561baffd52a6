// In-process (Node) benchmarks: persisting one operation through the store, against writing the same
// bytes durably; and report export time.

import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { VERDICTS, type ArticleDoc, type Operation } from '../src/core/model'
import { defaultReportOptions, exportHtml, exportW3c } from '../src/core/report'
import { writeFileDurably } from '../src/main/workspace/durable-write'
import { openWorkspace } from '../src/main/workspace/workspace'
import { FIXED_TIME, REVIEWER } from './generate'
import { summarize, type Summary } from './stats'
import { writeWorkspace } from './workspaces'

export interface StoreResult {
  ours: Summary | null
  /** JSON.stringify(doc, null, 2) (the store's own format) + writeFileDurably of the same document. */
  floor: Summary | null
  /** The same with compact JSON.stringify(doc): what pretty-printing costs. */
  floorCompact: Summary | null
  fileBytes: number
}

export async function benchStore(dir: string, doc: ArticleDoc, reps: number): Promise<StoreResult> {
  await rm(dir, { recursive: true, force: true })
  await writeWorkspace(dir, doc)
  const workspace = await openWorkspace(dir)
  const id = doc.article.id
  const floorDir = join(dir, 'floor')
  await mkdir(floorDir, { recursive: true })
  const ours: number[] = []
  const floor: number[] = []
  const compact: number[] = []
  let fileBytes = 0
  const persist = async () => {
    const current = workspace.getArticle(id)
    const claim = current.claims[Math.floor(current.claims.length / 2)]!
    const verdict = VERDICTS[(VERDICTS.indexOf(claim.verdict) + 1) % VERDICTS.length]!
    const op: Operation = { type: 'claim.setVerdict', by: REVIEWER, at: new Date().toISOString(), claimId: claim.id, verdict, previous: claim.verdict }
    const t = performance.now()
    await workspace.applyOperation(id, op)
    ours.push(performance.now() - t)
  }
  const durable = async (pretty: boolean) => {
    const data = workspace.getArticle(id)
    const t = performance.now()
    const text = pretty ? JSON.stringify(data, null, 2) + '\n' : JSON.stringify(data)
    await writeFileDurably(join(floorDir, `${id}.json`), text)
    ;(pretty ? floor : compact).push(performance.now() - t)
    if (pretty) fileBytes = Buffer.byteLength(text)
  }
  // One warm-up round, then interleaved, the order rotating each repetition.
  await persist()
  await durable(true)
  ours.length = 0
  floor.length = 0
  const steps = [persist, () => durable(true), () => durable(false)]
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < steps.length; i++) await steps[(r + i) % steps.length]!()
  }
  await rm(dir, { recursive: true, force: true })
  return { ours: summarize(ours), floor: summarize(floor), floorCompact: summarize(compact), fileBytes }
}

export interface ExportResult {
  html: Summary | null
  w3c: Summary | null
  htmlBytes: number
  w3cBytes: number
}

export function benchExport(doc: ArticleDoc, reps: number): ExportResult {
  const options = defaultReportOptions({ generatedAt: FIXED_TIME, organisation: 'Bench' })
  const html: number[] = []
  const w3c: number[] = []
  let htmlBytes = 0
  let w3cBytes = 0
  exportHtml(doc, options) // warm-up
  exportW3c(doc, options)
  for (let r = 0; r < reps; r++) {
    const order = r % 2 ? ['w3c', 'html'] : ['html', 'w3c']
    for (const which of order) {
      const t = performance.now()
      const out = which === 'html' ? exportHtml(doc, options) : exportW3c(doc, options)
      const dt = performance.now() - t
      if (which === 'html') {
        html.push(dt)
        htmlBytes = Buffer.byteLength(out)
      } else {
        w3c.push(dt)
        w3cBytes = Buffer.byteLength(out)
      }
    }
  }
  return { html: summarize(html), w3c: summarize(w3c), htmlBytes, w3cBytes }
}
