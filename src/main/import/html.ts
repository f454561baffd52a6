import { MAX_ARTICLE_CHARS, MAX_BLOCKS, MAX_URL_CHARS } from '../../core/limits'
import { checkSourceUrl } from '../../core/links'
import type { NewArticle } from '../workspace/workspace'
import { charsetFromContentType, decodeBytes, sniffHtmlCharset } from './decode'
import { blocksFromTree, type WalkOptions } from './html-blocks'
import { removeBoilerplate } from './html-clean'
import { linkResolver } from './html-links'
import { readMetadata } from './html-meta'
import { serializeTree } from './html-serialize'
import { elementsOf, MAX_ELEMENTS, parseHtml, textOf, TooManyElements, type HtmlElement, type HtmlTree } from './html-tree'
import { readableContent } from './readable'
import { articleFromParts, collapseSpace, count, sourceName, tooComplex, type BlockPart } from './shared'

export interface HtmlImportMeta {
  /** A title chosen by the user; wins over the page's. */
  title?: string
  origin: NewArticle['origin']
  /** The page's address: only a base for relative links; nothing is ever loaded from it. */
  baseUrl?: string
}

/**
 * Readability runs on pages of at most this many elements (once navigation and scripts are gone), and only when its work
 * (`readabilityWork`) is at most READABILITY_MAX_WORK; other pages, which are rare and mostly long documents rather than
 * cluttered news pages, are walked whole, furniture removed. Its cost grows faster than the elements: each container
 * re-reads everything inside it, and jsdom re-indexes siblings as Readability moves them. Measured here (CPU time, one
 * core): 1,900 paragraphs each in a div of its own 3.3 s (3,800 elements), 2,000 paragraphs under 60 nested divs 8.7 s.
 */
export const READABILITY_MAX_ELEMENTS = 4_000
/**
 * At most this much `readabilityWork`: within it, Readability took up to about 4 s of CPU on the pages measured
 * (paragraphs wrapped in 1 to 60 divs, 300,000 characters 64 deep, 3 MB of text), leaving room inside the importer's 8 s
 * limit for parsing and a busier machine. Past it: 500 paragraphs each 6 divs deep (3,500 elements, 35,000) took 4.6 s,
 * and a 150 KB page of 3,900 paragraphs under 60 divs (250,000) 7.6 s, which a busier machine refused at the time limit.
 */
export const READABILITY_MAX_WORK = 30_000

const LIMITS: WalkOptions = { maxBlocks: MAX_BLOCKS + 1, maxChars: MAX_ARTICLE_CHARS + 1 }

/** HTML to blocks without Readability (a Word document's HTML, a Markdown HTML block), walked by the same allow-list. */
export function blocksFromHtml(html: string, options: { links?: boolean } = {}): BlockPart[] {
  const tree = parseHtml(html)
  removeBoilerplate(tree.root)
  return blocksFromTree(tree.root, { ...LIMITS, ...(options.links ? { linkTarget: linkResolver(undefined, {}) } : {}) })
}

