import type { SharedStatus } from '../../../core/api'
import { unwrap } from '../lib/factmark'
import { library } from './library.svelte'
import { notices } from './notices.svelte'

export interface SignIn {
  server: string
  user: string
  password: string
}

/** The workspace's shared articles and where each stands with its server (main's desk, as the status line shows it). */
class DeskState {
  shared = $state.raw<SharedStatus[]>([])
  /** Articles with a "Sync now" under way. */
  syncing = $state.raw<ReadonlySet<string>>(new Set())
  #listening = false

  statusOf(articleId: string | null | undefined): SharedStatus | null {
    return (articleId && this.shared.find((s) => s.articleId === articleId)) || null
  }

  /** Asks main for the shared articles once, then follows its syncChanged events. */
  async load(): Promise<void> {
    if (!this.#listening) {
      this.#listening = true
      window.factmark.on('syncChanged', ({ shared }) => (this.shared = shared))
    }
    try {
      this.shared = await unwrap(window.factmark.listShared())
    } catch (error) {
      notices.error((error as Error).message)
    }
  }

  /** Shares an article through a server; throws with main's sentence (for the dialog to show). */
  async share(articleId: string, signIn: SignIn, members: string[]): Promise<SharedStatus> {
    const status = await unwrap(window.factmark.shareArticle({ articleId, ...signIn, members }))
    this.#take([status])
    return status
  }

  /** Joins an article a colleague shared and opens it; throws with main's sentence. */
  async join(signIn: SignIn, database: string): Promise<void> {
    const { articleId, summary } = await unwrap(window.factmark.joinShared({ ...signIn, database }))
    await library.addJoined(articleId, summary)
    // The joined article's status comes with the next event; ask now as well, so the line shows at once.
    const shared = await unwrap(window.factmark.listShared()).catch(() => null)
    if (shared) this.shared = shared
  }

  /** One exchange with the server now; a failure is a notice in main's words. */
  async syncNow(articleId: string): Promise<void> {
    this.syncing = new Set([...this.syncing, articleId])
    try {
      this.#take(await unwrap(window.factmark.syncNow({ articleId })))
    } catch (error) {
      notices.error((error as Error).message)
    } finally {
      this.syncing = new Set([...this.syncing].filter((id) => id !== articleId))
    }
  }

  #take(statuses: SharedStatus[]): void {
    const byId = new Map(this.shared.map((s) => [s.articleId, s]))
    for (const status of statuses) byId.set(status.articleId, status)
    this.shared = [...byId.values()]
  }
}

export const desk = new DeskState()
