// The import worker's entry: reads each source it is sent and posts back the article or a FactmarkError, one at a time.
// Built as its own file (out/main/import-worker.js) beside the app; started and fed by parse-in-worker.ts.
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { FactmarkError } from '../../core/errors'
import { joinJob, type JobHead } from './job-pieces'
import { jobName, runImportJob, type ImportJob } from './jobs'
import { MAX_ELEMENTS, TooManyElements } from './html-tree'
import { packArticle, type PackedArticle } from './packed-article'
import { count, tooComplex } from './shared'

export type WorkerReply = { ok: true; article: PackedArticle } | { ok: false; code: FactmarkError['code']; message: string }

// A job comes as its head, then the pieces of its long text, if any (see job-pieces.ts).
let waiting: { head: JobHead; pieces: string[] } | undefined
lowerOwnPriority()

parentPort!.on('message', (message: JobHead | string) => {
  if (typeof message !== 'string') waiting = { head: message, pieces: [] }
  else waiting?.pieces.push(message)
  if (waiting && waiting.pieces.length === waiting.head.pieces) {
    const job = joinJob(waiting.head, waiting.pieces)
    waiting = undefined
    void run(job)
  }
})

async function run(job: ImportJob): Promise<void> {
  let reply: WorkerReply
  let transfer: ArrayBuffer[] = []
  try {
    const packed = packArticle(await runImportJob(job))
    reply = { ok: true, article: packed.packed }
    transfer = packed.transfer
  } catch (error) {
    reply = failure(job, error)
  }
  parentPort!.postMessage(reply, transfer)
}

function failure(job: ImportJob, error: unknown): WorkerReply {
  if (error instanceof FactmarkError) return { ok: false, code: error.code, message: error.message }
  if (error instanceof TooManyElements) {
    const refused = tooComplex(jobName(job), `it has more than ${count(MAX_ELEMENTS)} HTML elements`)
    return { ok: false, code: refused.code, message: refused.message }
  }
  // A library recursing over what a source nests (marked on thousands of nested quotes, mammoth on nested tables)
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    const refused = tooComplex(jobName(job), 'it nests too deeply')
    return { ok: false, code: refused.code, message: refused.message }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return { ok: false, code: 'internal', message: `${jobName(job)} could not be imported because of a problem in Factmark (${detail.slice(0, 200)}).` }
}

/**
 * On Linux a thread has its own nice value, and setpriority on "this process" (0) sets only the calling thread's: the
 * importer then takes the CPU only when the window's thread does not need it (on 2 cores, a long parse otherwise
 * delayed main's timers by 40–60 ms). Elsewhere the same call would lower the whole app, so it is left alone there.
 */
function lowerOwnPriority(): void {
  if (process.platform !== 'linux') return
  try {
    setPriority(10)
  } catch {
    /* not allowed here: the import still runs, at normal priority */
  }
}
