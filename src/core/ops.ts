import type { ArticleDoc, Operation } from './model'

/** The only way a document changes. Pure: returns a new document with the operation applied and logged. */
export function apply(doc: ArticleDoc, op: Operation): ArticleDoc {
  switch (op.type) {
    case 'article.rename':
      return {
        ...doc,
        article: { ...doc.article, title: op.title, updatedAt: op.at },
        log: [...doc.log, op]
      }
  }
}
