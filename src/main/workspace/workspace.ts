import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import {
  ARTICLE_FORMAT,
  ARTICLE_VERSION,
  ArticleDoc,
  DEFAULT_VERDICT_LABELS,
  Id,
  WORKSPACE_FORMAT,
  WorkspaceSettings,
  summarize,
  type Article,
  type ArticleSummary,
  type Operation
} from '../../core/model'
import { apply } from '../../core/ops'
import { newId } from '../../core/ids'
import { FactmarkError } from '../../core/errors'
import type { StoreProblem } from '../../core/api'
import type { ArticleBody } from '../../core/plain-text'
import { DurableJsonFile } from './json-file'
import { parseNewArticleInSlices } from './sliced-parse'
import { isMovedAside, moveAside } from './move-aside'
import { fileError, fileFailureReason } from '../io-messages'

/** What an importer hands the store to make a new article. */
export interface NewArticle {
  title: string
  body: ArticleBody
  origin: Article['origin']
  dateline?: string
  byline?: string
  site?: string
  publishedAt?: string
}

export interface OpenOptions {
  /** Articles a brand-new workspace starts with. */
  samples?: () => Promise<NewArticle[]>
  /** Who is recorded for changes while the workspace has no reviewer name. */
  fallbackReviewer?: string
  now?: () => Date
}

/** An article in the workspace's trash: kept whole until the reviewer deletes it for good. */
export interface TrashedArticle {
  id: string
  title: string
  claims: number
  deletedAt: string
}

export interface Workspace {
  readonly dir: string
  settings(): WorkspaceSettings
  problems(): StoreProblem[]
  reviewer(): string
  listArticles(): ArticleSummary[]
  getArticle(id: string): ArticleDoc
  createArticle(input: NewArticle): Promise<ArticleSummary>
  applyOperation(id: string, op: Operation): Promise<ArticleDoc>
  /** Moves an article's file to the trash folder; nothing is removed from disk. */
  trashArticle(id: string): Promise<TrashedArticle>
  listTrash(): Promise<TrashedArticle[]>
  restoreArticle(id: string): Promise<ArticleSummary>
  /** The second step: removes a trashed article from disk for good. */
  purgeArticle(id: string): Promise<void>
  updateSettings(changes: Partial<Pick<WorkspaceSettings, 'reviewer' | 'organisation' | 'claimReviewBaseUrl'>>): Promise<WorkspaceSettings>
}

const SETTINGS_FILE = 'workspace.json'
const ARTICLES_DIR = 'articles'
const TRASH_DIR = 'trash'

