// One article as this process holds it: its document (the fold of its logs), the logs' cursors, this process's own
// log to append to, and what its checkpoint on disk contains. Opening takes the checkpoint and folds in only the
// changes after it; a checkpoint that is missing, stale in a way that cannot be brought up to date, or not what
// Factmark wrote is rebuilt from the logs (an edited one is set aside first and reported).
import { relative } from 'node:path'
import { compareStamps, type HybridClock } from '../../core/clock'
import { FactmarkError } from '../../core/errors'
import { ArticleDoc, Operation } from '../../core/model'
import { documentProblem } from '../../core/invariants'
import { applyAll, fold } from '../../core/ops'
import { lowerFirst } from '../../core/shorten'
import { shareTexts, shareUnchanged } from '../../core/share-unchanged'
import { STORE_MESSAGES, changeNotSavedError } from '../io-messages'
import { fileStamp, readCheckpoint, sameStamp, writeCheckpoint, type CheckpointRead, type FileStamp, type Includes } from './checkpoint'
import { articleDir, articleLogDir, checkpointPath } from './layout'
import { LogFolder, type LogFolderContext, type ReadLog } from './log-folder'
import { moveAside } from './move-aside'
import { compactJsonInSlices } from './sliced-json'
import { removeLeftoverTemps } from './temp-files'
import { nextTurn } from '../next-turn'

export interface ArticleContext extends LogFolderContext {
  replica: string
  clock: HybridClock
}

/** Operations whose line can be megabytes (a whole article text): serialised in slices, so the loop keeps turning. */
const BIG = new Set<Operation['type']>(['article.create', 'article.revise', 'article.snapshot'])

/**
 * An operation read from a log, checked against the schema; one a checkpoint vouches for (`trusted`: the bytes it was
 * folded from, by their hash) is taken as it is, which makes opening a long history ~10 times quicker.
 */
export function parseOperation(value: unknown, trusted = false): Operation | null {
  if (trusted) {
    const op = value as Partial<Operation> | null
    if (op && typeof op === 'object' && typeof op.type === 'string' && typeof op.id === 'string' && typeof op.ts === 'string') return op as Operation
  }
  const parsed = Operation.safeParse(value)
  return parsed.success ? parsed.data : null
}

export async function operationLine(op: Operation): Promise<string[]> {
  return BIG.has(op.type) ? [...(await compactJsonInSlices(op)), '\n'] : [`${JSON.stringify(op)}\n`]
}

/** Changes folded at once when many are recorded together (an import): about 30 ms of work for new claims. */
const RECORD_BATCH = 1_000

export class StoredArticle {
  /** Operations folded in since the checkpoint on disk was written (or all of them, when there is none). */
  pending = 0
  /** The checkpoint on disk needs rewriting now (missing, set aside, or far behind). */
  stale = false
  /** The checkpoint file as we last wrote or checked it: another stamp means someone else changed it. */
  checkpointStamp: FileStamp | null = null
  /** An unusable checkpoint that could not be moved aside: never written over, so no checkpoint is written here. */
  keepCheckpoint = false

  private constructor(
    readonly id: string,
    public doc: ArticleDoc,
    readonly logs: LogFolder<Operation>,
    public readOnly: string | null,
    private readonly ctx: ArticleContext
  ) {}

  get checkpointPath(): string {
    return checkpointPath(this.ctx.workspaceDir, this.id)
  }

