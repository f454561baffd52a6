// The store: a workspace folder that several processes (the app, `factmark` CLI runs, a sync tool's copies from
// other machines) read and write at once without overwriting each other. Each process writes as its own replica,
// appending operations to its own log per article; everything else is read from the other logs and merged (core's
// fold). See layout.ts for the folder, stored-article.ts for one article, settings-store.ts for the settings.
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { HybridClock, compareStamps, hlcTime } from '../../core/clock'
import { FactmarkError } from '../../core/errors'
import { newId } from '../../core/ids'
import type { StoreProblem, TrashedArticle } from '../../core/api'
import { Id, summarize, type WorkspaceSettings, type ArticleDoc, type ArticleSummary, type Operation, type OperationBody } from '../../core/model'
import { reviewerIdForName } from '../../core/migrate-v1'
import { MAX_ORGANISATION_CHARS, MAX_REPORT_URL_CHARS, MAX_REVIEWER_NAME_CHARS } from '../../core/limits'
import { articleProblem } from '../../core/invariants'
import { checkReportAddress } from '../../core/links'
import { lowerFirst } from '../../core/shorten'
import { stampOperation, type Stamp } from '../../core/stamp'
import { STORE_MESSAGES, changeNotSavedError, fileError } from '../io-messages'
import { CheckpointSchedule } from './checkpoint-schedule'
import { ensureIdentity, readIdentity } from './identity'
import { ARTICLES_DIR, IDENTITIES_DIR, LOCKS_DIR, REPLICAS_DIR, SETTINGS_LOG_DIR, articleDir, articleLogDir } from './layout'
import { processIsAlive } from './processes'
import { readJsonOrNull } from './exclusive-file'
import { nodeAppendOps } from './log-writer'
import { thisMachine, type Machine } from './machine'
import { isV1ArticleFile, migrateV1Article } from './migrate-articles'
import { Problems } from './problems'
import { processClock } from './process-clock'
import { takeReplica } from './replicas'
import { reviewerKey } from './settings-model'
import { SettingsStore } from './settings-store'
import { parseNewArticleInSlices } from './sliced-parse'
import { StoredArticle, type ArticleContext } from './stored-article'
import { isTempFile, removeLeftoverTemps } from './temp-files'
import { listTrashed, moveBack, moveToTrash, purgeTrashed } from './trash'
import { watchWorkspace, type WorkspaceWatcher } from './watch'
import type { Lock } from './locks'
import type { MergeOrigin, MergeResult, NewArticle, OpenOptions, Reviewing, Workspace, WorkspaceChange } from './workspace-types'
import { nextTurn } from '../next-turn'

export type { TrashedArticle } from '../../core/api'
export type { MergeOrigin, MergeResult, NewArticle, OpenOptions, Reviewing, Workspace, WorkspaceChange } from './workspace-types'

export async function openWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  try {
    await mkdir(join(dir, ARTICLES_DIR), { recursive: true })
  } catch (error) {
    throw fileError(error, dir, 'use as workspace')
  }
  const now = options.now ?? (() => new Date())
  const machine = options.machine ?? thisMachine()
  let replica: { id: string; lock: Lock }
  try {
    replica = await takeReplica(dir, machine, now())
  } catch (error) {
    throw fileError(error, dir, 'use as workspace')
  }
  try {
    return await StoreWorkspace.open(dir, replica, machine, options, now)
  } catch (error) {
    await replica.lock.release()
    throw error
  }
}

class StoreWorkspace implements Workspace {
  readonly #articles = new Map<string, StoredArticle>()
  readonly #queues = new Map<string, Promise<unknown>>()
  readonly #listeners = new Set<(change: WorkspaceChange) => void>()
  readonly #checkpoints = new CheckpointSchedule()
  readonly #problems = new Problems(() => this.#emit({ kind: 'problems' }))
  /** Folders that held no article when last looked at, by what their logs looked like then. */
  readonly #unopened = new Map<string, string>()
  readonly #session = newId(4)
  #counter = 0
  #identity = ''
  #settings!: SettingsStore
  #watcher: WorkspaceWatcher | null = null
  #refreshing: Promise<void> = Promise.resolve()
  #closed = false
  readonly #ctx: ArticleContext