/** `&amp;`, `&copy;`, `&#8212;` … to their characters; anything else is left as it is. */
export function decodeEntities(text: string): string {
  if (!/&(?:#\d|#x[\da-f]|[a-z][a-z\d]*;?)/i.test(text)) return text
  return textOf(parseHtml(text.replace(/</g, '&lt;')).root) // with no tag left, the tokenizer only decodes references
}

/** HTML bytes to text: byte-order mark, then the declared charset (HTTP header, then `<meta charset>`), then detection. */
export function decodeHtml(bytes: Uint8Array, options: { name: string; contentType?: string | null }): string {
  const charset = charsetFromContentType(options.contentType) ?? sniffHtmlCharset(bytes)
  return decodeBytes(bytes, { name: options.name, ...(charset ? { charset } : {}) })
}

/**
 * A web page or HTML file to an article. The page is parsed into a light tree in linear time whatever its nesting (see
 * html-tree.ts), its metadata read, its furniture removed (navigation, tables of contents, "[edit]" links, scripts, forms);
 * then Readability picks the main content when the page is small enough for it, and otherwise (or when it finds nothing)
 * the whole remaining page is used. Either way the same walker turns it into blocks, numbered list items and checked links,
 * so the article holds text, block kinds and links and nothing else.
 * Throws FactmarkError 'empty' when there is no text at all, 'too-large' when the page is beyond what one article can hold.
 */
export function articleFromHtml(html: string, meta: HtmlImportMeta): NewArticle {
  const name = sourceName(meta.origin)
  let tree: HtmlTree
  try {
    tree = parseHtml(html)
  } catch (error) {
    if (error instanceof TooManyElements) throw tooComplex(name, `it has more than ${count(MAX_ELEMENTS)} HTML elements`)
    throw error
  }
  const page = readMetadata(tree.root)
  const walk: WalkOptions = { ...LIMITS, linkTarget: linkResolver(meta.baseUrl, page) }
  const kept = removeBoilerplate(tree.root)
  const headlines = h1Texts(tree)

  const small = kept <= READABILITY_MAX_ELEMENTS && readabilityWork(tree.root) <= READABILITY_MAX_WORK
  const readable = small ? readableContent(serializeTree(tree.root), meta.baseUrl) : null
  let parts = readable ? blocksFromTree(parseHtml(readable.content).root, walk) : []
  if (parts.length === 0) parts = blocksFromTree(tree.root, walk)

  const pageTitle = nonEmpty(readable?.title) ?? page.title
  const first = parts[0]
  const fromContent = first && (first.kind === 'h1' || first.kind === 'h2') ? [first.text] : []
  const headline = headlineOf(pageTitle, [...fromContent, ...headlines])
  if (headline && !fromContent.includes(headline.text) && !parts.some((part) => part.kind.startsWith('h') && part.text === headline.text)) {
    parts.unshift({ kind: 'h1', text: headline.text }) // the page's headline, outside what Readability kept, is still what the article says
  }

  return articleFromParts(parts, {
    title: meta.title,
    formatTitle: headline?.text ?? pageTitle ?? parts.find((part) => part.kind.startsWith('h'))?.text,
    origin: withCanonical(meta.origin, page.canonicalUrl),
    byline: nonEmpty(readable?.byline) ?? page.byline,
    site: page.site ?? headline?.site ?? nonEmpty(readable?.siteName) ?? page.publisher,
    publishedAt: page.publishedAt ?? nonEmpty(readable?.publishedTime)
  })
}

/**
 * What Readability will spend on a page, in units of roughly 0.1 ms of its time here: each element counts once for itself
 * and once for each element around it (every container re-reads its content), and text one unit per 100 characters plus
 * one per 1,200 characters for each element around it (textContent, read again at every level). Iterative, any depth.
 */
export function readabilityWork(root: HtmlElement): number {
  let work = 0
  const stack: { element: HtmlElement; depth: number }[] = [{ element: root, depth: 0 }]
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!
    for (const child of element.children) {
      if (child.kind === 'text') work += (child.text.length * (12 + depth)) / 1200
      else {
        work += 1 + depth
        stack.push({ element: child, depth: depth + 1 })
      }
    }
  }
  return work
}

/** The texts of the page's first few h1 headings (after furniture is removed: a logo in a navigation bar is not one). */
function h1Texts(tree: HtmlTree): string[] {
  const texts: string[] = []
  for (const element of elementsOf(tree.root)) {
    if (element.tag !== 'h1') continue
    const text = collapseSpace(textOf(element))
    if (text) texts.push(text)
    if (texts.length >= 5) break
  }
  return texts
}

const SEPARATOR = '[|\\-–—:·»/]'
const SUFFIX = new RegExp(`^\\s*${SEPARATOR}\\s*(\\S.*)$`)
const PREFIX = new RegExp(`^(.*\\S)\\s*${SEPARATOR}\\s*$`)

/**
 * "Regression testing - Wikipedia" with a heading "Regression testing": the headline, and what the title adds to it (the site
 * name, most often). The first candidate the title starts with (or ends with) beside a separator wins; the title alone when none.
 */
function headlineOf(title: string | undefined, candidates: string[]): { text: string; site?: string } | undefined {
  if (!title) return candidates[0] ? { text: candidates[0] } : undefined
  for (const candidate of candidates) if (candidate === title) return { text: candidate }
  for (const candidate of candidates) {
    const suffix = title.startsWith(candidate) ? SUFFIX.exec(title.slice(candidate.length)) : null
    if (suffix) return { text: candidate, site: suffix[1]!.trim() }
  }
  for (const candidate of candidates) {
    const prefix = title.endsWith(candidate) ? PREFIX.exec(title.slice(0, title.length - candidate.length)) : null
    if (prefix) return { text: candidate, site: prefix[1]!.trim() }
  }
  return undefined
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const text = value ? collapseSpace(value) : ''
  return text || undefined
}

/** The page's own address beside where it was read from, when it names a web page and a different one. */
function withCanonical(origin: NewArticle['origin'], canonical: string | undefined): NewArticle['origin'] {
  const link = canonical ? checkSourceUrl(canonical) : undefined
  return link?.ok && link.url !== origin.url && link.url.length <= MAX_URL_CHARS ? { ...origin, canonical: link.url } : origin
}
