import type { ArticleSource, TrashedArticle, WorkspaceInfo } from '../../../core/api'
import { summarize, type ArticleDoc, type ArticleSummary } from '../../../core/model'
import { revisionSummary } from '../../../core/placement-words'
import { shareTexts } from '../../../core/share-unchanged'
import { unwrap } from '../lib/factmark'
import { notices } from './notices.svelte'
import { reader } from './reader.svelte'
import { ReviewSession, UndoHistory } from './review.svelte'
import { titleInSentence } from '../../../core/shorten'

/** The workspace's articles, the one under review, and who the reviewer is. */
class Library {
  workspace = $state.raw<WorkspaceInfo | null>(null)
  articles = $state.raw<ArticleSummary[]>([])
  trash = $state.raw<TrashedArticle[]>([])
  session = $state<ReviewSession | null>(null)
  loading = $state(true)
  error = $state<string | null>(null)
  /** Set while the reviewer-name dialog is open; resolves with the name, or null if dismissed. */
  namePrompt = $state.raw<((name: string | null) => void) | null>(null)
  /** Undo and redo per article, for as long as the app runs: opening another article and coming back keeps them. */
  readonly #histories = new Map<string, UndoHistory>()

  /** Who is reviewing on this machine account: their name, and the id every change of theirs carries. */
  get reviewer(): string | null {
    return this.workspace?.me?.name ?? null
  }

  get reviewerId(): string | null {
    return this.workspace?.me?.id ?? null
  }

  /** What other writers change (the CLI, a synced folder, a colleague) comes in while the app runs. */
  #listening = false
  #listen(): void {
    if (this.#listening) return
    this.#listening = true
    window.factmark.on('articleChanged', ({ doc }) => {
      if (this.session?.doc.article.id === doc.article.id) this.session.takeIn(doc)
      this.#updateSummary(summarize(doc))
    })
    window.factmark.on('articlesChanged', ({ articles, trash }) => {
      this.articles = articles
      this.trash = trash
      if (this.session && !articles.some((a) => a.id === this.session?.doc.article.id)) this.session = null
    })
    window.factmark.on('workspaceChanged', (info) => (this.workspace = info))
  }

  async load(): Promise<void> {
    this.#listen()
    this.loading = true
    try {
      const api = window.factmark
      ;[this.workspace, this.articles, this.trash] = await Promise.all([unwrap(api.getWorkspace()), unwrap(api.listArticles()), unwrap(api.listTrash())])
      const first = this.articles[0]
      if (first) await this.open(first.id)
    } catch (error) {
      this.error = (error as Error).message
    } finally {
      this.loading = false
    }
  }

  async open(id: string): Promise<void> {
    try {
      const doc = await fetchArticle(id)
      let history = this.#histories.get(id)
      if (!history) this.#histories.set(id, (history = new UndoHistory()))
      this.session = new ReviewSession(
        doc,
        () => this.ensureReviewer(),
        (summary) => this.#updateSummary(summary as ArticleSummary),
        history
      )
      this.error = null
      // A newly opened article starts at its top, not where the previous one was scrolled to.
      if (reader.scroller) reader.scroller.scrollTop = 0
    } catch (error) {
      this.error = (error as Error).message
    }
  }

  /** The reviewer's name, asked for once (the first time they change something) and kept in the workspace. */
  ensureReviewer(): Promise<string | null> {
    if (this.reviewer) return Promise.resolve(this.reviewer)
    return new Promise((resolve) => {
      this.namePrompt = (name) => {
        this.namePrompt = null
        resolve(name)
      }
    })
  }

  /** Saves settings; resolves with why they were refused (for the dialog to show beside its fields), or null. */
  async updateSettings(changes: { reviewer?: string; organisation?: string; claimReviewBaseUrl?: string }): Promise<string | null> {
    try {
      this.workspace = await unwrap(window.factmark.updateSettings(changes))
      return null
    } catch (error) {
      return (error as Error).message
    }
  }

  /** Adds an article from a file, a web address or pasted text, and opens it. */
  async importArticle(source: ArticleSource): Promise<boolean> {
    const summary = await unwrap(window.factmark.importArticle(source))
    this.articles = [summary, ...this.articles]
    await this.open(summary.id)
    notices.show(`Added “${summary.title}”.`)
    return true
  }