  /**
   * Reads an article's folder. Null when it holds no article (yet: another process may be creating it), with a
   * problem reported when `report` and something there could not be read.
   */
  static async load(ctx: ArticleContext, id: string, report: boolean): Promise<StoredArticle | null> {
    const dir = ctx.workspaceDir
    await removeLeftoverTemps(articleDir(dir, id))
    await removeLeftoverTemps(articleLogDir(dir, id))
    const rel = (path: string) => relative(dir, path)
    const problem = (reason: string, movedTo: string | null = null, file = rel(articleLogDir(dir, id))) => {
      if (report) ctx.problems.add({ file, movedTo, reason })
    }
    const path = checkpointPath(dir, id)
    // A change another writer saved that would leave the article invalid (a broken or forged copy) is left out, and said.
    const leftOut = (op: Operation, why: string) => problem(STORE_MESSAGES.changeLeftOut(op.name, op.at, lowerFirst(why)))
    const checkpoint = stateChecked(await readCheckpoint(path).catch(() => ({ kind: 'missing' }) as const))
    const logs = new LogFolder<Operation>(articleLogDir(dir, id), ctx.replica, parseOperation, ctx)
    const read = await logs.readAll(report, checkpoint.kind === 'ok' ? checkpoint.includes : null)
    const all = read.flatMap((log) => log.entries.map((e) => e.value))
    for (const op of all) ctx.clock.observe(op.ts)
    if (all.length === 0) {
      if (read.length > 0) problem(STORE_MESSAGES.noChanges)
      return null
    }

    let readOnly: string | null = logs.newerVersion !== null ? STORE_MESSAGES.newerArticle : null
    let doc: ArticleDoc | null = null
    let tail = all.length
    let stamp: FileStamp | null = null
    if (checkpoint.kind === 'newer') readOnly = STORE_MESSAGES.newerArticle
    let keepCheckpoint = false
    if (checkpoint.kind === 'unusable') {
      const movedTo = await moveAside(path, ctx.now()).catch(() => null)
      keepCheckpoint = movedTo === null
      problem(STORE_MESSAGES.setAside(checkpoint.reason), movedTo && rel(movedTo), rel(path))
    }
    if (checkpoint.kind === 'ok') {
      const split = splitAtCheckpoint(read, checkpoint.includes)
      if (split && split.included.length > 0) {
        stamp = checkpoint.stamp
        const base = shareUnchanged({ ...checkpoint.state, log: uniqueSorted(split.included) })
        doc = applyAll(base, split.tail, leftOut)
        tail = doc.log.length - base.log.length
      }
    }
    if (!doc) {
      try {
        doc = shareTexts(fold(all, leftOut))
      } catch {
        problem(STORE_MESSAGES.noCreation)
        return null
      }
    }
    if (doc.article.id !== id) {
      problem(STORE_MESSAGES.otherArticle(doc.article.id))
      return null
    }
    const article = new StoredArticle(id, doc, logs, readOnly, ctx)
    article.checkpointStamp = stamp
    article.keepCheckpoint = keepCheckpoint
    article.pending = tail
    article.stale = stamp === null && readOnly === null
    return article
  }

  /**
   * A new article: its creation saved to this process's log (a synced line). Its checkpoint comes on the usual
   * schedule: a log of one creation folds in no time.
   */
  static async create(ctx: ArticleContext, op: Operation): Promise<StoredArticle> {
    const logs = new LogFolder<Operation>(articleLogDir(ctx.workspaceDir, op.type === 'article.create' ? op.article.id : ''), ctx.replica, parseOperation, ctx)
    const line = await operationLine(op)
    try {
      await logs.append(line)
    } catch (error) {
      await logs.close()
      throw changeNotSavedError(error)
    }
    const article = new StoredArticle((op as Extract<Operation, { type: 'article.create' }>).article.id, fold([op]), logs, null, ctx)
    article.pending = 1
    return article
  }

  /** Whether the article's folder is gone (trashed by another process), and folds in what others appended if not. */
  async catchUpBeforeChange(): Promise<{ gone: boolean; added: Operation[] }> {
    const look = this.logs.lookNow()
    if (look.gone) return { gone: true, added: [] }
    return { gone: false, added: look.changed ? await this.catchUp() : [] }
  }

  /** Folds in what other writers appended since; returns the operations that were new here. */
  async catchUp(): Promise<Operation[]> {
    const fresh = await this.logs.readNew()
    if (this.logs.newerVersion !== null) this.readOnly = STORE_MESSAGES.newerArticle
    if (fresh.length === 0) return []
    for (const op of fresh) this.ctx.clock.observe(op.ts)
    const known = new Set(this.doc.log.map((op) => op.id))
    const added = uniqueSorted(fresh.filter((op) => !known.has(op.id)))
    if (added.length === 0) return []
    this.doc = applyAll(this.doc, added, (op, why) =>
      this.ctx.problems.add({ file: relative(this.ctx.workspaceDir, articleLogDir(this.ctx.workspaceDir, this.id)), movedTo: null, reason: STORE_MESSAGES.changeLeftOut(op.name, op.at, lowerFirst(why)) })
    )
    this.pending += added.length
    return added
  }

