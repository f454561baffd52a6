import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import type { WorkerReply } from './import-worker'
import { splitJob } from './job-pieces'
import { jobName, type ImportJob } from './jobs'
import { unpackArticle } from './packed-article'
import { count, tooComplex } from './shared'
import { nextTurn } from '../next-turn'

/** A source that cannot be read in this long is refused; the window never waits on it. */
export const IMPORT_TIME_LIMIT_MS = 8_000
/** The import worker's heap. A 20 MB page of a million elements fits; past it the worker dies and the import is refused. */
export const IMPORT_MEMORY_LIMIT_MB = 1_536

export interface WorkerLimits {
  timeMs?: number
  memoryMb?: number
}

/**
 * Reads a source into an article in a worker thread, so that no source (a page of 100,000 nested elements, 200,000
 * paragraphs, a 20 MB file) ever blocks the calling thread: the worker has a heap limit, and a job that runs past the time
 * limit is stopped by terminating its worker. Whatever goes wrong comes back as a FactmarkError with a plain sentence.
 * One worker is kept between imports (idle, it does not keep the process alive): starting one and loading the parsers
 * costs a good part of a second. A worker that was stopped or crashed is never reused.
 */
export async function parseInWorker(job: ImportJob, limits: WorkerLimits = {}): Promise<NewArticle> {
  const timeMs = limits.timeMs ?? IMPORT_TIME_LIMIT_MS
  const memoryMb = limits.memoryMb ?? IMPORT_MEMORY_LIMIT_MB
  const shared = memoryMb === IMPORT_MEMORY_LIMIT_MB
  let worker = shared && spare?.alive ? spare : undefined
  if (shared) spare = undefined // taken, or dead while it waited
  worker ??= new ImportWorker(memoryMb)
  try {
    return await worker.run(job, timeMs)
  } finally {
    if (shared && !spare && worker.alive) spare = worker.idle()
    else worker.stop()
  }
}

let spare: ImportWorker | undefined

class ImportWorker {
  private readonly worker: Worker
  private current: { name: string; finish: (outcome: NewArticle | FactmarkError) => void } | undefined
  alive = true

  constructor(private readonly memoryMb: number) {
    const entry = workerEntry()
    this.worker = new Worker(entry.script, { eval: entry.eval, resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 4 } })
    this.worker.unref()
    this.worker.on('message', (reply: WorkerReply) => {
      const current = this.current
      if (!reply.ok) return current?.finish(new FactmarkError(reply.code, reply.message))
      void unpackArticle(reply.article).then((article) => current?.finish(article))
    })
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.alive = false
      const name = this.current?.name ?? 'The source'
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.current?.finish(tooComplex(name, `reading it needed more than ${count(this.memoryMb)} MB of memory`))
      } else {
        const failed = new FactmarkError('internal', `${name} could not be imported because Factmark's importer failed; try again, and report it if it happens again.`)
        this.current?.finish(Object.assign(failed, { cause: error }))
      }
    })
    this.worker.on('exit', () => {
      this.alive = false
      this.current?.finish(new FactmarkError('internal', `${this.current.name} could not be imported: Factmark's importer stopped unexpectedly.`))
    })
  }

  run(job: ImportJob, timeMs: number): Promise<NewArticle> {
    const name = jobName(job)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop() // the only way to interrupt a parser stuck in a loop
        finish(tooComplex(name, `reading it took longer than ${seconds(timeMs)}`))
      }, timeMs)
      const finish = (outcome: NewArticle | FactmarkError) => {
        if (this.current?.finish !== finish) return
        this.current = undefined
        clearTimeout(timer)
        if (outcome instanceof FactmarkError) reject(outcome)
        else resolve(outcome)
      }
      this.current = { name, finish }
      this.worker.ref()
      void this.send(job, finish)
    })
  }

  /** Posts the job, its long text in pieces, each in a turn of its own so the calling thread stays responsive. */
  private async send(job: ImportJob, finish: (outcome: NewArticle | FactmarkError) => void): Promise<void> {
    const { head, pieces } = splitJob(job)
    this.worker.postMessage(head)
    for (const piece of pieces) {
      await nextTurn()
      if (this.current?.finish !== finish) return // stopped meanwhile
      this.worker.postMessage(piece)
    }
  }

  /** Waiting for the next job: it must not keep the process alive. */
  idle(): this {
    this.worker.unref()
    return this
  }

  stop(): void {
    this.alive = false
    void this.worker.terminate()
  }
}

/**
 * Where the worker's code is, in each way Factmark runs. Built (the app, `bin/factmark.js`): electron-vite writes
 * out/main/import-worker.js beside the entries, and this module is bundled into an entry or into out/main/chunks/.
 * From source (the CLI under tsx, vitest, Playwright's own TypeScript transform): this module is a .ts file, and the worker
 * is a two-line script that registers tsx's loader, then imports import-worker.ts. (Node 20 ignores `--import tsx` in a
 * worker's execArgv for the worker's own entry, hence the script.) tsx is resolved from here, whatever the working directory.
 */
function workerEntry(): { script: string | URL; eval: boolean } {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    const entry = new URL('./import-worker.ts', here).href
    const loader = tsxApi(here)
    return { script: `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`, eval: true }
  }
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const url = new URL(candidate, here)
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false }
  }
  throw new FactmarkError('internal', 'Factmark cannot import articles: a part of it is missing (import-worker.js). Reinstall Factmark.')
}

/** The file URL of tsx's ES-module API (`tsx/esm/api`, its "import" condition), read from tsx's own package.json. */
function tsxApi(from: string): string {
  const require = createRequire(from)
  const manifest = require.resolve('tsx/package.json')
  const exported = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!
  return pathToFileURL(join(dirname(manifest), exported.import.default)).href
}

function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10
  return `${s} second${s === 1 ? '' : 's'}`
}
