import { MAX_URL_CHARS } from '../../core/limits'
import { checkSourceUrl } from '../../core/links'
import type { LinkTarget } from './html-blocks'
import type { PageMetadata } from './html-meta'

/**
 * How a page's links are kept: `#id` (or the page's own address, or its base, with `#id`) is an in-page link to that
 * anchor (dropped later if no block has it); anything else is resolved against the page's address (a fetched page's, or
 * for a saved file the address it says it has: `<base href>`, canonical link, og:url) and kept only when it is a web link
 * the app may open (`checkSourceUrl`: http or https, no credentials). Relative links of a file that says nothing about its
 * address, and every other scheme, are dropped.
 */
export function linkResolver(baseUrl: string | undefined, page: Pick<PageMetadata, 'canonicalUrl' | 'baseHref'>): (href: string) => LinkTarget {
  const pageUrl = parse(baseUrl) ?? parse(page.canonicalUrl)
  const base = parse(page.baseHref, pageUrl) ?? pageUrl
  return (href) => {
    const written = href.trim()
    if (!written) return undefined
    if (written.startsWith('#')) return anchor(written.slice(1))
    const url = parse(written, base)
    if (!url) return undefined
    // "#id" as Readability rewrites it against `<base href>`, or the page's own address with "#id": a place in this page
    if (url.hash && [pageUrl, base].some((own) => own && withoutHash(url) === withoutHash(own))) return anchor(url.hash.slice(1))
    const checked = checkSourceUrl(url.href)
    return checked.ok && checked.url.length <= MAX_URL_CHARS ? { url: checked.url } : undefined
  }
}

function anchor(fragment: string): LinkTarget {
  let id = fragment
  try {
    id = decodeURIComponent(fragment)
  } catch {
    // a malformed escape: the id as written
  }
  return id ? { anchor: id } : undefined
}

function parse(address: string | undefined, base?: URL): URL | undefined {
  if (!address) return undefined
  try {
    return new URL(address, base)
  } catch {
    return undefined
  }
}

function withoutHash(url: URL): string {
  return url.href.slice(0, url.href.length - url.hash.length)
}
