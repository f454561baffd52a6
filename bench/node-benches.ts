// In-process (Node) benchmarks of the store (version 2: per-replica operation logs plus a checkpoint), each against
// its floor, interleaved: persisting one operation against a raw append + datasync of the same line; opening an
// article from its checkpoint with 1,000 operations after it against opening the checkpoint alone. And report export.

import { constants, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { analyseArticle } from '../src/core/analyse-article'
import { ArticleDoc, VERDICTS } from '../src/core/model'
import { checkNumbers } from '../src/core/numbers'
import { loadSuggestModel, scoreBlocks } from '../src/core/suggest'
import { findClaim } from '../src/core/ops'
import { defaultReportOptions, exportHtml, exportW3c } from '../src/core/report'
import { writeFileDurably } from '../src/main/workspace/durable-write'
import { checkpointPath } from '../src/main/workspace/layout'
import { openWorkspace } from '../src/main/workspace/workspace'
import { FIXED_TIME, TAIL_REPLICA, type BenchArticle } from './generate'
import { summarize, type Summary } from './stats'
import { ORGANISATION, copyWorkspace, writeLog } from './workspaces'

export interface PersistResult {
  /** workspace.applyOperation of a claim.setVerdict, until its promise resolves (the line is on disk). */
  ours: Summary | null
  /** The floor: the same line written to a file opened once in append mode, then datasync. */
  floor: Summary | null
  /** Context: the same line written once to a file opened with O_APPEND | O_DSYNC (one write is also the sync). */
  floorDsync: Summary | null
  /** Context: what version 1 did per change: JSON.stringify(doc, null, 2) + writeFileDurably of the whole document. */
  wholeFile: Summary | null
  lineBytes: number
  wholeFileBytes: number
}

const rotate = <T>(items: T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]!)

/**
 * Persisting one change. A copy of the article's workspace is opened with the store (not watched); each repetition
 * sets the verdict of the claim in the middle of the article to the next one, and writes the line that change made
 * (the operation as stored) to the floor's file, with datasync, in the same folder: the order of the two (and of the
 * O_DSYNC context) rotates each repetition. Three rounds of warm-up are not counted.
 */
export async function benchPersist(base: string, template: string, art: BenchArticle, reps: number, wholeFileReps: number): Promise<PersistResult> {
  const dir = join(base, 'persist')
  await rm(dir, { recursive: true, force: true })
  await copyWorkspace(template, dir)
  const workspace = await openWorkspace(dir, { watch: false })
  const raw = await open(join(dir, 'raw-append.jsonl'), 'a')
  const rawDsync = await open(join(dir, 'raw-dsync.jsonl'), constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_DSYNC ?? 0))
  const id = art.id
  const target = art.claims[Math.floor(art.claims.length / 2)]!.id
  const ours: number[] = []
  const floor: number[] = []
  const floorDsync: number[] = []
  let line = ''
  const steps = {
    async ours() {
      const claim = findClaim(workspace.getArticle(id), target)!
      const verdict = VERDICTS[(VERDICTS.indexOf(claim.verdict) + 1) % VERDICTS.length]!
      const t = performance.now()
      const { op } = await workspace.applyOperation(id, { type: 'claim.setVerdict', claimId: target, verdict, previous: claim.verdict })
      ours.push(performance.now() - t)
      if (op.type !== 'claim.setVerdict' || findClaim(workspace.getArticle(id), target)!.verdict !== verdict) throw new Error('the verdict was not applied')
      line = `${JSON.stringify(op)}\n`
    },
    async floor() {
      const t = performance.now()
      await raw.write(line)
      await raw.datasync()
      floor.push(performance.now() - t)
    },
    async floorDsync() {
      const t = performance.now()
      await rawDsync.write(line)
      floorDsync.push(performance.now() - t)
    }
  }
  const order = [steps.ours, steps.floor, steps.floorDsync]
  try {
    for (let r = 0; r < 3; r++) for (const step of order) await step()
    ours.length = floor.length = floorDsync.length = 0
    // The floor's line is the one the store's latest change wrote; `ours` always runs first in the first rotation.
    for (let r = 0; r < reps; r++) for (const step of rotate(order, r)) await step()
    if (workspace.problems().length) throw new Error(`store problems: ${JSON.stringify(workspace.problems())}`)

    // Context only (not interleaved with the above, to keep its ~100 ms writes out of the way): the whole document.
    const whole: number[] = []
    let wholeFileBytes = 0
    for (let r = 0; r < wholeFileReps; r++) {
      const doc = workspace.getArticle(id)
      const t = performance.now()
      const text = JSON.stringify(doc, null, 2) + '\n'
      await writeFileDurably(join(dir, 'whole-document.json'), text)
      whole.push(performance.now() - t)
      wholeFileBytes = Buffer.byteLength(text)
    }
    return {
      ours: summarize(ours),
      floor: summarize(floor),
      floorDsync: summarize(floorDsync),
      wholeFile: summarize(whole),
      lineBytes: Buffer.byteLength(line),
      wholeFileBytes
    }
  } finally {
    await raw.close()
    await rawDsync.close()
    await workspace.close()
    await rm(dir, { recursive: true, force: true })
  }
}

