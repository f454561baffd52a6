import type { WorkspaceInfo } from '../../../core/api'
import type { ArticleDoc, ArticleSummary } from '../../../core/model'
import { unwrap } from '../lib/factmark'

/** The workspace's articles and the one open in the reader. */
class Library {
  workspace = $state.raw<WorkspaceInfo | null>(null)
  articles = $state.raw<ArticleSummary[]>([])
  openDoc = $state.raw<ArticleDoc | null>(null)
  loading = $state(true)
  error = $state<string | null>(null)

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
      this.openDoc = await unwrap(window.factmark.getArticle({ id }))
      this.error = null
    } catch (error) {
      this.error = (error as Error).message
    }
  }
}

export const library = new Library()
