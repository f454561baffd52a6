import { attr, elementsOf, textOf, type HtmlElement } from './html-tree'
import { collapseSpace } from './shared'

/** What a page says about itself in its metadata: meta tags, JSON-LD, `<title>`, `<time datetime>`, canonical address. */
export interface PageMetadata {
  /** og:title, else `<title>`, else JSON-LD headline or name. */
  title?: string
  site?: string
  /** The organisation JSON-LD names as publisher: a site name of last resort ("Wikimedia Foundation, Inc." for Wikipedia). */
  publisher?: string
  byline?: string
  publishedAt?: string
  /** Where the page says it lives (`<link rel="canonical">`, og:url): the base of a saved page's relative links. */
  canonicalUrl?: string
  /** `<base href>` as written. */
  baseHref?: string
}

const ARTICLE_TYPES = /(?:Article|Posting|Report|WebPage)$/

/** Reads the metadata of a parsed page (before its furniture is removed: JSON-LD and meta tags live anywhere). */
export function readMetadata(root: HtmlElement): PageMetadata {
  const metas = new Map<string, string>()
  let titleTag: string | undefined
  let time: string | undefined
  let itempropDate: string | undefined
  const found: PageMetadata = {}
  const ld: JsonLd = {}
  for (const element of elementsOf(root)) {
    switch (element.tag) {
      case 'meta': {
        const key = (attr(element, 'property') ?? attr(element, 'name') ?? attr(element, 'itemprop'))?.trim().toLowerCase()
        const content = text(attr(element, 'content'))
        if (key && content && !metas.has(key)) metas.set(key, content)
        break
      }
      case 'title':
        titleTag ??= text(textOf(element))
        break
      case 'link':
        if (attr(element, 'rel')?.toLowerCase().split(/\s+/).includes('canonical')) found.canonicalUrl ??= text(attr(element, 'href'))
        break
      case 'base':
        found.baseHref ??= text(attr(element, 'href'))
        break
      case 'script':
        if (attr(element, 'type')?.trim().toLowerCase() === 'application/ld+json') readJsonLd(textOf(element), ld)
        break
      case 'time':
        time ??= text(attr(element, 'datetime'))
        if (attr(element, 'itemprop') === 'datePublished') itempropDate ??= text(attr(element, 'datetime'))
        break
    }
  }
  const meta = (...keys: string[]) => keys.map((key) => metas.get(key)).find((value) => value !== undefined)
  found.title = meta('og:title', 'twitter:title') ?? titleTag ?? ld.headline
  found.site = meta('og:site_name', 'application-name') ?? ld.site
  found.publisher = ld.publisher
  found.byline = ld.author ?? meta('author', 'article:author', 'dc.creator', 'parsely-author')
  found.publishedAt =
    ld.published ??
    meta('article:published_time', 'datepublished', 'og:published_time', 'dc.date', 'dc.date.issued', 'dcterms.created', 'date', 'pubdate', 'parsely-pub-date', 'sailthru.date') ??
    itempropDate ??
    time
  found.canonicalUrl ??= meta('og:url')
  for (const key of Object.keys(found) as (keyof PageMetadata)[]) if (found[key] === undefined) delete found[key]
  return found
}

interface JsonLd {
  headline?: string
  site?: string
  publisher?: string
  author?: string
  published?: string
}

/** One `<script type="application/ld+json">`: the first article-like item's fields, and a WebSite's name. Bad JSON is ignored. */
function readJsonLd(source: string, into: JsonLd): void {
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch {
    return
  }
  const items: unknown[] = Array.isArray(data) ? [...data] : [data]
  for (let i = 0; i < items.length && i < 100; i++) {
    const item = items[i]
    if (!isObject(item)) continue
    // not items.push(...graph): a graph of a million entries is past what one call takes as arguments (a RangeError)
    if (Array.isArray(item['@graph'])) for (const entry of item['@graph'].slice(0, Math.max(0, 100 - items.length))) items.push(entry)
    const types = ([] as unknown[]).concat(item['@type'] ?? []).filter((t): t is string => typeof t === 'string')
    if (types.includes('WebSite')) into.site ??= text(item.name)
    if (!types.some((t) => ARTICLE_TYPES.test(t))) continue
    into.headline ??= text(item.headline) ?? text(item.name)
    into.published ??= text(item.datePublished)
    if (isObject(item.isPartOf)) into.site ??= text(item.isPartOf.name)
    if (isObject(item.publisher)) into.publisher ??= text(item.publisher.name)
    const authors = ([] as unknown[])
      .concat(item.author ?? [])
      .map((author) => (typeof author === 'string' ? text(author) : isObject(author) ? text(author.name) : undefined))
      .filter((name): name is string => name !== undefined)
    if (authors.length > 0) into.author ??= authors.join(', ')
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  return collapseSpace(value) || undefined
}