export interface OpenResult {
  /** openWorkspace → getArticle with the checkpoint and `tailOps` operations in a second replica's log after it. */
  tail: Summary | null
  /** The floor: the same workspace with the checkpoint alone (nothing after it). */
  checkpoint: Summary | null
  /** Context: no checkpoint at all (the logs checked line by line and folded): what the checkpoint saves. */
  rebuild: Summary | null
  tailOps: number
  /** Operations the checkpoint includes. */
  checkpointOps: number
}

/**
 * Opening an article. Three folders are made from the article's workspace (whose checkpoint the store wrote): as it is
 * (the checkpoint alone); with a colleague's log of `tail.ops` made after the checkpoint (`TAIL_REPLICA`); without the
 * checkpoint (context). Each repetition copies each folder afresh (opening rewrites checkpoints), then times
 * openWorkspace(dir, { watch: false }) until getArticle returns, the order rotating. Every open is checked: no store
 * problem, the expected number of claims and operations; the first open with the tail folds to the same claims as
 * `tail.doc`.
 */
export async function benchOpen(base: string, template: string, art: BenchArticle, tail: { ops: BenchArticle['ops']; doc: ArticleDoc }, reps: number): Promise<OpenResult> {
  const root = join(base, 'open')
  await rm(root, { recursive: true, force: true })
  const templates = { checkpoint: template, tail: join(root, 'tail-template'), rebuild: join(root, 'rebuild-template') }
  await copyWorkspace(template, templates.tail)
  await writeLog(templates.tail, TAIL_REPLICA, tail.ops, art.id)
  await copyWorkspace(template, templates.rebuild)
  await rm(checkpointPath(templates.rebuild, art.id))
  const expected = {
    checkpoint: { claims: art.doc.claims.length, ops: art.doc.log.length },
    rebuild: { claims: art.doc.claims.length, ops: art.doc.log.length },
    tail: { claims: tail.doc.claims.length, ops: tail.doc.log.length }
  }
  const times: Record<keyof typeof templates, number[]> = { checkpoint: [], tail: [], rebuild: [] }
  let compared = false
  const once = async (which: keyof typeof templates, rep: number) => {
    const dir = join(root, `${which}-${rep}`)
    await copyWorkspace(templates[which], dir)
    const t = performance.now()
    const workspace = await openWorkspace(dir, { watch: false })
    try {
      const doc = workspace.getArticle(art.id)
      const ms = performance.now() - t
      const want = expected[which]
      if (doc.claims.length !== want.claims || doc.log.length !== want.ops) {
        throw new Error(`open (${which}): ${doc.claims.length} claims from ${doc.log.length} operations, expected ${want.claims} from ${want.ops}`)
      }
      if (workspace.problems().length) throw new Error(`open (${which}): store problems ${JSON.stringify(workspace.problems())}`)
      if (which === 'tail' && !compared) {
        // Compared as the schema orders keys: the store's claims carry the same fields, in the order they were set.
        if (JSON.stringify(ArticleDoc.parse(doc).claims) !== JSON.stringify(tail.doc.claims)) throw new Error('open (tail): the claims differ from the fold of the same operations')
        compared = true
      }
      if (rep >= 0) times[which].push(ms)
    } finally {
      await workspace.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
  const order: (keyof typeof templates)[] = ['tail', 'checkpoint', 'rebuild']
  try {
    for (const which of order) await once(which, -1) // warm-up, not counted
    for (let r = 0; r < reps; r++) for (const which of rotate(order, r)) await once(which, r)
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  return {
    tail: summarize(times.tail),
    checkpoint: summarize(times.checkpoint),
    rebuild: summarize(times.rebuild),
    tailOps: tail.ops.length,
    checkpointOps: art.doc.log.length
  }
}

export interface ExportResult {
  html: Summary | null
  w3c: Summary | null
  htmlBytes: number
  w3cBytes: number
}

export function benchExport(doc: ArticleDoc, reps: number): ExportResult {
  const options = defaultReportOptions({ generatedAt: FIXED_TIME, organisation: ORGANISATION })
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

export interface AnalysisResult {
  /** scoreBlocks over every block of the article: every sentence scored, reasons included. */
  suggest: Summary | null
  /** checkNumbers over the same blocks. */
  numbers: Summary | null
  /** The two in one go, as main's analysis of an article runs them (analyseArticle). */
  together: Summary | null
  /** The first loadSuggestModel() of this process: the weights parsed and unpacked (one sample: it is cached). */
  modelLoadMs: number
  sentences: number
  findings: number
}

/** Claim suggestions and the arithmetic check on the article's text, interleaved; the model's cold load first. */
export function benchAnalysis(doc: ArticleDoc, reps: number): AnalysisResult {
  const t0 = performance.now()
  loadSuggestModel()
  const modelLoadMs = performance.now() - t0
  const { text, blocks } = doc.article
  const suggest: number[] = []
  const numbers: number[] = []
  const together: number[] = []
  let sentences = 0
  let findings = 0
  analyseArticle(doc.article, doc.revision) // warm-up
  for (let r = 0; r < reps; r++) {
    const steps = {
      suggest: () => (sentences = scoreBlocks(text, blocks).length),
      numbers: () => (findings = checkNumbers(text, blocks).length),
      together: () => analyseArticle(doc.article, doc.revision)
    }
    for (const name of rotate(['suggest', 'numbers', 'together'] as const, r)) {
      const t = performance.now()
      steps[name]()
      ;({ suggest, numbers, together })[name].push(performance.now() - t)
    }
  }
  return { suggest: summarize(suggest), numbers: summarize(numbers), together: summarize(together), modelLoadMs, sentences, findings }
}