  private constructor(
    readonly dir: string,
    private readonly lock: Lock,
    readonly replica: string,
    private readonly machine: Machine,
    private readonly options: OpenOptions,
    private readonly now: () => Date,
    clock: HybridClock
  ) {
    this.#ctx = {
      workspaceDir: dir,
      replica,
      clock,
      problems: this.#problems,
      appendOps: options.appendOps ?? nodeAppendOps,
      now,
      writerIsLive: (key) => this.#writerIsLive(key)
    }
  }

  static async open(dir: string, replica: { id: string; lock: Lock }, machine: Machine, options: OpenOptions, now: () => Date): Promise<StoreWorkspace> {
    // One clock per process; a test's own `now` gets its own, so its times are the test's.
    const clock = options.now ? new HybridClock(() => options.now!().getTime()) : processClock
    const ws = new StoreWorkspace(dir, replica.lock, replica.id, machine, options, now, clock)
    for (const folder of ['', SETTINGS_LOG_DIR, IDENTITIES_DIR, REPLICAS_DIR, LOCKS_DIR, ARTICLES_DIR]) await removeLeftoverTemps(join(dir, folder))
    ws.#settings = await SettingsStore.open({ ...ws.#ctx, newOpId: () => ws.#newOpId() })
    const v1Reviewer = ws.#settings.migrated?.reviewer?.trim()
    ws.#identity = ws.#settings.readOnly
      ? ((await readIdentity(dir, machine)) ?? newId())
      : await ensureIdentity(dir, machine, v1Reviewer ? reviewerIdForName(v1Reviewer) : newId())
    await ws.#scanArticles(true)
    if (!ws.#settings.readOnly) {
      if (!ws.#settings.has('createdAt')) await ws.#settings.set([['createdAt', now().toISOString()]])
      await ws.#seedOnce()
      await ws.#settings.writeView()
    }
    if (options.watch !== false) {
      ws.#watcher = watchWorkspace(dir, (paths) => void ws.#refreshPaths(paths))
      for (const id of ws.#articles.keys()) ws.#watcher.addArticle(id)
    }
    for (const article of ws.#articles.values()) ws.#checkpoints.touched(article)
    return ws
  }

  // —— reading ——

  settings(): WorkspaceSettings {
    return this.#settings.settings()
  }

  me(): Reviewing | null {
    const reviewer = this.settings().reviewers.find((r) => r.id === this.#identity)
    return reviewer ? { id: reviewer.id, name: reviewer.name } : null
  }

  problems(): StoreProblem[] {
    return this.#problems.list()
  }

  readOnlyReason(id?: string): string | null {
    return this.#settings.readOnly ?? (id !== undefined ? (this.#articles.get(id)?.readOnly ?? null) : null)
  }

  listArticles(): ArticleSummary[] {
    return [...this.#articles.values()].map((a) => summarize(a.doc)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  }

  getArticle(id: string): ArticleDoc {
    return this.#article(id).doc
  }

  listTrash(): Promise<TrashedArticle[]> {
    return listTrashed(this.dir)
  }

  onChange(listener: (change: WorkspaceChange) => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  // —— changing ——

  async setMyName(name: string): Promise<Reviewing> {
    this.#writable()
    const trimmed = name.trim()
    if (!trimmed) throw new FactmarkError('invalid-argument', 'A name is needed.')
    if (trimmed.length > MAX_REVIEWER_NAME_CHARS) throw new FactmarkError('invalid-argument', `A name can be at most ${MAX_REVIEWER_NAME_CHARS} characters long.`)
    await this.#settings.set([[reviewerKey(this.#identity), { name: trimmed }]])
    // The readable copy too, before answering (a few hundred bytes): nothing is left being written behind the caller.
    await this.#settings.writeView()
    return { id: this.#identity, name: trimmed }
  }

  async updateSettings(changes: { organisation?: string; claimReviewBaseUrl?: string }): Promise<void> {
    this.#writable()
    const current = this.settings()
    const entries: [string, string][] = []
    const limits = { organisation: MAX_ORGANISATION_CHARS, claimReviewBaseUrl: MAX_REPORT_URL_CHARS } as const
    for (const key of ['organisation', 'claimReviewBaseUrl'] as const) {
      const value = changes[key]?.trim()
      if (value === undefined || value === current[key]) continue
      if (value.length > limits[key]) throw new FactmarkError('invalid-argument', `That is too long: at most ${limits[key]} characters.`)
      const link = key === 'claimReviewBaseUrl' ? checkReportAddress(value) : null
      if (link && !link.ok) throw new FactmarkError('invalid-argument', link.message)
      entries.push([key, value])
    }
    await this.#settings.set(entries)
    await this.#settings.writeView()
  }

  async createArticle(input: NewArticle): Promise<ArticleSummary> {
    this.#writable()
    if (!/\S/.test(input.body.text)) throw new FactmarkError('empty', 'The article has no text.')
    // A fresh turn of the event loop: the import that made `input` may have just spent its own share of this one.
    await nextTurn()
    const id = newId()
    return this.#serialized(id, async () => {
      const stamp = this.#stamp()
      const article = await parseNewArticleInSlices({
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
        createdBy: stamp.by,
        createdAt: stamp.at,
        updatedAt: stamp.at
      })
      // The importers keep their blocks and links inside the text; this is the last check before anything is written.
      const problem = articleProblem(article)
      if (problem) throw new FactmarkError('invalid-operation', `That article cannot be kept: ${lowerFirst(problem)}`)
      const op = { type: 'article.create', article, ...stamp, rev: stamp.id } as Operation
      return summarize((await this.#newFolder(id, op)).doc)
    })
  }

  applyOperation(id: string, body: OperationBody | ((doc: ArticleDoc) => OperationBody)): Promise<{ op: Operation; doc: ArticleDoc }> {
    return this.#serialized(id, async () => {
      this.#writable()
      const article = this.#article(id)
      if (article.readOnly) throw new FactmarkError('forbidden', article.readOnly)
      await this.#catchUpBeforeChange(article)
      const change = typeof body === 'function' ? body(article.doc) : body
      const op = stampOperation(article.doc, change, this.#stamp())
      await article.record(op)
      this.#checkpoints.touched(article)
      this.#emit({ kind: 'recorded', id, ops: [op] })
      return { op, doc: article.doc }
    })
  }

  /**
   * Changes main makes itself, several at once (an import): `make` works them out in the article's turn, against its
   * latest state, stamping each with `stamp`; they are saved in one write, or none of them is.
   */
  recordMany(id: string, make: (doc: ArticleDoc, stamp: () => Stamp) => Promise<Operation[]>): Promise<{ ops: Operation[]; doc: ArticleDoc }> {
    return this.#serialized(id, async () => {
      this.#writable()
      const article = this.#article(id)
      if (article.readOnly) throw new FactmarkError('forbidden', article.readOnly)
      await this.#catchUpBeforeChange(article)
      const ops = await make(article.doc, () => this.#stamp())
      if (ops.length === 0) return { ops, doc: article.doc }
      await article.recordAll(ops)
      this.#checkpoints.touched(article)
      this.#emit({ kind: 'recorded', id, ops })
      return { ops, doc: article.doc }
    })
  }

  mergeOperations(id: string, ops: readonly Operation[], from: MergeOrigin): Promise<MergeResult> {
    return this.#serialized(id, async () => {
      this.#writable()
      let created = false
      let article = this.#articles.get(id)
      if (article) {
        await this.#catchUpBeforeChange(article)
      } else {
        article = await this.#adoptFrom(id, ops)
        created = true
      }
      const merged = await article.merge(ops)
      const { refused } = merged
      // A new article's creation was saved first, by #adoptFrom: it is one of the operations added.
      const added = created ? [article.doc.log.find((op) => op.type === 'article.create')!, ...merged.added] : merged.added
      const all = [...(from.refused ?? []), ...refused]
      const file = relative(this.dir, articleLogDir(this.dir, id))
      for (const { op, reason } of all) this.#problems.add({ file, movedTo: null, reason: STORE_MESSAGES.refusedFrom(from.origin, op.name, op.at, reason) })
      this.#tell(article, added)
      if (created) this.#emit({ kind: 'articles' })
      return { added, refused, created }
    })
  }

  /** A new article's folder, from operations made elsewhere: its creation first (the rest is merged after). */
  async #adoptFrom(id: string, ops: readonly Operation[]): Promise<StoredArticle> {
    if (!Id.safeParse(id).success) throw new FactmarkError('invalid-argument', 'That is not an article id.')
    const creation = [...ops].sort(compareStamps).find((op) => op.type === 'article.create')
    if (!creation || creation.type !== 'article.create' || creation.article.id !== id) {
      throw new FactmarkError('invalid-operation', 'These changes do not hold the article’s creation, so the article cannot be added.')
    }
    const problem = articleProblem(creation.article)
    if (problem) throw new FactmarkError('invalid-operation', `That article cannot be kept: ${lowerFirst(problem)}`)
    if (await exists(articleDir(this.dir, id))) throw new FactmarkError('conflict', 'An article with that id is already in this folder (perhaps in the middle of being made); try again.')
    this.#ctx.clock.observe(creation.ts)
    return this.#newFolder(id, creation)
  }

  /** A new article's folder, its creation saved in this process's log, and the article held and watched. */
  async #newFolder(id: string, creation: Operation): Promise<StoredArticle> {
    try {
      await mkdir(articleLogDir(this.dir, id), { recursive: true })
    } catch (error) {
      throw changeNotSavedError(error)
    }
    const stored = await StoredArticle.create(this.#ctx, creation).catch(async (error: unknown) => {
      // Nothing of a half-made article stays for other processes to find.
      await rm(articleDir(this.dir, id), { recursive: true, force: true }).catch(() => {})
      throw error
    })
    this.#adopt(stored)
    return stored
  }

  trashArticle(id: string): Promise<TrashedArticle> {
    return this.#serialized(id, async () => {
      this.#writable()
      const article = this.#article(id)
      await this.#checkpoints.settled(id)
      await article.close()
      const trashed = await moveToTrash(this.dir, article.doc, this.now())
      this.#drop(id)
      return trashed
    })
  }

  restoreArticle(id: string): Promise<ArticleSummary> {
    return this.#serialized(id, async () => {
      this.#writable()
      if (this.#articles.has(id)) throw new FactmarkError('conflict', 'That article is already in the workspace.')
      const kind = await moveBack(this.dir, id)
      if (kind === 'v1') await migrateV1Article(this.dir, `${id}.json`, this.#problems, this.now)
      const article = await StoredArticle.load(this.#ctx, id, true)
      if (!article) throw new FactmarkError('io', `The article ${id} was moved back from the trash, but it cannot be read; see the problems listed for the workspace.`)
      this.#adopt(article)
      return summarize(article.doc)
    })
  }

  async purgeArticle(id: string): Promise<void> {
    this.#writable()
    await purgeTrashed(this.dir, id)
  }

  async refresh(): Promise<void> {
    await this.#refreshPaths(null)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#watcher?.close()
    await Promise.all([...this.#queues.values()].map((q) => q.catch(() => {})))
    await this.#refreshing.catch(() => {})
    await this.#checkpoints.flush(this.#articles.values())
    await this.#settings.close()
    for (const article of this.#articles.values()) await article.close()
    await this.lock.release()
  }

  // —— inside ——

  #article(id: string): StoredArticle {
    const article = this.#articles.get(id)
    if (!article) throw new FactmarkError('not-found', `No article with id "${id.slice(0, 80)}" in this workspace.`)
    return article
  }

  #writable(): void {
    if (this.#closed) throw new FactmarkError('forbidden', STORE_MESSAGES.closed)
    if (this.#settings.readOnly) throw new FactmarkError('forbidden', this.#settings.readOnly)
  }

  /** One change at a time per article, in the order asked. */
  #serialized<T>(id: string, task: () => Promise<T>): Promise<T> {
    const next = (this.#queues.get(id) ?? Promise.resolve()).then(task)
    const settled = next.catch(() => {})
    this.#queues.set(id, settled)
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id)
    })
    return next
  }

  #newOpId(): string {
    return `${this.replica}.${this.#session}.${this.#counter++}`
  }

  /** Who makes a change from here, and when. */
  #stamp(): Stamp {
    const ts = this.#ctx.clock.next()
    const me = this.me()
    const fallback = (this.options.fallbackReviewer?.trim() || this.machine.user || 'Unknown reviewer').slice(0, MAX_REVIEWER_NAME_CHARS)
    return { id: this.#newOpId(), ts, replica: this.replica, by: this.#identity, name: me?.name ?? fallback, at: hlcTime(ts) }
  }

  #emit(change: WorkspaceChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change)
      } catch (error) {
        console.error('Factmark: a workspace listener failed:', error)
      }
    }
  }

  /** What other writers appended, taken in before a change of ours; refused when the article went (trashed elsewhere). */
  async #catchUpBeforeChange(article: StoredArticle): Promise<void> {
    const { gone, added } = await article.catchUpBeforeChange()
    if (gone) {
      this.#drop(article.id)
      this.#emit({ kind: 'articles' })
      throw new FactmarkError('conflict', STORE_MESSAGES.movedElsewhere)
    }
    this.#tell(article, added)
  }

  async #catchUp(article: StoredArticle): Promise<void> {
    this.#tell(article, await article.catchUp())
  }

  /** Others' operations were folded in: listeners hear of them. */
  #tell(article: StoredArticle, ops: Operation[]): void {
    if (ops.length === 0) return
    this.#checkpoints.touched(article)
    this.#emit({ kind: 'article', id: article.id, doc: article.doc, ops })
  }

  #adopt(article: StoredArticle): void {
    this.#articles.set(article.id, article)
    this.#unopened.delete(article.id)
    this.#watcher?.addArticle(article.id)
    this.#checkpoints.touched(article)
  }

  #drop(id: string): void {
    const article = this.#articles.get(id)
    if (!article) return
    this.#articles.delete(id)
    this.#checkpoints.forget(id)
    this.#watcher?.removeArticle(id)
    void article.close()
  }

  /** Whether a live process of this host holds that replica's lock (so its log's last line may be in progress). */
  async #writerIsLive(key: string): Promise<boolean> {
    if (key === this.replica) return false
    const holder = (await readJsonOrNull(join(this.dir, LOCKS_DIR, `${key}.lock`))) as { pid?: unknown; host?: unknown } | null
    if (!holder || typeof holder.pid !== 'number') return false
    return holder.host !== this.machine.host || processIsAlive(holder.pid)
  }

  /**
   * Looks at the articles folder: version-1 files are migrated, new folders opened, vanished ones let go. At open
   * (`first`) problems are reported; later, a folder that holds nothing readable yet may be one being made.
   */
  async #scanArticles(first: boolean): Promise<void> {
    const folder = join(this.dir, ARTICLES_DIR)
    let names: string[]
    try {
      names = await readdir(folder)
    } catch (error) {
      if (first) throw fileError(error, folder, 'list')
      return
    }
    let changed = false
    if (!this.#settings.readOnly) {
      for (const name of names.filter(isV1ArticleFile).sort()) {
        const id = await migrateV1Article(this.dir, name, this.#problems, this.now)
        if (id && !names.includes(id)) names.push(id)
      }
    }
    const ids = new Set(names.filter((name) => Id.safeParse(name).success))
    for (const id of [...ids].sort()) {
      if (this.#articles.has(id)) continue
      const signature = await logSignature(articleLogDir(this.dir, id))
      if (signature === null || this.#unopened.get(id) === signature) continue
      await this.#serialized(id, async () => {
        if (this.#articles.has(id) || this.#closed) return
        const article = await StoredArticle.load(this.#ctx, id, first)
        if (!article) return void this.#unopened.set(id, signature)
        this.#adopt(article)
        changed = true
      })
    }
    for (const id of [...this.#articles.keys()]) {
      if (ids.has(id)) continue
      await this.#serialized(id, async () => {
        if (!this.#articles.has(id) || (await exists(articleDir(this.dir, id)))) return
        this.#drop(id)
        changed = true
      })
    }
    if (changed && !first) this.#emit({ kind: 'articles' })
  }

  /** Takes in changes on disk under `paths` (relative to the workspace; null: anywhere). One look at a time. */
  #refreshPaths(paths: Set<string> | null): Promise<void> {
    const run = async () => {
      if (this.#closed) return
      const all = paths === null
      // Our own appends and temporary files tell nothing new.
      const own = `${this.replica}.jsonl`
      const parts = [...(paths ?? [])].map((p) => p.split('/')).filter((p) => p.at(-1) !== own && !isTempFile(p.at(-1) ?? ''))
      const touches = (top: string) => all || parts.some((p) => p[0] === top)
      if (touches(SETTINGS_LOG_DIR) || touches(IDENTITIES_DIR)) await this.#refreshSettings()
      if (touches('workspace.json')) await this.#settings.checkView()
      if (touches('trash')) this.#emit({ kind: 'articles' })
      // Anything directly in the articles folder (a new folder, a version-1 file), or an article not known yet.
      const articleIds = new Set(parts.filter((p) => p[0] === ARTICLES_DIR && p[1]).map((p) => p[1]!))
      if (all || parts.some((p) => p[0] === ARTICLES_DIR && p.length <= 2) || [...articleIds].some((id) => !this.#articles.has(id))) {
        await this.#scanArticles(false)
      }
      for (const article of [...this.#articles.values()]) {
        if (!all && !articleIds.has(article.id)) continue
        await this.#serialized(article.id, async () => {
          if (this.#articles.get(article.id) !== article || this.#closed) return
          await this.#catchUp(article)
          await article.checkCheckpoint()
          this.#checkpoints.touched(article)
        })
      }
    }
    this.#refreshing = this.#refreshing.then(run, run)
    return this.#refreshing
  }

  async #refreshSettings(): Promise<void> {
    const before = JSON.stringify([this.settings(), this.me()])
    const identity = await readIdentity(this.dir, this.machine)
    await this.#settings.catchUp()
    // Told in the same turn as the settings change, so that no one sees new settings before hearing of them.
    this.#identity = identity ?? this.#identity
    if (JSON.stringify([this.settings(), this.me()]) !== before) {
      void this.#settings.writeView()
      this.#emit({ kind: 'settings' })
    }
  }

  /**
   * A workspace gets the samples when it has no articles and was never seeded, even if an earlier first start was
   * interrupted; once it has had articles (its own or the samples), never again, even after they are all deleted.
   */
  async #seedOnce(): Promise<void> {
    if (this.settings().seeded) return
    const empty = this.#articles.size === 0 && (await this.listTrash()).length === 0
    if (empty && !this.options.samples) return // the CLI seeds nothing; the app will, the first time it opens this workspace
    if (empty) for (const sample of await this.options.samples!()) await this.createArticle(sample)
    await this.#settings.set([['seeded', true]])
  }
}

/** What an article folder's logs look like (names and sizes): a folder that held nothing is read again once it changed. */
async function logSignature(logDir: string): Promise<string | null> {
  const names = await readdir(logDir).catch(() => null)
  if (names === null) return null
  const sizes = await Promise.all(names.sort().map(async (name) => `${name}:${(await stat(join(logDir, name)).catch(() => null))?.size ?? '-'}`))
  return sizes.join('|')
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}
