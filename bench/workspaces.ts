// Workspace folders for the bench, in the store's version-2 layout: an article's operations are written directly
// as a log (`articles/<id>/log/<replica>.jsonl`: the header line, then one operation per line), then the workspace is
// opened once with the store itself, which checks every line, folds them, takes the reviewer's name and writes the
// checkpoint (`articles/<id>/article.json`) when it is closed. Copies of such a folder open from that checkpoint.

import { cp, mkdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Operation } from '../src/core/model'
import { ensureIdentity } from '../src/main/workspace/identity'
import { articleLogDir, checkpointPath, logFileName } from '../src/main/workspace/layout'
import { headerLine } from '../src/main/workspace/log-format'
import { thisMachine } from '../src/main/workspace/machine'
import { openWorkspace } from '../src/main/workspace/workspace'
import { REVIEWER, REVIEWER_ID } from './generate'

export const ORGANISATION = 'Bench'

/** The article's id: its first operation is its creation. */
export function articleIdOf(ops: readonly Operation[]): string {
  const first = ops[0]
  if (first?.type !== 'article.create') throw new Error('an article log starts with its article.create')
  return first.article.id
}

/** Writes `ops` as `replica`'s log of their article, as the store would have appended them (one line each). */
export async function writeLog(dir: string, replica: string, ops: readonly Operation[], articleId = articleIdOf(ops)): Promise<string> {
  const logDir = articleLogDir(dir, articleId)
  await mkdir(logDir, { recursive: true })
  const path = join(logDir, logFileName(replica))
  await writeFile(path, headerLine(replica) + ops.map((op) => `${JSON.stringify(op)}\n`).join(''))
  return path
}

/**
 * A workspace with one article, made of `ops` (written as the bench replica's log), opened once with the store: this
 * machine account reviews as the operations' author (REVIEWER_ID, named REVIEWER, so the first change does not ask for
 * a name), organisation ORGANISATION; closing it writes the checkpoint. Fails if the store reports any problem or folds
 * to other than `expectedClaims` claims.
 */
export async function writeWorkspace(dir: string, replica: string, ops: readonly Operation[], expectedClaims: number): Promise<void> {
  const id = articleIdOf(ops)
  await writeLog(dir, replica, ops, id)
  // The identity the store would make at first open, with the bench reviewer's id rather than a random one.
  await ensureIdentity(dir, thisMachine(), REVIEWER_ID)
  const workspace = await openWorkspace(dir, { watch: false })
  try {
    const me = await workspace.setMyName(REVIEWER)
    if (me.id !== REVIEWER_ID) throw new Error(`the workspace reviews as ${me.id}, not ${REVIEWER_ID}`)
    await workspace.updateSettings({ organisation: ORGANISATION })
    const problems = workspace.problems()
    if (problems.length) throw new Error(`the store reports problems with the bench workspace: ${JSON.stringify(problems)}`)
    const doc = workspace.getArticle(id)
    if (doc.claims.length !== expectedClaims || doc.log.length !== ops.length) {
      throw new Error(`the store folded ${doc.claims.length} claims from ${doc.log.length} operations (expected ${expectedClaims} from ${ops.length})`)
    }
  } finally {
    await workspace.close()
  }
  await stat(checkpointPath(dir, id)).catch(() => {
    throw new Error(`the store wrote no checkpoint for ${id} at close`)
  })
}

export async function copyWorkspace(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true })
}
