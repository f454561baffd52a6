// Which server an article is shared through, kept beside its logs (so it travels with the folder, to the trash and
// back): the server, the database, the CouchDB user this workspace signs in as, and which CouchDB user added each
// reviewer's changes there (first seen, then held to: a change by that reviewer added by anyone else is forged).
// Never a password.
import { z } from 'zod'
import { readFile } from 'node:fs/promises'
import { sharedPath } from '../workspace/layout'
import { writeFileDurably } from '../workspace/durable-write'

const SHARED_FORMAT = 'factmark-shared'

export const SharedInfo = z.object({
  format: z.literal(SHARED_FORMAT),
  version: z.literal(1),
  server: z.string(),
  database: z.string(),
  user: z.string(),
  /** Reviewer id → the CouchDB user who added their changes. */
  authors: z.record(z.string(), z.string())
})
export type SharedInfo = z.infer<typeof SharedInfo>

export function newSharedInfo(server: string, database: string, user: string, authors: Record<string, string>): SharedInfo {
  return { format: SHARED_FORMAT, version: 1, server, database, user, authors }
}

/** The article's sharing, or null when it is not shared (or the file is not one Factmark wrote). */
export async function readSharedInfo(workspaceDir: string, articleId: string): Promise<SharedInfo | null> {
  const text = await readFile(sharedPath(workspaceDir, articleId), 'utf8').catch(() => null)
  if (text === null) return null
  try {
    const parsed = SharedInfo.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function writeSharedInfo(workspaceDir: string, articleId: string, info: SharedInfo): Promise<void> {
  await writeFileDurably(sharedPath(workspaceDir, articleId), `${JSON.stringify(info, null, 2)}\n`)
}
