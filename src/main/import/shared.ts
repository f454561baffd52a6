import { basename, extname } from 'node:path'
import { FactmarkError } from '../../core/errors'
import { MAX_ARTICLE_CHARS, MAX_BLOCKS } from '../../core/limits'
import { bodyFromBlocks, findDateline, type ArticleBody, type TextPart } from '../../core/plain-text'
import type { NewArticle } from '../workspace/workspace'

/** No file or web page over this size is imported (checked before reading a file, and while reading a response). */
export { MAX_IMPORT_BYTES } from '../../core/limits'

/** One block of an article before offsets are assigned: its kind, its (already normalised) text, list number, links, anchors. */
export type BlockPart = TextPart

/** 100000 → "100,000": limits are named in words a reader can take in. */
export function count(n: number): string {
  return n.toLocaleString('en-US')
}

/** A source too complex to read within the importer's limits ('too-large'). */
export function tooComplex(name: string, why: string): FactmarkError {
  return new FactmarkError('too-large', `${name} is too complex to import: ${why}.`)
}

/**
 * Refuses an article larger than one article may be (MAX_BLOCKS blocks, MAX_ARTICLE_CHARS characters), naming the limit.
 * Importers stop collecting just past the limits, so `blocks` and `chars` may be the counts they stopped at.
 */
export function checkArticleSize(name: string, blocks: number, chars: number): void {
  if (blocks > MAX_BLOCKS) {
    throw new FactmarkError('too-large', `${name} has more than ${count(MAX_BLOCKS)} paragraphs, headings and list items; one article can hold at most ${count(MAX_BLOCKS)}.`)
  }
  if (chars > MAX_ARTICLE_CHARS) {
    throw new FactmarkError('too-large', `${name} has more than ${count(MAX_ARTICLE_CHARS)} characters of text; one article can hold at most ${count(MAX_ARTICLE_CHARS)}.`)
  }
}

/** `checkArticleSize` for a body already joined. */
export function checkBodySize(name: string, body: ArticleBody): void {
  checkArticleSize(name, body.blocks.length, body.text.length - Math.max(0, body.blocks.length - 1) * 2)
}

/** What an importer knows about an article besides its blocks. */
export interface ArticleMeta {
  /** A title chosen by the user: it wins over anything the format gives. */
  title?: string
  /** A title the format gives (the page's title, the document's first heading). */
  formatTitle?: string
  origin: NewArticle['origin']
  byline?: string
  site?: string
  publishedAt?: string
}

const MAX_TITLE_LENGTH = 300
const MAX_META_LENGTH = 300

/** "belta-2017-08-14-trade.txt" → "belta 2017 08 14 trade": better than nothing when no title is given. */
export function titleFromName(name: string | undefined): string {
  return name ? basename(name, extname(name)).replace(/[-_]+/g, ' ').trim() : ''
}

/** Collapses white space the way a browser renders it (non-breaking spaces become plain spaces) and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/[\t\n\f\r \u00a0]+/g, ' ').trim()
}

/** How an article source is named in messages: the file name, the URL (clipped: it may be thousands of characters), or "The text". */
export function sourceName(origin: NewArticle['origin']): string {
  return origin.kind === 'url' ? (origin.url ? clip(origin.url, 120) : 'The page') : (origin.name ?? 'The text')
}

/**
 * Metadata kept as plain text: white space collapsed, clipped, and dropped when it is empty or looks like a link
 * (an `article:author` that is a profile URL says nothing to a reader, and the stored article carries no URLs of the page's choosing).
 */
export function metaText(value: string | null | undefined, max = MAX_META_LENGTH): string | undefined {
  if (!value) return undefined
  const text = collapseSpace(value)
  if (!text || /^(?:javascript|vbscript|data|file|mailto):/i.test(text) || /[a-z0-9]:\/\//i.test(text)) return undefined
  return clip(text, max)
}

/** Clips to `max` code points (never splitting a surrogate pair), marking the cut with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** A title as one line of plain text, clipped; empty when there is none. */
export function titleText(value: string | null | undefined): string {
  return value ? clip(collapseSpace(value), MAX_TITLE_LENGTH) : ''
}

/** Builds the article from its blocks; refuses one without text. Titles: the user's, then the format's, then the file name. */
export function articleFromParts(parts: BlockPart[], meta: ArticleMeta): NewArticle {
  const kept = parts.filter((part) => part.text.trim().length > 0)
  const name = sourceName(meta.origin)
  if (kept.length === 0) throw new FactmarkError('empty', `${name} has no article text.`)
  checkArticleSize(name, kept.length, kept.reduce((sum, part) => sum + part.text.length, 0))
  const body = bodyFromBlocks(kept)
  const firstParagraph = kept.find((part) => part.kind === 'p')
  const title =
    titleText(meta.title) || titleText(meta.formatTitle) || titleFromName(meta.origin.name) || clip(collapseSpace(kept[0]!.text), 80)
  const article: NewArticle = { title, body, origin: meta.origin }
  const dateline = firstParagraph ? findDateline(firstParagraph.text) : undefined
  if (dateline) article.dateline = dateline
  const byline = metaText(meta.byline)
  if (byline) article.byline = byline
  const site = metaText(meta.site)
  if (site) article.site = site
  const publishedAt = metaText(meta.publishedAt, 64)
  if (publishedAt) article.publishedAt = publishedAt
  return article
}
