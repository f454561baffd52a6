import type { ArticleSource } from '../core/api'
import { FactmarkError } from '../core/errors'
import { importFileBase64 } from './import/import-file'
import { parseInWorker } from './import/parse-in-worker'
import { importUrl } from './import/url'
import type { NewArticle } from './workspace/workspace'

/**
 * Turns what the reviewer gave (a file, a web address, pasted text) into a new article's text and metadata. Fetching a
 * page is done here; decoding and parsing, of every kind of source, in the import worker, so the window never waits on it.
 */
export async function readArticleSource(source: ArticleSource): Promise<NewArticle> {
  switch (source.kind) {
    case 'file':
      return importFileBase64(source.name, source.base64, { title: source.title })
    case 'url': {
      const article = await importUrl(source.url)
      return source.title ? { ...article, title: source.title } : article
    }
    case 'paste': {
      if (!source.text.trim()) throw new FactmarkError('empty', 'Paste the article’s text first.')
      return parseInWorker({ kind: 'text', text: source.text, title: source.title || undefined, origin: { kind: 'paste' } })
    }
  }
}
