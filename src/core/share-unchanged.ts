// An article read from its checkpoint holds its state (article, claims) and its log as separate copies: the checkpoint's
// JSON and the log's lines are parsed apart. Where a creation in the log carries what the state still holds (a claim as
// it was marked, while unchanged; its quote, notes and sources once it changed; the article's blocks and links), one
// object serves both: the document costs less memory, and what crosses to the window less (a structured clone sends an
// object met twice once; a string it sends each time, so the text still crosses twice).

import { dequal } from 'dequal'
import type { ArticleDoc, Operation } from './model'

export function shareUnchanged(doc: ArticleDoc): ArticleDoc {
  const claims = new Map(doc.claims.map((claim) => [claim.id, claim]))
  let shared = false
  const log = doc.log.map((op): Operation => {
    if (op.type === 'article.create') {
      const article = sharedParts(op.article, doc.article)
      if (article === op.article) return op
      shared = true
      return { ...op, article }
    }
    if (op.type === 'claim.create') {
      const kept = claims.get(op.claim.id)
      const claim = kept ? sharedParts(op.claim, kept) : op.claim
      if (claim === op.claim) return op
      shared = true
      return { ...op, claim }
    }
    return op
  })
  return shareTexts(shared ? { ...doc, log } : doc)
}

/** `copy` as `kept` where the two are alike: `kept` itself, or else `copy` with each object field alike taken from `kept`. */
function sharedParts<T extends object>(copy: T, kept: T): T {
  if (copy === kept || dequal(copy, kept)) return kept
  let parts: T | null = null
  for (const key of Object.keys(copy) as (keyof T)[]) {
    const value = copy[key]
    if (typeof value === 'object' && value !== null && value !== kept[key] && dequal(value, kept[key])) (parts ??= { ...copy })[key] = kept[key]
  }
  return parts ?? copy
}

/**
 * The document with each version of its text held as one string: the creation's text, each revision's new text and the
 * text it replaced, and the current text are one string wherever they are equal. A log read line by line, or a document
 * from a structured clone (which copies a string each time it meets it), holds a copy of each: at 1 MB of text with
 * curly quotes, 2 MB a copy. Strings have no identity to compare, so the ones equal to the version before are replaced.
 */
export function shareTexts(doc: ArticleDoc): ArticleDoc {
  let version: string | null = null
  let created: ArticleDoc['article'] | null = null
  let log: Operation[] | null = null // a copy once a revision's text is replaced
  doc.log.forEach((op, i) => {
    if (op.type === 'article.create') {
      version = op.article.text
      created = op.article
    } else if (op.type === 'article.revise') {
      const before = version
      version = op.text
      if (before !== null && op.previous.text === before) (log ??= [...doc.log])[i] = { ...op, previous: { ...op.previous, text: before } }
    }
  })
  // Already one object with the creation's article (shareUnchanged): a copy would make the clone send it twice.
  const share = version !== null && doc.article !== created && doc.article.text === version
  if (!share && !log) return doc
  return { ...doc, article: share ? { ...doc.article, text: version! } : doc.article, log: log ?? doc.log }
}
