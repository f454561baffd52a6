// The trash: a trashed article's folder moves to `trash/<id>/` whole (with its version-1 original, if any, inside),
// with `trashed.json` saying when and what the list shows. Restoring moves it back; purging removes it for good.
// Version 1 trashed single files (`trash/<id>.json`); those are listed, restored (and migrated) and purged too.
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { FactmarkError } from '../../core/errors'
import type { TrashedArticle } from '../../core/api'
import { Id, IsoTime, type ArticleDoc } from '../../core/model'
import { fold } from '../../core/ops'
import { fileError } from '../io-messages'
import { readCheckpoint } from './checkpoint'
import { writeFileDurably } from './durable-write'
import { freeName } from './keep-name'
import { ARTICLES_DIR, CHECKPOINT_FILE, LOG_DIR, TRASH_DIR, TRASH_INFO_FILE, V1_SUFFIX, articleDir } from './layout'
import { parseLog } from './log-format'
import { logKey } from './layout'
import { parseOperation } from './stored-article'

const TrashInfo = z.object({ id: Id, title: z.string(), claims: z.number().int().nonnegative(), deletedAt: IsoTime })

const trashDir = (dir: string) => join(dir, TRASH_DIR)
function trashedFolder(dir: string, id: string): string {
  if (!Id.safeParse(id).success) throw notInTrash(id)
  return join(trashDir(dir), id)
}
const notInTrash = (id: string) => new FactmarkError('not-found', `No article with id "${id.slice(0, 80)}" in the trash.`)

export async function moveToTrash(dir: string, doc: ArticleDoc, deletedAt: Date): Promise<TrashedArticle> {
  const id = doc.article.id
  const target = trashedFolder(dir, id)
  const source = articleDir(dir, id)
  if (await exists(target)) throw new FactmarkError('conflict', 'An article with the same id is already in the trash; delete that one for good first.')
  try {
    await mkdir(trashDir(dir), { recursive: true })
    await rename(source, target)
  } catch (error) {
    throw fileError(error, source, 'move', 'The article is still in the workspace.')
  }
  const original = join(dir, ARTICLES_DIR, `${id}${V1_SUFFIX}`)
  if (await exists(original)) await rename(original, join(target, `${id}${V1_SUFFIX}`)).catch(() => {})
  const info: TrashedArticle = { id, title: doc.article.title, claims: doc.claims.length, deletedAt: deletedAt.toISOString() }
  // The move is what trashes it; this only helps the list (without it, the list reads the article itself).
  await writeFileDurably(join(target, TRASH_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`).catch(() => {})
  return info
}

export async function listTrashed(dir: string): Promise<TrashedArticle[]> {
  let names: string[]
  try {
    names = await readdir(trashDir(dir))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw fileError(error, trashDir(dir), 'list')
  }
  const entries: TrashedArticle[] = []
  for (const name of names) {
    const entry = await readTrashed(dir, name).catch(() => null)
    if (entry) entries.push(entry)
  }
  return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
}

/** Where a trashed article is: its folder, or a version-1 file. Throws 'not-found' when it is not in the trash. */
export async function findTrashed(dir: string, id: string): Promise<{ kind: 'folder' | 'v1'; path: string }> {
  const folder = trashedFolder(dir, id)
  if (await isDirectory(folder)) return { kind: 'folder', path: folder }
  if (await exists(`${folder}.json`)) return { kind: 'v1', path: `${folder}.json` }
  throw notInTrash(id)
}

/** Moves a trashed article back; a version-1 file goes back as `articles/<id>.json`, to be migrated. */
export async function moveBack(dir: string, id: string): Promise<'folder' | 'v1'> {
  const found = await findTrashed(dir, id)
  const back = found.kind === 'folder' ? articleDir(dir, id) : join(dir, ARTICLES_DIR, `${id}.json`)
  if (await exists(articleDir(dir, id))) throw new FactmarkError('conflict', 'An article with the same id is already in the workspace; the trashed copy was left in the trash.')
  try {
    await rename(found.path, back)
  } catch (error) {
    throw fileError(error, found.path, 'move', 'The article is still in the trash.')
  }
  if (found.kind === 'folder') {
    await rm(join(back, TRASH_INFO_FILE), { force: true }).catch(() => {})
    const original = join(back, `${id}${V1_SUFFIX}`)
    if (await exists(original)) await rename(original, await freeName(join(dir, ARTICLES_DIR, `${id}.v1`), '.json')).catch(() => {})
  }
  return found.kind
}

export async function purgeTrashed(dir: string, id: string): Promise<void> {
  const found = await findTrashed(dir, id)
  await rm(found.path, { recursive: true, force: true }).catch((error: unknown) => Promise.reject(fileError(error, found.path, 'delete')))
}

async function readTrashed(dir: string, name: string): Promise<TrashedArticle | null> {
  const path = join(trashDir(dir), name)
  if (name.endsWith('.json')) {
    // A version-1 trashed file: the whole document; its time says when it was trashed.
    const id = name.slice(0, -'.json'.length)
    if (!Id.safeParse(id).success) return null
    const doc = JSON.parse(await readFile(path, 'utf8')) as { article?: { title?: unknown }; claims?: unknown[] }
    if (typeof doc.article?.title !== 'string' || !Array.isArray(doc.claims)) return null
    return { id, title: doc.article.title, claims: doc.claims.length, deletedAt: (await stat(path)).mtime.toISOString() }
  }
  if (!Id.safeParse(name).success || !(await isDirectory(path))) return null
  const info = TrashInfo.safeParse(JSON.parse(await readFile(join(path, TRASH_INFO_FILE), 'utf8').catch(() => 'null')))
  if (info.success && info.data.id === name) return info.data
  const doc = await documentIn(path)
  return doc && { id: name, title: doc.article.title, claims: doc.claims.length, deletedAt: (await stat(path)).mtime.toISOString() }
}

/** A trashed folder's article, from its checkpoint, else from its logs. */
async function documentIn(folder: string): Promise<Pick<ArticleDoc, 'article' | 'claims'> | null> {
  const checkpoint = await readCheckpoint(join(folder, CHECKPOINT_FILE)).catch(() => null)
  if (checkpoint?.kind === 'ok') return checkpoint.state
  const ops = []
  for (const name of await readdir(join(folder, LOG_DIR)).catch(() => [] as string[])) {
    if (logKey(name) === null) continue
    const bytes = await readFile(join(folder, LOG_DIR, name)).catch(() => null)
    if (bytes) ops.push(...parseLog(bytes, 0, 0, parseOperation).entries.map((e) => e.value))
  }
  try {
    return fold(ops)
  } catch {
    return null
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false
  )
}
