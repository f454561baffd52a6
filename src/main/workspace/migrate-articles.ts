// A version-1 article file (`articles/<id>.json`: the document and a log of changes without identity) becomes an
// article folder whose log `version-1.jsonl` holds the converted operations (core/migrate-v1.ts: deterministic ids
// and clock values). The original is kept as `articles/<id>.v1.json`. The rename of the original comes last: a
// migration interrupted before it is done again at the next open, to the same log, so nothing is migrated twice.
import { mkdir, readFile, rename } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { ArticleDocV1 } from '../../core/model-v1'
import { V1_REPLICA, migrateV1 } from '../../core/migrate-v1'
import { STORE_MESSAGES } from '../io-messages'
import { writeFileDurably } from './durable-write'
import { notJson } from './json-file'
import { freeName } from './keep-name'
import { ARTICLES_DIR, articleDir, articleLogDir, logFileName } from './layout'
import { headerLine } from './log-format'
import { moveAside } from './move-aside'
import type { Problems } from './problems'

export const isV1ArticleFile = (name: string) => /^[a-z0-9][a-z0-9-]{2,63}\.json$/.test(name)

/** Migrates `articles/<name>`; returns the article's id, or null when the file could not be (it is then reported). */
export async function migrateV1Article(dir: string, name: string, problems: Problems, now: () => Date): Promise<string | null> {
  const path = join(dir, ARTICLES_DIR, name)
  const file = relative(dir, path)
  const setAside = async (reason: string) => {
    const movedTo = await moveAside(path, now()).catch(() => null)
    problems.add({ file, movedTo: movedTo && relative(dir, movedTo), reason })
    return null
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return null // gone meanwhile (another process migrated it)
  }
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return setAside(`it is not valid JSON (${notJson(error, text).message})`)
  }
  const parsed = ArticleDocV1.safeParse(value)
  if (!parsed.success) return setAside(STORE_MESSAGES.notV1)
  const v1 = parsed.data
  const id = v1.article.id
  if (id !== basename(name, '.json')) {
    problems.add({ file, movedTo: null, reason: STORE_MESSAGES.otherArticle(id) })
    return null
  }

  const logPath = join(articleLogDir(dir, id), logFileName(V1_REPLICA))
  const log = headerLine(V1_REPLICA) + migrateV1(v1).map((op) => `${JSON.stringify(op)}\n`).join('')
  const existing = await readFile(logPath, 'utf8').catch(() => null)
  // An old Factmark that kept changing the file after the migration only added to its log: those changes come in.
  if (existing !== null && !log.startsWith(existing)) return setAside('it was changed by an older Factmark after it was migrated, so it was not used again')
  if (existing !== log) {
    await mkdir(articleLogDir(dir, id), { recursive: true })
    await writeFileDurably(logPath, log)
  }
  const keep = await freeName(join(dir, ARTICLES_DIR, `${id}.v1`), '.json')
  await rename(path, keep)
  await mkdir(articleDir(dir, id), { recursive: true })
  return id
}
