// One shared article's replication: an in-memory PouchDB replica of its operations (rebuilt from the workspace's logs
// at each start), replicated with the article's database on the server by PouchDB, once or live. What arrives is
// checked (a Factmark operation under its own id, added by the CouchDB user its reviewer's changes come from) and
// merged into the workspace by the one merge path; what this workspace makes goes into the replica and out.
import type { SharedStatus } from '../../core/api'
import type { Operation } from '../../core/model'
import type { Workspace } from '../workspace/workspace'
import { operationDoc, operationFromDoc } from './couch-doc'
import { memoryReplica, serverDatabase, type Database, type Replication, type ReplicationChange, type ReplicationResult, type SignIn } from './pouch'
import { serverProblem } from './server-errors'
import { writeSharedInfo, type SharedInfo } from './shared-file'

export interface ExchangeCounts {
  articleId: string
  database: string
  /** Operations the server took from here, and operations taken in here. */
  sent: number
  received: number
  /** Operations turned away (by the server, or here), with why. */
  refused: string[]
}

const LIVE_BACK_OFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000]

export class SharedArticle {
  #local: Database | null = null
  #live: Replication | null = null
  #taking: Promise<unknown> = Promise.resolve()
  #status: SharedStatus
  #closed = false
  #received = 0
  #refused: string[] = []

