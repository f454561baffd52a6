import type { ArticleSource, WorkspaceInfo } from '../../../core/api'
import type { ArticleSummary } from '../../../core/model'
import { unwrap } from '../lib/factmark'
import { plural } from '../lib/format'
import { notices } from './notices.svelte'
import { ReviewSession } from './review.svelte'

/** The workspace's articles, the one under review, and who the reviewer is. */
class Library {
  workspace = $state.raw<WorkspaceInfo | null>(null)
  articles = $state.raw<ArticleSummary[]>([])
  session = $state<ReviewSession | null>(null)
  loading = $state(true)
  error = $state<string | null>(null)
  /** Set while the reviewer-name dialog is open; resolves with the name, or null if dismissed. */
  namePrompt = $state.raw<((name: string | null) => void) | null>(null)

  get reviewer(): string | null {
    return this.workspace?.settings.reviewer ?? null
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const api = window.factmark
      ;[this.workspace, this.articles] = await Promise.all([unwrap(api.getWorkspace()), unwrap(api.listArticles())])
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
      const doc = await unwrap(window.factmark.getArticle({ id }))
      this.session = new ReviewSession(
        doc,
        () => this.ensureReviewer(),
        (summary) => this.#updateSummary(summary as ArticleSummary)
      )
      this.error = null
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

  async updateSettings(changes: { reviewer?: string; organisation?: string; claimReviewBaseUrl?: string }): Promise<boolean> {
    try {
      const settings = await unwrap(window.factmark.updateSettings(changes))
      if (this.workspace) this.workspace = { ...this.workspace, settings }
      return true
    } catch (error) {
      notices.error((error as Error).message)
      return false
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
    notices.show(`Updated: ${plural(counts.anchored, 'claim')} in place, ${counts.moved} moved, ${counts.orphaned} not found.${look ? ' See “Needs a look”.' : ''}`)
    if (look) session.verdictFilter = 'needs-look'
    return true
  }

  #updateSummary(summary: ArticleSummary): void {
    this.articles = this.articles.map((a) => (a.id === summary.id ? summary : a))
  }
}

export const library = new Library()
