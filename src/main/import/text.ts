import { FactmarkError } from '../../core/errors'
import { bodyFromPlainText, findDateline } from '../../core/plain-text'
import type { NewArticle } from '../workspace/workspace'
import { checkBodySize, collapseSpace, titleFromName, titleText } from './shared'

/**
 * Plain text (pasted, or a decoded .txt file) to a new article: paragraphs as `bodyFromPlainText` finds them, a wire dateline
 * if the first paragraph has one. Title: the one given, else the file name, else the start of the first paragraph.
 * Refuses text beyond one article's limits ('too-large').
 */
export function articleFromText(text: string, meta: { title?: string; origin: NewArticle['origin'] }): NewArticle {
  const body = bodyFromPlainText(text)
  if (body.blocks.length === 0) throw new FactmarkError('empty', `${meta.origin.name ?? 'The text'} has no text.`)
  checkBodySize(meta.origin.name ?? 'The text', body)
  const first = body.text.slice(body.blocks[0]!.start, body.blocks[0]!.end)
  const article: NewArticle = {
    title: titleText(meta.title) || titleFromName(meta.origin.name) || Array.from(collapseSpace(first)).slice(0, 80).join(''),
    body,
    origin: meta.origin
  }
  const dateline = findDateline(first)
  if (dateline) article.dateline = dateline
  return article
}
