// A workspace's shared articles: sharing one through a server, joining one a colleague shared, exchanging changes
// once (the CLI) or continuously (the app), and where each stands. The workspace's logs stay the truth; each article's
// replica is PouchDB's, replicated with the article's CouchDB database.
import type { SharedStatus } from '../../core/api'
import { FactmarkError } from '../../core/errors'
import { checkServerAddress } from '../../core/links'
import { summarize, type ArticleSummary } from '../../core/model'
import type { Workspace } from '../workspace/workspace'
import type { Credentials } from './credentials'
import { operationFromDoc } from './couch-doc'
import { DATABASE_NAME, databaseName } from './design-doc'
import { serverDatabase, type SignIn } from './pouch'
import { checkMembership, createSharedDatabase } from './server-admin'
import { serverError } from './server-errors'
import { SharedArticle, type ExchangeCounts } from './shared-article'
import { newSharedInfo, readSharedInfo, writeSharedInfo, type SharedInfo } from './shared-file'

export interface DeskOptions {
  /** Replicate continuously while open (the app); the CLI exchanges once per command. */
  live: boolean
  now?: () => Date
}

export class Desk {
  readonly #articles = new Map<string, SharedArticle>()
  /** Articles being joined: tracked before their first exchange brings them into the workspace. */
  readonly #joining = new Set<string>()
  readonly #listeners = new Set<(shared: SharedStatus[]) => void>()
  #stopWatching: () => void = () => {}
  #closed = false

  private constructor(
    private readonly workspace: Workspace,
    private readonly credentials: Credentials,
    private readonly options: DeskOptions
  ) {}

