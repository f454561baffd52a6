// Temporary files of durable writes (durable-write.ts) name the process writing them: `.<name>.<pid>-<random>.tmp`.
// One left behind by a process that is gone (killed mid-write) is removed when the folder is opened; one of a live
// process (another window writing a checkpoint right now) is left alone, or it would fail for nothing.
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { processIsAlive } from './processes'

const TEMP = /^\..+\.(?:(\d+)-)?[a-z0-9]+\.tmp$/
/** Older than this, a temporary file is left over whoever wrote it (no write takes an hour). */
const ABANDONED_MS = 60 * 60 * 1000
/** Version 1 did not name the process; its temporary files are taken as left over after a minute. */
const UNNAMED_MS = 60 * 1000

export function isTempFile(name: string): boolean {
  return TEMP.test(name)
}

/** Removes the leftover temporary files directly in `dir` (not below it). Never fails: it is only tidying. */
export async function removeLeftoverTemps(dir: string, nowMs = Date.now()): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    const match = TEMP.exec(name)
    if (!match) continue
    const path = join(dir, name)
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) continue
    const age = nowMs - info.mtimeMs
    const pid = match[1] ? Number(match[1]) : null
    const leftOver = pid === null ? age > UNNAMED_MS : !processIsAlive(pid) || age > ABANDONED_MS
    if (leftOver) await rm(path, { force: true }).catch(() => {})
  }
}
