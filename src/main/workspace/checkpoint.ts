// An article's checkpoint (article.json): its state after the changes it lists in `includes` (how many lines and
// bytes of each log), pretty-printed as before, with a checksum. It only saves folding the logs again: a missing,
// stale or edited checkpoint is rebuilt from them. It is written in the background, serialised in slices.
import { readFile, stat } from 'node:fs/promises'
import { z } from 'zod'
import { ARTICLE_VERSION, ArticleDoc } from '../../core/model'
import { checksumHolds, checksumOf, withChecksum } from './checksum'
import { writeFileDurably, type WriteOps } from './durable-write'
import { notJson } from './json-file'
import { jsonInSlices } from './sliced-json'

/**
 * How much of one log a checkpoint contains: its first `lines` lines, `bytes` bytes, whose hash is `sha256`. The hash
 * tells at the next open that those bytes are still the ones folded into it (a log replaced by a different one of
 * the same length, or edited, does not match), and lets their lines be read without checking each again.
 */
export const Included = z.object({ lines: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), sha256: z.string() })
export type Included = z.infer<typeof Included>
export type Includes = Record<string, Included>

export type CheckpointState = Omit<ArticleDoc, 'log'>
const Includes = z.record(z.string(), Included)
/**
 * What is checked of a checkpoint whose checksum holds: its shape, not every claim again. Factmark wrote it, from
 * operations it had checked (checking 10,000 claims again costs ~100 ms of every open).
 */
const CheckpointShape = z.object({
  format: z.literal('factmark-article'),
  version: z.literal(ARTICLE_VERSION),
  article: z.object({ id: z.string(), title: z.string(), text: z.string(), blocks: z.array(z.unknown()) }).loose(),
  claims: z.array(z.object({ id: z.string() }).loose()),
  revision: z.string(),
  people: z.record(z.string(), z.string()),
  includes: Includes,
  checksum: z.string()
})

/** A file's identity and version as last seen, to tell whether someone else changed it since. */
export interface FileStamp {
  ino: number
  size: number
  mtimeMs: number
}

export type CheckpointRead =
  | { kind: 'missing' }
  | { kind: 'ok'; state: CheckpointState; includes: Includes; stamp: FileStamp }
  | { kind: 'newer'; version: number }
  /** Not JSON, not a checkpoint, or not what Factmark wrote (its checksum does not match): to be moved aside. */
  | { kind: 'unusable'; reason: string }

export async function writeCheckpoint(path: string, doc: ArticleDoc, includes: Includes, ops?: WriteOps): Promise<FileStamp> {
  const { log: _log, ...state } = doc
  const pieces = await jsonInSlices({ ...state, includes })
  await writeFileDurably(path, withChecksum(pieces, await checksumOf(pieces)), ops)
  return fileStamp(path)
}

export async function readCheckpoint(path: string): Promise<CheckpointRead> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  const stamp = await fileStamp(path)
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { kind: 'unusable', reason: `it is not valid JSON (${notJson(error, text).message})` }
  }
  const version = (value as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > ARTICLE_VERSION) return { kind: 'newer', version }
  if (!(await checksumHolds(text))) return { kind: 'unusable', reason: 'it was changed outside Factmark' }
  const parsed = CheckpointShape.safeParse(value)
  if (!parsed.success) return { kind: 'unusable', reason: 'it is not a valid Factmark file' }
  const { includes, checksum: _checksum, ...state } = value as CheckpointState & { includes: Includes; checksum: string }
  return { kind: 'ok', state, includes, stamp }
}

export async function fileStamp(path: string): Promise<FileStamp> {
  const info = await stat(path)
  return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs }
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs
}