  /** Saves `op` to this process's log (a synced line), then folds it in. Refused in words when it cannot be saved. */
  async record(op: Operation): Promise<void> {
    // Tried before it is saved: a change that would leave the article invalid is refused, and nothing is written.
    await this.recordAll([op])
  }

  /**
   * Takes in operations made elsewhere (a server's copy, a bundle): each new one is checked against the article's rules
   * and saved to this process's log (one append), so that every process reading the folder has them. One that would
   * leave the article invalid, or that has the id of one already here with other contents (an altered copy), is refused
   * and returned with why; nothing refused is saved or applied. Returns what was added.
   */
  async merge(ops: readonly Operation[]): Promise<{ added: Operation[]; refused: { op: Operation; reason: string }[] }> {
    if (this.readOnly) throw new FactmarkError('forbidden', this.readOnly)
    const refused: { op: Operation; reason: string }[] = []
    const known = new Map(this.doc.log.map((op) => [op.id, op]))
    const fresh = new Map<string, Operation>()
    for (const op of ops) {
      const mine = known.get(op.id) ?? fresh.get(op.id)
      if (!mine) fresh.set(op.id, op)
      else if (JSON.stringify(mine) !== JSON.stringify(op)) refused.push({ op, reason: STORE_MESSAGES.alteredCopy })
    }
    if (fresh.size === 0) return { added: [], refused }
    for (const op of fresh.values()) this.ctx.clock.observe(op.ts)
    const leftOut = new Map<string, string>()
    const candidates = [...fresh.values()]
    let next = applyAll(this.doc, candidates, (op, why) => {
      if (fresh.has(op.id)) leftOut.set(op.id, why)
    })
    if (leftOut.size > 0) {
      for (const [id, why] of leftOut) refused.push({ op: fresh.get(id)!, reason: lowerFirst(why) })
      next = applyAll(this.doc, candidates.filter((op) => !leftOut.has(op.id)))
    }
    const added = uniqueSorted(candidates.filter((op) => !leftOut.has(op.id)))
    if (added.length === 0) return { added, refused }
    await this.appendInPieces(added)
    this.doc = next
    this.pending += added.length
    return { added, refused }
  }

  /**
   * Saves several changes made here at once (an import), in order, then folds them in: each is tried on the state the
   * ones before it leave, and if any would leave the article invalid, none is saved.
   */
  async recordAll(ops: readonly Operation[]): Promise<void> {
    if (this.readOnly) throw new FactmarkError('forbidden', this.readOnly)
    if (!this.logs.ownStillHere()) {
      if (this.logs.lookNow().gone) throw new FactmarkError('conflict', STORE_MESSAGES.movedElsewhere)
      await this.restoreOwnLog()
    }
    // In batches: each copies the claim list once (not once per claim), and main answers the window between them.
    let problem: string | undefined
    const mine = new Set(ops.map((op) => op.id))
    let next = this.doc
    for (let i = 0; i < ops.length; i += RECORD_BATCH) {
      if (i > 0) await nextTurn()
      next = applyAll(next, ops.slice(i, i + RECORD_BATCH), (op, why) => {
        if (mine.has(op.id)) problem ??= why
      })
      if (problem !== undefined) throw new FactmarkError('invalid-operation', `That change was refused: ${lowerFirst(problem)}`)
    }
    await this.appendInPieces(ops)
    this.doc = next
    this.pending += ops.length
  }

  /** Written in pieces of up to a megabyte: each piece is one durable write, and 10,000 one-line writes cost ~4 s. */
  private async appendInPieces(ops: readonly Operation[]): Promise<void> {
    const lines: string[] = []
    let piece = ''
    for (const op of ops) {
      for (const part of await operationLine(op)) {
        piece += part
        if (piece.length >= 1_000_000) {
          lines.push(piece)
          piece = ''
          await nextTurn() // a megabyte of JSON is ~20 ms of work
        }
      }
    }
    if (piece) lines.push(piece)
    try {
      await this.logs.append(lines)
    } catch (error) {
      throw changeNotSavedError(error)
    }
  }

