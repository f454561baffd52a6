// Hypothesis annotations as its API gives them (https://h.readthedocs.io/en/latest/api-reference/): a search response
// `{ "rows": [...] }` (with `replies` beside it when asked for separately), one annotation, or a list. Each has `uri`,
// `text` (Markdown), `tags`, `user` ("acct:name@hypothes.is"), `created`, and `target: [{ source, selector: [...] }]`
// with a RangeSelector (XPath into the page's markup), a TextPositionSelector (offsets into the page's textContent) and
// a TextQuoteSelector. A reply has no selectors and names its thread in `references`.

import { linksIn } from './body-text'
import type { ForeignAnnotation } from './foreign'
import { isObject, isoTime, listOf, text, type JsonObject } from './json-values'
import { nameFromAccount, readSelectors } from './w3c-read'

export const isHypothesisAnnotation = (value: unknown): boolean =>
  isObject(value) && typeof value.uri === 'string' && (Array.isArray(value.target) || typeof value.user === 'string') && value.type === undefined

/** The annotations of a Hypothesis export, or undefined when it is not one. */
export function hypothesisAnnotations(root: unknown): JsonObject[] | undefined {
  if (Array.isArray(root)) return root.every(isHypothesisAnnotation) && root.length > 0 ? (root as JsonObject[]) : undefined
  if (isObject(root) && Array.isArray(root.rows)) return [...root.rows, ...listOf(root.replies)].filter(isHypothesisAnnotation) as JsonObject[]
  return isHypothesisAnnotation(root) ? [root as JsonObject] : undefined
}

export function readHypothesisAnnotation(row: JsonObject): ForeignAnnotation {
  const info = isObject(row.user_info) ? text(row.user_info.display_name) : undefined
  const author = (info?.trim() || nameFromAccount(text(row.user) ?? '')).slice(0, 200)
  const created = isoTime(row.created)
  const target = listOf(row.target).find(isObject)
  const words = (text(row.text) ?? '').trim()
  const references = listOf(row.references).map(text).filter((r): r is string => !!r)
  return {
    format: 'hypothesis',
    id: text(row.id) ?? '',
    target: (target && text(target.source)) ?? text(row.uri) ?? '',
    author,
    ...(created ? { created } : {}),
    ...(target ? readSelectors(target.selector, 'code-units') : {}),
    notes: words ? [{ text: words, author, ...(created ? { at: created } : {}) }] : [],
    tags: listOf(row.tags).map(text).filter((t): t is string => !!t?.trim()),
    sources: linksIn(words).map((link) => ({ url: link.url, title: link.title, publisher: '', excerpt: '', stance: 'context' as const })),
    ...(references.length ? { replyTo: references } : {})
  }
}
