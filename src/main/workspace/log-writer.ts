// Appends to this process's own log file: each change is one line, on disk (synced) before it counts as saved. The
// file stays open, with O_DSYNC where the platform has it, so that one write is also the sync: a single request to
// the thread pool, which the caller's own work overlaps (elsewhere, a datasync follows each write). Writes go at the
// known end of the file: if one fails part-way (the disk is full), the file is cut back to that end, so a failed
// change leaves nothing behind and the next one starts clean.
import { constants, type FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import { statSync } from 'node:fs'
import { dirname } from 'node:path'
import { syncFolder } from './durable-write'

/** The calls an append makes; tests swap them to fail like a full disk. */
export interface AppendOps {
  write(handle: FileHandle, bytes: Buffer, position: number): Promise<number>
  datasync(handle: FileHandle): Promise<void>
  truncate(handle: FileHandle, length: number): Promise<void>
}

export const nodeAppendOps: AppendOps = {
  write: async (handle, bytes, position) => (await handle.write(bytes, 0, bytes.length, position)).bytesWritten,
  datasync: (handle) => handle.datasync(),
  truncate: (handle, length) => handle.truncate(length)
}

/** Each write reaches the disk before it returns (Linux, macOS); undefined on Windows, where datasync does it. */
const SYNCED_WRITES = constants.O_DSYNC as number | undefined

export class LogWriter {
  #cutBack = false

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly ino: number,
    /** Where the next line goes: the end of the last whole line. */
    private size: number,
    private readonly ops: AppendOps,
    private readonly syncedWrites: boolean
  ) {}

  /**
   * Opens (or creates) the log at `path` for appending after its first `validEnd` bytes: anything after them (a line
   * torn by a crash) is cut off first. A new or empty file gets `header` as its first line.
   */
  static async open(path: string, validEnd: number, header: string, ops: AppendOps = nodeAppendOps): Promise<LogWriter> {
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT | (SYNCED_WRITES ?? 0), 0o644)
    try {
      const info = await handle.stat()
      const writer = new LogWriter(path, handle, info.ino, Math.min(validEnd, info.size), ops, SYNCED_WRITES !== undefined)
      if (info.size > writer.size) {
        await ops.truncate(handle, writer.size)
        await ops.datasync(handle)
      }
      if (writer.size === 0) {
        await writer.append([header])
        await syncFolder(dirname(path)) // a new file's name is durable only once its folder is synced
      }
      return writer
    } catch (error) {
      await handle.close().catch(() => {})
      throw error
    }
  }

  /** The offset after the last line written. */
  get end(): number {
    return this.size
  }

  /**
   * Writes `pieces` (together, one or more whole lines) and syncs them; returns the bytes written. The first write is
   * handed to the thread pool before this returns its promise, so the caller can work while it is on its way.
   */
  async append(pieces: readonly string[]): Promise<number> {
    if (this.#cutBack) {
      await this.ops.truncate(this.handle, this.size)
      this.#cutBack = false
    }
    let position = this.size
    try {
      for (const piece of pieces) {
        const bytes = Buffer.from(piece, 'utf8')
        for (let done = 0; done < bytes.length; ) {
          const written = await this.ops.write(this.handle, done === 0 ? bytes : bytes.subarray(done), position)
          if (written <= 0) throw Object.assign(new Error('nothing was written'), { code: 'EIO' })
          done += written
          position += written
        }
      }
      if (!this.syncedWrites) await this.ops.datasync(this.handle)
    } catch (error) {
      await this.cutBack()
      throw error
    }
    const written = position - this.size
    this.size = position
    return written
  }

  /** Whether `path` still names this file: false once it was moved (to the trash) or replaced (by a sync tool). */
  stillAtPath(): boolean {
    try {
      return statSync(this.path).ino === this.ino
    } catch {
      return false
    }
  }

  close(): Promise<void> {
    return this.handle.close().catch(() => {})
  }

  private async cutBack(): Promise<void> {
    try {
      await this.ops.truncate(this.handle, this.size)
      await this.ops.datasync(this.handle)
    } catch {
      this.#cutBack = true // tried again before the next append
    }
  }
}