  /** The desk of a workspace: its shared articles found, and (live) replicating. */
  static async open(workspace: Workspace, credentials: Credentials, options: DeskOptions): Promise<Desk> {
    const desk = new Desk(workspace, credentials, options)
    await desk.#scan()
    desk.#stopWatching = workspace.onChange((change) => {
      if (change.kind === 'recorded') void desk.#articles.get(change.id)?.add(change.ops)
      else if (change.kind === 'article') void desk.#articles.get(change.id)?.add(change.ops)
      else if (change.kind === 'articles') void desk.#scan()
    })
    return desk
  }

  list(): SharedStatus[] {
    return [...this.#articles.values()].map((a) => a.status)
  }

  onStatus(listener: (shared: SharedStatus[]) => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  /** Shares an article: its database made on the server with `members`, and every change sent. */
  async share(articleId: string, serverInput: string, signIn: SignIn, members: readonly string[]): Promise<SharedStatus> {
    const server = checkedServer(serverInput)
    const doc = this.workspace.getArticle(articleId)
    if (this.#articles.has(articleId)) throw new FactmarkError('conflict', `This article is already shared, through ${this.#articles.get(articleId)!.info.server}.`)
    const database = databaseName(doc.article.id)
    await createSharedDatabase(server, database, signIn, members)
    await this.credentials.save(server, signIn)
    // The changes made before sharing are added by the one who shares: theirs to vouch for.
    const authors = Object.fromEntries(Object.keys(doc.people).map((id) => [id, signIn.user]))
    const info = newSharedInfo(server, database, signIn.user, authors)
    await writeSharedInfo(this.workspace.dir, articleId, info)
    const shared = this.#track(articleId, info, signIn)
    await shared.exchange().catch((error: Error) => {
      throw new FactmarkError('io', `The article is shared as ${database}, but its changes could not be sent yet: ${error.message} They go out with the next sync.`)
    })
    if (this.options.live) void shared.startLive()
    return shared.status
  }

  /** Adds the shared article in `database` to the workspace (or finds it there), and syncs it. */
  async join(serverInput: string, databaseInput: string, signIn: SignIn): Promise<{ articleId: string; summary: ArticleSummary }> {
    const server = checkedServer(serverInput)
    const database = databaseInput.trim()
    if (!DATABASE_NAME.test(database)) throw new FactmarkError('invalid-argument', `"${database.slice(0, 80)}" is not a shared article’s database name (they look like factmark-…).`)
    await checkMembership(server, database, signIn)
    // Its first change names the article: read from the server before anything is written here.
    const articleId = await this.#articleIdOn(server, database, signIn)
    const existing = this.#articles.get(articleId)
    if (existing && (existing.info.database !== database || existing.info.server !== server)) {
      throw new FactmarkError('conflict', `This article is already shared here, through ${existing.info.server} (${existing.info.database}).`)
    }
    await this.credentials.save(server, signIn)
    // One path for a new article, one here but not shared yet, and one shared here before (signing in again, maybe
    // as another user): tracked with this sign-in, then one exchange, which takes the article in when it is new.
    await existing?.close()
    const shared = this.#track(articleId, existing ? { ...existing.info, user: signIn.user } : newSharedInfo(server, database, signIn.user, {}), signIn)
    // Until its first exchange has brought it in, the article is tracked but not yet in the workspace: a scan meanwhile
    // (another article added, the folder watched) must not take it for one that was deleted.
    this.#joining.add(articleId)
    try {
      await shared.exchange()
    } catch (error) {
      if (!existing && this.#articles.get(articleId) === shared) {
        this.#articles.delete(articleId) // not shared here: nothing of it stays tracked, and its replica goes
        await shared.close()
      }
      // The exchange says what went wrong in words; the window shows them rather than "something went wrong".
      throw error instanceof FactmarkError ? error : new FactmarkError('io', (error as Error).message)
    } finally {
      this.#joining.delete(articleId)
    }
    await writeSharedInfo(this.workspace.dir, articleId, shared.info)
    this.#tell()
    if (this.options.live) void shared.startLive()
    return { articleId, summary: summarize(this.workspace.getArticle(articleId)) }
  }

  /** One exchange with the server for every shared article (or one); what went each way per article. */
  async exchange(articleId?: string): Promise<ExchangeCounts[]> {
    const targets = articleId === undefined ? [...this.#articles.values()] : [this.#articles.get(articleId) ?? notShared()]
    const counts: ExchangeCounts[] = []
    for (const shared of targets) counts.push(await shared.exchange())
    return counts
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#stopWatching()
    await Promise.all([...this.#articles.values()].map((a) => a.close()))
    this.#articles.clear()
  }

  // —— inside ——

  async #scan(): Promise<void> {
    if (this.#closed) return
    const ids = new Set(this.workspace.listArticles().map((a) => a.id))
    for (const [id, shared] of this.#articles) {
      if (!ids.has(id) && !this.#joining.has(id)) {
        this.#articles.delete(id)
        void shared.close()
      }
    }
    for (const id of ids) {
      if (this.#articles.has(id)) continue
      const info = await readSharedInfo(this.workspace.dir, id)
      if (!info || this.#articles.has(id) || this.#closed) continue
      const signIn = await this.credentials.get(info.server, info.user)
      const shared = this.#track(id, info, signIn)
      if (this.options.live) void shared.startLive()
    }
    this.#tell()
  }

  #track(articleId: string, info: SharedInfo, signIn: SignIn | null): SharedArticle {
    const shared = new SharedArticle(this.workspace, articleId, info, signIn, () => this.#tell(), this.options.now)
    this.#articles.set(articleId, shared)
    return shared
  }

  /** The id of the article a database holds, from its creation. */
  async #articleIdOn(server: string, database: string, signIn: SignIn): Promise<string> {
    const remote = serverDatabase(server, database, signIn)
    try {
      const { rows } = await remote.allDocs({ include_docs: true })
      for (const row of rows) {
        const read = row.doc ? operationFromDoc(row.doc) : null
        if (read && 'op' in read && read.op.type === 'article.create') return read.op.article.id
      }
      throw new FactmarkError('not-found', `The shared article ${database} holds no article yet (its creation was never sent).`)
    } catch (error) {
      throw serverError(error, { server, database, user: signIn.user })
    } finally {
      await remote.close().catch(() => {})
    }
  }

  #tell(): void {
    const shared = this.list()
    for (const listener of this.#listeners) listener(shared)
  }
}

function checkedServer(input: string): string {
  const link = checkServerAddress(input)
  if (!link.ok) throw new FactmarkError('invalid-argument', link.message)
  return link.url
}

function notShared(): never {
  throw new FactmarkError('not-found', 'That article is not shared through a server (factmark share shares it).')
}

export type { ExchangeCounts } from './shared-article'