  /**
   * Our own log was replaced under us (a sync tool put back an older copy of it, or removed it): what this process
   * wrote that the file no longer holds is written to it again, so nothing saved is lost.
   */
  private async restoreOwnLog(): Promise<void> {
    const held = new Set((await this.logs.rereadOwn()).map((op) => op.id))
    const lost = this.doc.log.filter((op) => op.replica === this.ctx.replica && !held.has(op.id))
    const lines: string[] = []
    for (const op of lost) lines.push(...(await operationLine(op)))
    try {
      if (lines.length) await this.logs.append(lines)
    } catch (error) {
      throw changeNotSavedError(error)
    }
  }

  /**
   * Writes the checkpoint of the document as it is now. The snapshot is taken at once (documents are never changed
   * in place), so what it says it includes is exactly what it holds, however many changes arrive while it is written.
   */
  async writeCheckpoint(): Promise<void> {
    if (this.readOnly || this.keepCheckpoint) return
    const doc = this.doc
    const includes: Includes = this.logs.includes()
    const pendingThen = this.pending
    this.checkpointStamp = await writeCheckpoint(this.checkpointPath, doc, includes)
    this.pending = Math.max(0, this.pending - pendingThen)
    this.stale = false
  }

  /**
   * Whether the checkpoint on disk is still ours or another Factmark's: one changed by hand is set aside, reported
   * and rewritten soon; one written by a newer Factmark makes the article read-only. Cheap when nothing changed.
   */
  async checkCheckpoint(): Promise<void> {
    const stamp = await fileStamp(this.checkpointPath).catch(() => null)
    if (stamp === null) {
      if (this.checkpointStamp !== null) this.stale = true
      this.checkpointStamp = null
      return
    }
    if (sameStamp(stamp, this.checkpointStamp)) return
    const checkpoint = await readCheckpoint(this.checkpointPath).catch(() => null)
    if (!checkpoint) return
    if (checkpoint.kind === 'ok') this.checkpointStamp = checkpoint.stamp
    else if (checkpoint.kind === 'newer') this.readOnly = STORE_MESSAGES.newerArticle
    else if (checkpoint.kind === 'unusable') {
      const rel = (path: string) => relative(this.ctx.workspaceDir, path)
      const movedTo = await moveAside(this.checkpointPath, this.ctx.now()).catch(() => null)
      this.ctx.problems.add({ file: rel(this.checkpointPath), movedTo: movedTo && rel(movedTo), reason: STORE_MESSAGES.setAside(checkpoint.reason) })
      this.checkpointStamp = null
      this.keepCheckpoint = movedTo === null
      this.stale = !this.keepCheckpoint
    }
  }

  close(): Promise<void> {
    return this.logs.close()
  }
}

/**
 * The operations a checkpoint includes (each log's first `bytes`) and those after. Null when the logs no longer
 * hold what it says (a log gone, shorter, or with other bytes there than were folded in): it is then rebuilt.
 */
/** A checkpoint whose state is not a valid article (core/invariants.ts) is as unusable as one that is not JSON. */
function stateChecked(read: CheckpointRead): CheckpointRead {
  if (read.kind !== 'ok') return read
  let problem: string | null
  try {
    problem = documentProblem({ ...read.state, log: [] } as ArticleDoc)
  } catch {
    problem = 'Its claims are not in the form Factmark writes.'
  }
  return problem ? { kind: 'unusable', reason: `it describes an article Factmark cannot show (${lowerFirst(problem).replace(/\.$/, '')})` } : read
}

function splitAtCheckpoint(read: ReadLog<Operation>[], includes: Includes): { included: Operation[]; tail: Operation[] } | null {
  const byKey = new Map(read.map((log) => [log.key, log]))
  for (const [key, { bytes }] of Object.entries(includes)) {
    if (bytes > 0 && byKey.get(key)?.vouchedEnd !== bytes) return null
  }
  const included: Operation[] = []
  const tail: Operation[] = []
  for (const log of read) {
    const limit = includes[log.key]?.bytes ?? 0
    for (const entry of log.entries) (entry.end <= limit ? included : tail).push(entry.value)
  }
  return { included, tail }
}

function uniqueSorted(ops: readonly Operation[]): Operation[] {
  const byId = new Map<string, Operation>()
  for (const op of ops) if (!byId.has(op.id)) byId.set(op.id, op)
  return [...byId.values()].sort(compareStamps)
}