export async function openWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const now = options.now ?? (() => new Date())
  const problems: StoreProblem[] = []
  try {
    await mkdir(join(dir, ARTICLES_DIR), { recursive: true })
  } catch (error) {
    throw fileError(error, dir, 'use as workspace')
  }

  const settingsDb = await loadFile(join(dir, SETTINGS_FILE), WorkspaceSettings, dir, problems, now)
  if (!settingsDb.data) {
    settingsDb.data = defaultSettings(now())
    await settingsDb.write()
  }

  const articles = new Map<string, Low<ArticleDoc>>()
  for (const name of (await readdir(join(dir, ARTICLES_DIR)).catch((error: unknown) => Promise.reject(fileError(error, join(dir, ARTICLES_DIR), 'list')))).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.') || isMovedAside(name)) continue
    const path = join(dir, ARTICLES_DIR, name)
    const db = await loadFile(path, ArticleDoc, dir, problems, now)
    if (!db.data) continue
    if (db.data.article.id !== basename(name, '.json')) {
      problems.push({ file: relative(dir, path), movedTo: null, reason: `it holds article "${db.data.article.id}" under another name; it was not opened` })
      continue
    }
    articles.set(db.data.article.id, db as Low<ArticleDoc>)
  }

  // One change at a time per article, in the order asked.
  const queues = new Map<string, Promise<unknown>>()
  function serialized<T>(id: string, task: () => Promise<T>): Promise<T> {
    const next = (queues.get(id) ?? Promise.resolve()).then(task)
    queues.set(id, next.catch(() => {}))
    return next
  }

  function dbOf(id: string): Low<ArticleDoc> {
    const db = articles.get(id)
    if (!db) throw new FactmarkError('not-found', `No article with id "${id}" in this workspace.`)
    return db
  }

  const trashPath = (id: string) => {
    if (!Id.safeParse(id).success) throw new FactmarkError('not-found', `No article with id "${id.slice(0, 80)}" in the trash.`)
    return join(dir, TRASH_DIR, `${id}.json`)
  }
  async function readTrashed(id: string): Promise<{ doc: ArticleDoc; deletedAt: string }> {
    const path = trashPath(id)
    const db = new Low<unknown>(new DurableJsonFile(path), null)
    try {
      await db.read()
    } catch (error) {
      if (error instanceof SyntaxError) throw new FactmarkError('io', `The trashed article ${id} cannot be read: its file is not valid JSON.`)
      throw error
    }
    if (db.data === null) throw new FactmarkError('not-found', `No article with id "${id}" in the trash.`)
    const parsed = ArticleDoc.safeParse(db.data)
    if (!parsed.success) throw new FactmarkError('io', `The trashed article ${id} cannot be read: it is not a valid Factmark file.`)
    const info = await stat(path).catch((error: unknown) => Promise.reject(fileError(error, path, 'read')))
    return { doc: parsed.data, deletedAt: info.mtime.toISOString() }
  }

  const workspace: Workspace = {
    dir,
    settings: () => settingsDb.data!,
    problems: () => [...problems],
    reviewer: () => settingsDb.data?.reviewer ?? options.fallbackReviewer ?? 'Unknown reviewer',
    listArticles: () =>
      [...articles.values()].map((db) => summarize(db.data)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    getArticle: (id) => dbOf(id).data,
    async createArticle(input) {
      if (!/\S/.test(input.body.text)) throw new FactmarkError('empty', 'The article has no text.')
      // A fresh turn of the event loop: the import that made `input` may have just spent its own share of this one.
      await new Promise<void>((resolve) => setImmediate(resolve))
      const id = newId()
      const at = now().toISOString()
      const doc = await parseNewArticleInSlices({
        format: ARTICLE_FORMAT,
        version: ARTICLE_VERSION,
        article: {
          id,
          title: input.title,
          text: input.body.text,
          blocks: input.body.blocks,
          ...(input.body.links?.length ? { links: input.body.links } : {}),
          origin: input.origin,
          dateline: input.dateline,
          byline: input.byline,
          site: input.site,
          publishedAt: input.publishedAt,
          createdBy: workspace.reviewer(),
          createdAt: at,
          updatedAt: at
        },
        claims: [],
        log: []
      })
      const db = new Low<ArticleDoc>(new DurableJsonFile(join(dir, ARTICLES_DIR, `${id}.json`)), doc)
      await db.write()
      articles.set(id, db)
      return summarize(doc)
    },
    async updateSettings(changes) {
      const before = settingsDb.data!
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
      settingsDb.data = { ...before, ...defined }
      try {
        await settingsDb.write()
      } catch (error) {
        settingsDb.data = before
        throw error
      }
      return settingsDb.data
    },
    trashArticle: (id) =>
      serialized(id, async () => {
        const db = dbOf(id)
        const target = trashPath(id)
        const source = join(dir, ARTICLES_DIR, `${id}.json`)
        try {
          await mkdir(join(dir, TRASH_DIR), { recursive: true })
          await rename(source, target)
        } catch (error) {
          throw fileError(error, source, 'move', 'The article is still in the workspace.')
        }
        const deletedAt = now()
        await utimes(target, deletedAt, deletedAt).catch(() => {}) // the file's time says when it went to the trash
        articles.delete(id)
        return { id, title: db.data.article.title, claims: db.data.claims.length, deletedAt: deletedAt.toISOString() }
      }),
    async listTrash() {
      let names: string[]
      try {
        names = await readdir(join(dir, TRASH_DIR))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw fileError(error, join(dir, TRASH_DIR), 'list')
      }
      const entries: TrashedArticle[] = []
      for (const name of names) {
        const id = basename(name, '.json')
        if (!name.endsWith('.json') || !Id.safeParse(id).success) continue
        const trashed = await readTrashed(id).catch(() => null)
        if (trashed) entries.push({ id, title: trashed.doc.article.title, claims: trashed.doc.claims.length, deletedAt: trashed.deletedAt })
      }
      return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
    },
    restoreArticle: (id) =>
      serialized(id, async () => {
        if (articles.has(id)) throw new FactmarkError('conflict', 'That article is already in the workspace.')
        const { doc } = await readTrashed(id)
        const path = join(dir, ARTICLES_DIR, `${id}.json`)
        if (await exists(path)) throw new FactmarkError('conflict', 'An article with the same id is already in the workspace; the trashed copy was left in the trash.')
        try {
          await rename(trashPath(id), path)
        } catch (error) {
          throw fileError(error, trashPath(id), 'move', 'The article is still in the trash.')
        }
        const db = new Low<ArticleDoc>(new DurableJsonFile(path), doc)
        articles.set(id, db)
        return summarize(doc)
      }),
    async purgeArticle(id) {
      await readTrashed(id) // only what is in the trash can be deleted for good
      await rm(trashPath(id)).catch((error: unknown) => Promise.reject(fileError(error, trashPath(id), 'delete')))
    },
    applyOperation: (id, op) =>
      serialized(id, async () => {
        const db = dbOf(id)
        const before = db.data
        db.data = apply(before, op)
        try {
          await db.write()
        } catch (error) {
          db.data = before // what is on disk is still `before`
          throw error
        }
        return db.data
      })
  }

  await seedOnce(workspace, settingsDb, options.samples)
  return workspace
}

