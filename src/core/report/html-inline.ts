// A stretch of the article as HTML with the claims marked and the article's own links kept. Marks and links
// may overlap, so both go through nestSpans and come out properly nested (a piece may be split in two).

import type { ArticleLink, Claim } from '../model'
import { blockAnchor, escapeHtml, safeHref } from './html-escape'
import { nestSpans, type MarkToken, type Span } from './nesting'
import { SpanIndex } from '../span-index'

export interface MarkSpan extends Span {
  kind: 'mark'
  claim: Claim
  number: number
}

interface LinkSpan extends Span {
  kind: 'link'
  /** Escaped, safe for the attribute. */
  href: string
}

export type InlineSpan = MarkSpan | LinkSpan

/**
 * The article's links as spans: web links that pass the source check, and (when the article is in the report)
 * links to one of its blocks. Anything else stays plain text.
 */
export function linkSpans(links: readonly ArticleLink[] | undefined, withBlocks: boolean): LinkSpan[] {
  const spans: LinkSpan[] = []
  for (const link of links ?? []) {
    const href = 'url' in link ? safeHref(link.url) : withBlocks ? `#${blockAnchor(link.block)}` : undefined
    if (href) spans.push({ kind: 'link', start: link.start, end: link.end, href })
  }
  return spans
}

export interface MarkRendering {
  open: (token: Extract<MarkToken<MarkSpan>, { kind: 'open' }>) => string
  /** What follows a claim where it ends (its footnote); it must not sit inside a link, having one of its own. */
  end?: (span: MarkSpan) => string
}

const NO_LINKS: readonly ArticleLink[] = []
const linkIndexes = new WeakMap<readonly ArticleLink[], Map<boolean, SpanIndex<LinkSpan>>>()

/** The article's links as an index, made once per article (each claim's quote asks which links it holds). */
export function linkIndex(links: readonly ArticleLink[] | undefined, withBlocks: boolean): SpanIndex<LinkSpan> {
  const key = links ?? NO_LINKS
  const byMode = linkIndexes.get(key) ?? new Map<boolean, SpanIndex<LinkSpan>>()
  linkIndexes.set(key, byMode)
  let index = byMode.get(withBlocks)
  if (!index) byMode.set(withBlocks, (index = new SpanIndex(linkSpans(links, withBlocks))))
  return index
}

/** The article's marks and links, marks first (so that on the very same words a mark is outside the link). */
export const inlineSpans = (marks: readonly MarkSpan[], links: readonly LinkSpan[]) => new SpanIndex<InlineSpan>([...marks, ...links])

/**
 * `text.slice(from, to)` escaped, with the marks and links of `spans` that reach into it. A claim ending inside a
 * link gets its footnote right after the link, as links cannot hold links.
 */
export function inlineHtml(text: string, from: number, to: number, spans: SpanIndex<InlineSpan>, rendering: MarkRendering): string {
  let html = ''
  let openLinks = 0
  let waiting: MarkSpan[] = []
  const flush = () => {
    for (const span of waiting) html += rendering.end?.(span) ?? ''
    waiting = []
  }
  for (const token of nestSpans<InlineSpan>(from, to, spans.overlapping(from, to))) {
    if (token.kind === 'text') {
      html += escapeHtml(text.slice(token.start, token.end))
    } else if (token.span.kind === 'link') {
      if (token.kind === 'open') {
        openLinks++
        html += `<a href="${token.span.href}">`
      } else if (token.kind === 'close') {
        openLinks--
        html += '</a>'
        if (openLinks === 0) flush()
      }
    } else if (token.kind === 'open') {
      html += rendering.open({ ...token, span: token.span })
    } else if (token.kind === 'close') {
      html += '</mark>'
    } else if (openLinks > 0) {
      waiting.push(token.span)
    } else {
      html += rendering.end?.(token.span) ?? ''
    }
  }
  flush()
  return html
}
