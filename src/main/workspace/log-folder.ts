// A folder of logs, one per writer (`<replica>.jsonl`): an article's changes, or the workspace's settings. Reads them
// whole when opened and then only what was appended since (a cursor per file); appends to this process's own.
// Any `*.jsonl` there is read, whatever its name: entries count once by id, so a sync tool's conflict copy of a log
// merges instead of getting in the way.
import { mkdir, readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { STORE_MESSAGES } from '../io-messages'
import { logFileName, logKey } from './layout'
import { headerLine, parseLog, type LogChunk } from './log-format'
import { readFrom } from './log-read'
import { LogWriter, type AppendOps } from './log-writer'
import { moveAside } from './move-aside'
import type { Problems } from './problems'
import type { Includes } from './checkpoint'

export interface Cursor {
  /** Offset after the last whole line read (or written, for our own log). */
  end: number
  lines: number
  /** Size and identity when last looked at: unchanged means nothing new. */
  size: number
  ino: number
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
  bytes: Buffer
  entries: { value: T; end: number }[]
}

export class LogFolder<T> {
  readonly cursors = new Map<string, Cursor>()
  /** Set when a log here was written by a newer Factmark. */
  newerVersion: number | null = null
  #writer: LogWriter | null = null
  #ownUnreadable = false
  #appending: Promise<void> = Promise.resolve()

  constructor(
    readonly path: string,
    readonly own: string,
    private readonly parse: (value: unknown) => T | null,
    private readonly ctx: LogFolderContext
  ) {}

  /** Every log, whole. `report` says what is wrong with them (torn last lines, unreadable lines) as problems. */
  async readAll(report: boolean): Promise<ReadLog<T>[]> {
    const logs: ReadLog<T>[] = []
    for (const name of await this.names()) {
      const key = logKey(name)!
      const read = await readFrom(join(this.path, name), 0).catch(() => null)
      if (!read) continue
      const chunk = parseLog(read.bytes, 0, 0, this.parse)
      this.cursors.set(key, { end: chunk.end, lines: chunk.lines, size: read.size, ino: read.ino })
      await this.note(name, key, chunk, report)
      logs.push({ key, bytes: read.bytes, entries: chunk.entries })
    }
    return logs
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
      this.cursors.set(key, { end: chunk.end, lines: (from ? cursor!.lines : 0) + chunk.lines, size: read.size, ino: read.ino })
      await this.note(name, key, chunk, false)
      fresh.push(...chunk.entries.map((e) => e.value))
    }
    return fresh
  }

  /** Writes whole lines to our own log, synced; after it returns they are saved. One append at a time, in order. */
  append(pieces: readonly string[]): Promise<void> {
    const next = this.#appending.then(() => this.appendNow(pieces))
    this.#appending = next.catch(() => {})
    return next
  }

  private async appendNow(pieces: readonly string[]): Promise<void> {
    const writer = await this.writer()
    const bytes = await writer.append(pieces)
    const cursor = this.cursors.get(this.own)!
    const lines = pieces.reduce((n, piece) => n + countNewlines(piece), 0)
    this.cursors.set(this.own, { ...cursor, end: cursor.end + bytes, lines: cursor.lines + lines, size: cursor.end + bytes })
  }

  /** Whether our own log is still where it was (not moved to the trash by another process). */
  async ownStillHere(): Promise<boolean> {
    return this.#writer ? this.#writer.stillAtPath() : true
  }

  includes(): Includes {
    return Object.fromEntries([...this.cursors].map(([key, c]) => [key, { lines: c.lines, bytes: c.end }]))
  }

  async close(): Promise<void> {
    await this.#writer?.close()
    this.#writer = null
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
    this.cursors.set(this.own, { end, lines: cursor && end === cursor.end ? cursor.lines : 1, size: info.size, ino: info.ino })
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

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}