/**
 * A workspace gets the samples when it has no articles and was never seeded, even if an earlier first start was
 * interrupted; once it has had articles (its own or the samples), never again, even after they are all deleted.
 */
async function seedOnce(workspace: Workspace, settingsDb: Low<WorkspaceSettings | null>, samples: OpenOptions['samples']): Promise<void> {
  const settings = settingsDb.data!
  if (settings.seeded) return
  const empty = workspace.listArticles().length === 0 && (await workspace.listTrash()).length === 0
  if (empty && !samples) return // the CLI seeds nothing; the app will, the first time it opens this workspace
  if (empty) for (const sample of await samples!()) await workspace.createArticle(sample)
  settingsDb.data = { ...settingsDb.data!, seeded: true }
  await settingsDb.write()
}

function defaultSettings(now: Date): WorkspaceSettings {
  return {
    format: WORKSPACE_FORMAT,
    version: 1,
    reviewer: null,
    organisation: '',
    claimReviewBaseUrl: '',
    seeded: false,
    verdictLabels: { ...DEFAULT_VERDICT_LABELS },
    createdAt: now.toISOString()
  }
}

/**
 * Opens one lowdb file. A file that does not parse or validate is moved aside (never overwritten)
 * and reported; the returned db then has no data.
 */
async function loadFile<S extends z.ZodType>(
  path: string,
  schema: S,
  dir: string,
  problems: StoreProblem[],
  now: () => Date
): Promise<Low<z.output<S> | null>> {
  const db = new Low<z.output<S> | null>(new DurableJsonFile(path), null)
  let reason: string
  try {
    await db.read()
    if (db.data === null) return db
    const parsed = schema.safeParse(db.data)
    if (parsed.success) {
      db.data = parsed.data
      return db
    }
    reason = 'it is not a valid Factmark file (it was changed by hand or by another program, or is from a newer Factmark)'
  } catch (error) {
    reason = error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : `it could not be read: ${fileFailureReason(error)}`
  }
  db.data = null
  const movedTo = await moveAside(path, now()).catch(() => null)
  problems.push({ file: relative(dir, path), movedTo: movedTo && relative(dir, movedTo), reason })
  return db
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}
