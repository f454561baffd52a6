// Who reviews from a machine account: `identities/<machine account>.json` holds their reviewer id, made once
// (exclusively, so two processes starting together agree) and kept. The name lives in the settings' reviewers, by
// that id: a change made before any name was given is already theirs, and a rename keeps every note theirs.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { newId } from '../../core/ids'
import { Id } from '../../core/model'
import { createFileExclusively, readJsonOrNull } from './exclusive-file'
import { IDENTITIES_DIR } from './layout'
import { machineSlug, type Machine } from './machine'

const Identity = z.object({ reviewer: Id })

export const identityPath = (dir: string, machine: Machine) => join(dir, IDENTITIES_DIR, `${machineSlug(machine)}.json`)

export async function readIdentity(dir: string, machine: Machine): Promise<string | null> {
  const parsed = Identity.safeParse(await readJsonOrNull(identityPath(dir, machine)))
  return parsed.success ? parsed.data.reviewer : null
}

/** This machine account's reviewer id: the one on disk, else `proposed` (a new random id) made the one. */
export async function ensureIdentity(dir: string, machine: Machine, proposed: string = newId()): Promise<string> {
  const existing = await readIdentity(dir, machine)
  if (existing) return existing
  await mkdir(join(dir, IDENTITIES_DIR), { recursive: true })
  const path = identityPath(dir, machine)
  if (await createFileExclusively(path, `${JSON.stringify({ reviewer: proposed }, null, 2)}\n`)) return proposed
  // Another process made it first, or an unreadable one is in the way (kept: the id it held may be in use).
  return (await readIdentity(dir, machine)) ?? proposed
}