  /** Replaces the open article's text with a new version; its claims are found again in it. */
  async updateArticle(source: ArticleSource): Promise<boolean> {
    const session = this.session
    if (!session || !(await this.ensureReviewer())) return false
    const { op, summary, counts } = await unwrap(window.factmark.updateArticle({ articleId: session.doc.article.id, source }))
    session.adopt(op)
    this.#updateSummary(summary)
    const look = counts.moved + counts.orphaned
    notices.show(`Updated: ${revisionSummary(counts)}.${look ? ' See “Needs a look”.' : ''}`)
    if (look) session.verdictFilter = 'needs-look'
    return true
  }

  /**
   * Makes a file of W3C or Hypothesis annotations into claims on the open article; throws with main's message (a
   * CallError with code 'conflict' when they were made on another web page and `anyPage` was not given).
   */
  async importAnnotations(file: { name: string; base64: string }, anyPage = false): Promise<boolean> {
    const session = this.session
    if (!session || !(await this.ensureReviewer())) return false
    const articleId = session.doc.article.id
    const done = await unwrap(window.factmark.importAnnotations({ articleId, ...file, ...(anyPage ? { anyPage } : {}) }))
    this.#updateSummary(done.summary)
    if (this.session?.doc.article.id === articleId) this.session.takeIn(await fetchArticle(articleId))
    const look = done.counts.moved + done.counts.notFound
    notices.show(`Imported: ${done.message}.${look ? ' See “Needs a look”.' : ''}`)
    if (look && this.session?.doc.article.id === articleId) this.session.verdictFilter = 'needs-look'
    return true
  }

  /** Gives an article a new title (an operation, so it is in the history); throws with main's message. */
  async renameArticle(id: string, title: string): Promise<void> {
    if (!(await this.ensureReviewer())) throw new Error('A reviewer name is needed before renaming, so the change can be credited.')
    const summary = await unwrap(window.factmark.renameArticle({ id, title }))
    this.#updateSummary(summary)
    if (this.session?.doc.article.id === id) await this.open(id)
  }

  /** Moves an article to the trash; the next one opens in its place. */
  async trashArticle(id: string): Promise<void> {
    // Open before the call: the store's event may close it before the answer comes.
    const wasOpen = this.session?.doc.article.id === id
    try {
      const trashed = await unwrap(window.factmark.deleteArticle({ id }))
      this.articles = this.articles.filter((a) => a.id !== id)
      // The store's event for the same change may have come first (with the article already in the trash).
      this.trash = [trashed, ...this.trash.filter((t) => t.id !== trashed.id)]
      if (wasOpen && (!this.session || this.session.doc.article.id === id)) {
        this.session = null
        const next = this.articles[0]
        if (next) await this.open(next.id)
      }
      notices.show(`Moved “${titleInSentence(trashed.title)}” to the trash.`, 'info', 8000, { label: 'Undo', run: () => void this.restoreArticle(id) })
    } catch (error) {
      notices.error((error as Error).message)
    }
  }

  async restoreArticle(id: string): Promise<void> {
    try {
      const summary = await unwrap(window.factmark.restoreArticle({ id }))
      this.trash = this.trash.filter((t) => t.id !== id)
      this.articles = [summary, ...this.articles.filter((a) => a.id !== id)].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      await this.open(id)
      notices.show(`Restored “${titleInSentence(summary.title)}”.`)
    } catch (error) {
      notices.error((error as Error).message)
    }
  }

  /** The second step: removes a trashed article from disk for good. */
  async purgeArticle(id: string): Promise<void> {
    try {
      await unwrap(window.factmark.purgeArticle({ id }))
      const gone = this.trash.find((t) => t.id === id)
      this.trash = this.trash.filter((t) => t.id !== id)
      this.#histories.delete(id)
      notices.show(`Deleted “${titleInSentence(gone?.title ?? id)}” for good.`)
    } catch (error) {
      notices.error((error as Error).message)
    }
  }

  /** Takes in an article joined from a colleague's server (or found here already) and opens it. */
  async addJoined(articleId: string, summary: ArticleSummary): Promise<void> {
    this.articles = [summary, ...this.articles.filter((a) => a.id !== articleId)]
    await this.open(articleId)
  }

  #updateSummary(summary: ArticleSummary): void {
    this.articles = this.articles.map((a) => (a.id === summary.id ? summary : a))
  }
}

export const library = new Library()

/**
 * An article from main. Its text crosses in each place the document holds it (the structured clone copies strings), so
 * the versions that are equal are made one string again: a 1 MB article would otherwise weigh twice that in the window.
 */
async function fetchArticle(id: string): Promise<ArticleDoc> {
  return shareTexts(await unwrap(window.factmark.getArticle({ id })))
}
