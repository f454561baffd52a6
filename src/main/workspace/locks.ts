// A lock file says which process writes as a replica now: created whole and exclusively (exclusive-file.ts), holding
// the process id, the host and a token. A lock whose process is gone from this host (killed, crashed) is stale and
// taken over. Taking over happens under a second, short-lived lock (`.break`) with the stale one read again, so that
// of two processes finding the same stale lock only one takes it.
import { mkdir, rm, unlink } from 'node:fs/promises'
import { readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { newId } from '../../core/ids'
import { createFileExclusively, readJsonOrNull } from './exclusive-file'
import { processIsAlive } from './processes'

interface LockInfo {
  pid: number
  host: string
  token: string
  at: string
}

/** Tokens of the locks this process holds: a lock with our own pid but not here is a former process's (pid reused). */
const heldHere = new Map<string, string>()
const pendingHere = new Set<string>()
let exitHookInstalled = false

export interface Lock {
  readonly path: string
  release(): Promise<void>
}

/** Takes the lock at `path`, or returns null when a live process holds it. */
export async function tryLock(path: string, host: string): Promise<Lock | null> {
  await mkdir(dirname(path), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    const info: LockInfo = { pid: process.pid, host, token: newId(12), at: new Date().toISOString() }
    // Known as ours before it exists: another instance in this process reading it meanwhile must not take it for stale.
    pendingHere.add(info.token)
    let created = false
    try {
      created = await createFileExclusively(path, `${JSON.stringify(info)}\n`)
      if (created) return held(path, info.token)
    } finally {
      pendingHere.delete(info.token) // after held() took it over, with no turn of the loop between
    }
    if (attempt > 0) return null
    const holder = await readLock(path)
    if (holder && !isStale(holder, host)) return null
    if (!(await breakStale(path, holder, host))) return null
  }
  return null
}

function held(path: string, token: string): Lock {
  heldHere.set(path, token)
  installExitHook()
  return {
    path,
    async release() {
      if (heldHere.get(path) !== token) return
      heldHere.delete(path)
      // Only our own: had another process taken it over (wrongly thinking us gone), its lock stays.
      const holder = await readLock(path)
      if (holder?.token === token) await unlink(path).catch(() => {})
    }
  }
}

async function readLock(path: string): Promise<LockInfo | null> {
  const value = (await readJsonOrNull(path)) as Partial<LockInfo> | null
  return value && typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' ? (value as LockInfo) : null
}

/** Unreadable, or of this host with its process gone (or our pid, reused, but not held by us). */
function isStale(holder: LockInfo | null, host: string): boolean {
  if (!holder) return true
  if (holder.host !== host) return false // another machine's process cannot be checked from here
  if (holder.pid === process.pid) return !pendingHere.has(holder.token) && ![...heldHere.values()].includes(holder.token)
  return !processIsAlive(holder.pid)
}

async function breakStale(path: string, seen: LockInfo | null, host: string): Promise<boolean> {
  const breaker = `${path}.break`
  const mine: LockInfo = { pid: process.pid, host, token: newId(12), at: new Date().toISOString() }
  if (!(await createFileExclusively(breaker, JSON.stringify(mine)))) {
    // A breaker that died while breaking (a window of microseconds) would block this replica for good.
    const other = await readLock(breaker)
    if (other && !isStale(other, host)) return false
    await rm(breaker, { force: true })
    if (!(await createFileExclusively(breaker, JSON.stringify(mine)))) return false
  }
  try {
    // Read again under the breaker: if it changed since, someone else took it meanwhile and it is theirs.
    const now = await readLock(path)
    if (now !== null && now.token !== seen?.token) return false
    await rm(path, { force: true })
    return true
  } finally {
    await rm(breaker, { force: true }).catch(() => {})
  }
}

/** A process that ends without closing its workspace (a CLI run that threw) still leaves its locks free. */
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const [path, token] of heldHere) {
      try {
        if (JSON.parse(readFileSync(path, 'utf8')).token === token) rmSync(path, { force: true })
      } catch {
        /* gone already */
      }
    }
  })
}
