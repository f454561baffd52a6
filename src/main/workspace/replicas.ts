// A replica is a writer identity: the one process using it appends to its own log files, so no two processes ever
// append to one file. A process takes the first replica of its machine account whose lock is free (a crashed
// process's lock included), so a workspace does not collect a new replica at every start; else it makes a new one.
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { newId } from '../../core/ids'
import { writeFileDurably } from './durable-write'
import { readJsonOrNull } from './exclusive-file'
import { LOCKS_DIR, REPLICAS_DIR } from './layout'
import { tryLock, type Lock } from './locks'
import type { Machine } from './machine'

const ReplicaInfo = z.object({ id: z.string(), host: z.string(), user: z.string(), createdAt: z.string() })
export type ReplicaInfo = z.infer<typeof ReplicaInfo>

/** Replica ids no process takes: the log a version-1 file was migrated into. */
const RESERVED = new Set(['version-1'])

export async function takeReplica(dir: string, machine: Machine, now: Date): Promise<{ id: string; lock: Lock }> {
  const lockPath = (id: string) => join(dir, LOCKS_DIR, `${id}.lock`)
  for (const replica of await replicasOf(dir, machine)) {
    const lock = await tryLock(lockPath(replica.id), machine.host)
    if (lock) return { id: replica.id, lock }
  }
  for (;;) {
    const id = newId()
    if (RESERVED.has(id)) continue
    const lock = await tryLock(lockPath(id), machine.host)
    if (!lock) continue
    const info: ReplicaInfo = { id, ...machine, createdAt: now.toISOString() }
    await mkdir(join(dir, REPLICAS_DIR), { recursive: true })
    await writeFileDurably(join(dir, REPLICAS_DIR, `${id}.json`), `${JSON.stringify(info, null, 2)}\n`)
    return { id, lock }
  }
}

async function replicasOf(dir: string, machine: Machine): Promise<ReplicaInfo[]> {
  const names = await readdir(join(dir, REPLICAS_DIR)).catch(() => [] as string[])
  const found: ReplicaInfo[] = []
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue
    const parsed = ReplicaInfo.safeParse(await readJsonOrNull(join(dir, REPLICAS_DIR, name)))
    if (parsed.success && parsed.data.host === machine.host && parsed.data.user === machine.user && !RESERVED.has(parsed.data.id) && `${parsed.data.id}.json` === name) found.push(parsed.data)
  }
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1))
}
