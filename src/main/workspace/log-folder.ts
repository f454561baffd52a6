// A folder of logs, one per writer (`<replica>.jsonl`): an article's changes, or the workspace's settings. Reads them
// whole when opened and then only what was appended since (a cursor per file); appends to this process's own.
// Any `*.jsonl` there is read, whatever its name: entries count once by id, so a sync tool's conflict copy of a log
// merges instead of getting in the way.
import { createHash, type Hash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { mkdir, readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { STORE_MESSAGES } from '../io-messages'
import { logFileName, logKey } from './layout'
import { headerLine, parseLog, type LogChunk } from './log-format'
import { readFrom } from './log-read'
import { LogWriter, type AppendOps } from './log-writer'
import { moveAside } from './move-aside'
import { closedWriter, usedWriter } from './open-writers'
import type { Problems } from './problems'
import type { Includes } from './checkpoint'

export interface Cursor {
  /** Offset after the last whole line read (or written, for our own log). */
  end: number
  lines: number
  /** Size and identity when last looked at: unchanged means nothing new. */
  size: number
  ino: number
  /** The running hash of the bytes up to `end`, for a checkpoint's `includes`. */
  hash: Hash
}

export interface LogFolderContext {
  workspaceDir: string
  problems: Problems
  appendOps: AppendOps
  /** Whether a live process is writing that replica's log now (its last line may be unfinished, not torn). */
  writerIsLive(replica: string): Promise<boolean>
  now(): Date
}

/** One log as read when the folder was opened, for a checkpoint to be checked against. */
export interface ReadLog<T> {
  key: string
  entries: { value: T; end: number }[]
  /** How many of its first bytes are what the checkpoint says it includes (their hash matches); 0 if none. */
  vouchedEnd: number
}

export class LogFolder<T> {
  readonly cursors = new Map<string, Cursor>()
  /** Set when a log here was written by a newer Factmark. */
  newerVersion: number | null = null
  #writer: LogWriter | null = null
  #ownUnreadable = false
  #appending: Promise<void> = Promise.resolve()
  #inFlight = 0

  constructor(
    readonly path: string,
    readonly own: string,
    private readonly parse: (value: unknown, trusted: boolean) => T | null,
    private readonly ctx: LogFolderContext
  ) {}

  /**
   * Every log, whole. `report` says what is wrong with them (torn last lines, unreadable lines) as problems. The
   * lines a checkpoint's `includes` vouches for (their bytes hash to what it recorded) are not checked one by one.
   */
  async readAll(report: boolean, vouched: Includes | null = null): Promise<ReadLog<T>[]> {
    const logs: ReadLog<T>[] = []
    for (const name of await this.names()) {
      const key = logKey(name)!
      const read = await readFrom(join(this.path, name), 0).catch(() => null)
      if (!read) continue
      let hash = createHash('sha256')
      let hashed = 0
      let vouchedEnd = 0
      const claim = vouched?.[key]
      if (claim && claim.bytes > 0 && claim.bytes <= read.bytes.length && read.bytes[claim.bytes - 1] === 0x0a) {
        hash.update(read.bytes.subarray(0, claim.bytes))
        hashed = claim.bytes
        if (hash.copy().digest('hex') === claim.sha256) vouchedEnd = claim.bytes
      }
      const chunk = parseLog(read.bytes, 0, 0, this.parse, vouchedEnd)
      if (chunk.end >= hashed) hash.update(read.bytes.subarray(hashed, chunk.end))
      else hash = createHash('sha256').update(read.bytes.subarray(0, chunk.end))
      this.cursors.set(key, { end: chunk.end, lines: chunk.lines, size: read.size, ino: read.ino, hash })
      await this.note(name, key, chunk, report)
      logs.push({ key, entries: chunk.entries, vouchedEnd })
    }
    return logs
  }

  /**
   * Whether another writer appended (or a log appeared) since last read, and whether the folder is still there: the
   * check before every change. Synchronous on purpose: a few metadata calls take microseconds, while each through
   * the thread pool costs ~70 µs, as much again as the change's own write.
   */
  lookNow(): { gone: boolean; changed: boolean } {
    let names: string[]
    try {
      names = readdirSync(this.path)
    } catch {
      return { gone: true, changed: false }
    }
    for (const name of names) {
      const key = logKey(name)
      if (key === null || key === this.own) continue
      const cursor = this.cursors.get(key)
      const info = statSyncOrNull(join(this.path, name))
      if (info?.isFile() && (!cursor || cursor.ino !== info.ino || cursor.size !== info.size)) return { gone: false, changed: true }
    }
    return { gone: false, changed: false }
  }

  /** What the other writers appended since last time. */
  async readNew(): Promise<T[]> {
    const fresh: T[] = []
    for (const name of await this.names()) {
      const key = logKey(name)!
      if (key === this.own && this.cursors.has(key)) continue // only we write it, and we know what we wrote
      const path = join(this.path, name)
      const info = await stat(path).catch(() => null)
      if (!info?.isFile()) continue
      const cursor = this.cursors.get(key)
      if (cursor && cursor.ino === info.ino && cursor.size === info.size) continue
      // A file replaced by a sync tool holds at least what it held (logs only grow); if it shrank, read it again whole.
      const from = cursor && info.size >= cursor.end ? cursor.end : 0
      const read = await readFrom(path, from).catch(() => null)
      if (!read) continue
      const chunk = parseLog(read.bytes, from, from ? cursor!.lines : 0, this.parse)
      const hash = (from ? cursor!.hash : createHash('sha256')).update(read.bytes.subarray(0, chunk.end - from))
      this.cursors.set(key, { end: chunk.end, lines: (from ? cursor!.lines : 0) + chunk.lines, size: read.size, ino: read.ino, hash })
      await this.note(name, key, chunk, false)
      fresh.push(...chunk.entries.map((e) => e.value))
    }
    return fresh
  }

  /** Writes whole lines to our own log, synced; after it returns they are saved. One append at a time, in order. */
  append(pieces: readonly string[]): Promise<void> {
    // With nothing in flight, the write starts now (see LogWriter.append), not a turn of the loop later.
    const next = this.#inFlight === 0 && this.#writer ? this.appendNow(pieces) : this.#appending.then(() => this.appendNow(pieces))
    this.#inFlight++
    const settled = next.catch(() => {}).finally(() => this.#inFlight--)
    this.#appending = settled
    return next
  }

  private async appendNow(pieces: readonly string[]): Promise<void> {
    const writer = this.#writer ?? (await this.writer())
    usedWriter(this)
    const bytes = await writer.append(pieces)
    const cursor = this.cursors.get(this.own)!
    const lines = pieces.reduce((n, piece) => n + countNewlines(piece), 0)
    for (const piece of pieces) cursor.hash.update(piece, 'utf8')
    this.cursors.set(this.own, { ...cursor, end: cursor.end + bytes, lines: cursor.lines + lines, size: cursor.end + bytes })
  }

  /**
   * Reads our own log again, whole, after something replaced it (a sync tool putting back its copy): the writer is
   * reopened at its end at the next append. Returns what it holds now.
   */
  async rereadOwn(): Promise<T[]> {
    await this.closeWriter()
    const name = logFileName(this.own)
    const read = await readFrom(join(this.path, name), 0)
    if (!read) {
      this.cursors.delete(this.own)
      return []
    }
    const chunk = parseLog(read.bytes, 0, 0, this.parse)
    const hash = createHash('sha256').update(read.bytes.subarray(0, chunk.end))
    this.cursors.set(this.own, { end: chunk.end, lines: chunk.lines, size: read.size, ino: read.ino, hash })
    await this.note(name, this.own, chunk, false)
    return chunk.entries.map((e) => e.value)
  }

  /** Whether our own log is still where it was (not moved to the trash by another process, nor replaced). */
  ownStillHere(): boolean {
    return this.#writer ? this.#writer.stillAtPath() : true
  }

  includes(): Includes {
    return Object.fromEntries([...this.cursors].map(([key, c]) => [key, { lines: c.lines, bytes: c.end, sha256: c.hash.copy().digest('hex') }]))
  }

  async close(): Promise<void> {
    closedWriter(this)
    await this.closeWriter()
  }

  /** Closes the file being written, after any append under way (the next append opens it again at its end). */
  closeWriter(): Promise<void> {
    this.#inFlight++
    const next = this.#appending
      .then(async () => {
        const writer = this.#writer
        this.#writer = null
        await writer?.close()
      })
      .finally(() => this.#inFlight--)
    this.#appending = next.catch(() => {})
    return next
  }

  private async writer(): Promise<LogWriter> {
    if (this.#writer) return this.#writer
    // Not recursive: an article folder that is gone (trashed by another process) must not come back with one change.
    await mkdir(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
    })
    const path = join(this.path, logFileName(this.own))
    if (this.#ownUnreadable) {
      // Never written over: kept beside, and a new log started.
      await moveAside(path, this.ctx.now())
      this.cursors.delete(this.own)
      this.#ownUnreadable = false
    }
    const cursor = this.cursors.get(this.own)
    this.#writer = await LogWriter.open(path, cursor?.end ?? 0, headerLine(this.own), this.ctx.appendOps)
    const info = await stat(path)
    const end = this.#writer.end
    const kept = cursor !== undefined && end === cursor.end // else a new log, holding its header
    this.cursors.set(this.own, {
      end,
      lines: kept ? cursor.lines : 1,
      size: info.size,
      ino: info.ino,
      hash: kept ? cursor.hash : createHash('sha256').update(headerLine(this.own))
    })
    return this.#writer
  }

  private async names(): Promise<string[]> {
    const names = await readdir(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [] as string[]
      throw error
    })
    return names.filter((name) => logKey(name) !== null).sort()
  }

  private async note(name: string, key: string, chunk: LogChunk<T>, report: boolean): Promise<void> {
    const file = relative(this.ctx.workspaceDir, join(this.path, name))
    const add = (reason: string) => this.ctx.problems.add({ file, movedTo: null, reason })
    if (chunk.newerVersion !== null) {
      this.newerVersion = Math.max(this.newerVersion ?? 0, chunk.newerVersion)
      add(STORE_MESSAGES.newerLog)
    }
    if (chunk.notALog) {
      if (key === this.own) this.#ownUnreadable = true
      add(STORE_MESSAGES.notALog)
    }
    for (const line of chunk.badLines) add(STORE_MESSAGES.badLine(line))
    // An unfinished last line of a live writer is being written right now; of anyone else's, it is torn.
    if (report && chunk.tornBytes > 0 && !(key !== this.own && (await this.ctx.writerIsLive(key)))) add(STORE_MESSAGES.tornLine)
  }
}

function statSyncOrNull(path: string) {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}
