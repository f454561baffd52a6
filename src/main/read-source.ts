import type { ArticleSource } from '../core/api'
import { FactmarkError } from '../core/errors'
import { importFileData } from './import/import-file'
import { articleFromText } from './import/text-file'
import { importUrl } from './import/url'
import type { NewArticle } from './workspace/workspace'

const MAX_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4

/** Turns what the reviewer gave (a file, a web address, pasted text) into a new article's text and metadata. */
export async function readArticleSource(source: ArticleSource): Promise<NewArticle> {
  switch (source.kind) {
    case 'file': {
      if (source.base64.length > MAX_BASE64) throw new FactmarkError('too-large', `${source.name} is over 20 MB, the limit.`)
      return importFileData(source.name, new Uint8Array(Buffer.from(source.base64, 'base64')), { title: source.title })
    }
    case 'url': {
      const article = await importUrl(source.url)
      return source.title ? { ...article, title: source.title } : article
    }
    case 'paste': {
      if (!source.text.trim()) throw new FactmarkError('empty', 'Paste the article’s text first.')
      return articleFromText(source.text, { title: source.title || undefined, origin: { kind: 'paste' } })
    }
  }
}