  constructor(
    private readonly workspace: Workspace,
    readonly articleId: string,
    public info: SharedInfo,
    private readonly signIn: SignIn | null,
    private readonly onStatus: (status: SharedStatus) => void = () => {},
    private readonly now: () => Date = () => new Date()
  ) {
    this.#status = {
      articleId,
      server: info.server,
      database: info.database,
      user: info.user,
      state: signIn ? 'syncing' : 'signed-out',
      since: null,
      message: signIn ? null : `Sign in to ${info.server} as ${info.user} to sync this article.`
    }
  }

  get status(): SharedStatus {
    return this.#status
  }

  /** One two-way replication now; resolves with what went each way, or throws the reason in words. */
  async exchange(): Promise<ExchangeCounts> {
    const signIn = this.#signedIn()
    const local = await this.#replica()
    const remote = serverDatabase(this.info.server, this.info.database, signIn)
    this.#received = 0
    this.#refused = []
    const run = local.sync(remote, { batch_size: 500 })
    run.on('change', (info: ReplicationChange) => {
      if (info.direction === 'pull') this.#take(info.change.docs)
    })
    let result: ReplicationResult
    try {
      result = await run
    } catch (error) {
      const problem = serverProblem(error, this.info)
      this.#setStatus(problem.offline ? 'offline' : 'refused', problem.message)
      throw Object.assign(new Error(problem.message), { offline: problem.offline })
    } finally {
      await remote.close().catch(() => {})
    }
    await this.#taking
    const pushRefusals = result.push.errors.map((e: Record<string, unknown>) => refusalWords(e))
    const refused = [...pushRefusals, ...this.#refused]
    this.#setStatus(refused.length && pushRefusals.length ? 'refused' : 'synced', pushRefusals.length ? `The server refused ${pushRefusals.length} change${pushRefusals.length === 1 ? '' : 's'}: ${pushRefusals[0]}` : null)
    return { articleId: this.articleId, database: this.info.database, sent: result.push.docs_written, received: this.#received, refused }
  }

  /** Replicates continuously both ways until stopped, retrying with back-off while the server cannot be reached. */
  async startLive(): Promise<void> {
    if (this.#live || this.#closed) return
    const signIn = this.signIn
    if (!signIn) return
    const local = await this.#replica()
    if (this.#closed) return
    const remote = serverDatabase(this.info.server, this.info.database, signIn)
    let tries = 0
    const live = local.sync(remote, {
      live: true,
      retry: true,
      heartbeat: 10_000,
      batch_size: 500,
      back_off_function: () => LIVE_BACK_OFF_MS[Math.min(tries++, LIVE_BACK_OFF_MS.length - 1)]!
    })
    this.#live = live
    live.on('change', (info: ReplicationChange) => {
      if (info.direction === 'pull') this.#take(info.change.docs)
    })
    // Sync's own 'paused' drops the error; each direction says when a request failed and it is backing off.
    const offline = (error: unknown) => {
      const problem = serverProblem(error, this.info)
      this.#setStatus(problem.offline ? 'offline' : 'refused', problem.message)
    }
    for (const direction of [(live as unknown as { push: Replication }).push, (live as unknown as { pull: Replication }).pull]) direction.on('requestError', offline)
    live.on('active', () => {
      if (this.#status.state !== 'offline') this.#setStatus('syncing', null)
    })
    live.on('paused', (error: unknown) => {
      if (error) {
        const problem = serverProblem(error, this.info)
        this.#setStatus(problem.offline ? 'offline' : 'refused', problem.message)
      } else {
        tries = 0
        void this.#taking.then(() => this.#setStatus('synced', null))
      }
    })
    live.on('denied', (error: unknown) => this.#setStatus('refused', `The server refused a change: ${refusalWords(error as Record<string, unknown>)}`))
    live.on('error', (error: unknown) => {
      const problem = serverProblem(error, this.info)
      this.#setStatus(problem.offline ? 'offline' : 'refused', problem.message)
      this.#live = null
    })
  }

  /** Changes made here (or by other writers of this folder) go into the replica, and out with the next exchange. */
  async add(ops: readonly Operation[]): Promise<void> {
    if (!this.#local || ops.length === 0) return
    const docs = ops.map((op) => operationDoc(op, this.#authorOf(op)))
    await this.#local.bulkDocs(docs, { new_edits: false })
    await this.#saveInfoIfChanged()
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#live?.cancel()
    this.#live = null
    await this.#taking.catch(() => {})
    await this.#local?.destroy().catch(() => {})
    this.#local = null
  }

  // —— inside ——

  #signedIn(): SignIn {
    if (!this.signIn) throw Object.assign(new Error(`Not signed in to ${this.info.server}: give the user name and password for ${this.info.user}.`), { offline: false })
    return this.signIn
  }

  /** The replica, made on first use from the article's log as the workspace has it. */
  async #replica(): Promise<Database> {
    if (this.#local) return this.#local
    const local = memoryReplica(this.articleId)
    const log = this.#inWorkspace() ? this.workspace.getArticle(this.articleId).log : []
    for (let i = 0; i < log.length; i += 1_000) {
      await local.bulkDocs(log.slice(i, i + 1_000).map((op) => operationDoc(op, this.#authorOf(op))), { new_edits: false })
    }
    this.#local = local
    await this.#saveInfoIfChanged()
    return local
  }

  #infoChanged = false
  /** Changes that arrived before the article's creation did (joining): merged once it comes. */
  #held: Operation[] = []

  /** Whether the workspace holds the article yet (joining: not until its creation arrives); once it does, for good. */
  #known = false
  #inWorkspace(): boolean {
    this.#known ||= this.workspace.listArticles().some((a) => a.id === this.articleId)
    return this.#known
  }

  /** Who added a reviewer's changes to the server: as first seen; a reviewer not seen there yet is this user's. */
  #authorOf(op: Operation): string {
    const known = this.info.authors[op.by]
    if (known) return known
    this.info = { ...this.info, authors: { ...this.info.authors, [op.by]: this.info.user } }
    this.#infoChanged = true
    return this.info.user
  }

  async #saveInfoIfChanged(): Promise<void> {
    if (!this.#infoChanged) return
    this.#infoChanged = false
    await writeSharedInfo(this.workspace.dir, this.articleId, this.info)
  }

  /** Documents that arrived from the server: checked, then merged (in arrival batches, one after another). */
  #take(docs: readonly Record<string, unknown>[]): void {
    this.#taking = this.#taking.then(() => this.#takeNow(docs)).catch((error: unknown) => {
      this.#setStatus('refused', error instanceof Error ? error.message : 'The changes from the server could not be saved here.')
    })
  }

  async #takeNow(docs: readonly Record<string, unknown>[]): Promise<void> {
    const accepted: Operation[] = []
    const refused: { op: Pick<Operation, 'name' | 'at'>; reason: string }[] = []
    for (const doc of docs) {
      const read = operationFromDoc(doc)
      if (read === null) continue
      if ('problem' in read) {
        refused.push({ op: { name: 'someone', at: 'an unknown time' }, reason: `${read.problem} (${String(doc._id).slice(0, 100)})` })
        continue
      }
      const { op, author } = read
      const bound = this.info.authors[op.by]
      if (bound && bound !== author) {
        refused.push({ op, reason: `it says it is by ${op.name.slice(0, 80)}, whose changes come from the server user ${bound}, but it was added by ${author.slice(0, 80)}: it is forged` })
        continue
      }
      if (!bound) {
        this.info = { ...this.info, authors: { ...this.info.authors, [op.by]: author } }
        this.#infoChanged = true
      }
      accepted.push(op)
    }
    if (!this.#inWorkspace()) {
      this.#held.push(...accepted)
      if (!this.#held.some((op) => op.type === 'article.create')) return
      accepted.splice(0, accepted.length, ...this.#held)
      this.#held = []
    }
    if (accepted.length === 0 && refused.length === 0) return
    const origin = `the server ${this.info.server} (${this.info.database})`
    const result = await this.workspace.mergeOperations(this.articleId, accepted, { origin, refused })
    this.#received += result.added.length
    for (const r of [...refused, ...result.refused]) this.#refused.push(`a change by ${r.op.name} was refused here: ${r.reason}`)
    await this.#saveInfoIfChanged()
  }

  #setStatus(state: SharedStatus['state'], message: string | null): void {
    if (this.#closed) return
    const since = state === 'synced' ? this.now().toISOString() : state === 'offline' ? (this.#status.state === 'offline' ? this.#status.since : this.now().toISOString()) : null
    const next = { ...this.#status, state, since, message }
    if (JSON.stringify(next) === JSON.stringify(this.#status)) return
    this.#status = next
    this.onStatus(next)
  }
}

function refusalWords(error: Record<string, unknown> | { reason?: string; message?: string; id?: string }): string {
  const e = error as { reason?: unknown; message?: unknown; id?: unknown }
  const why = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message : 'refused'
  return `${why.slice(0, 200)}${typeof e.id === 'string' ? ` (${e.id.slice(0, 100)})` : ''}`
}
