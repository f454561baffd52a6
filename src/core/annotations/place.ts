// Annotations made elsewhere, placed on an article as claims. The quote decides where (the anchoring resolver, as for a
// claim after an update); a position is only a hint for where to look, since it counts characters of another text (a
// page's own textContent, or code points). A claim that cannot be placed is kept, not found, with its quote, like a
// claim after a revision. Nothing of the annotation is trusted: every value is cut to Factmark's limits, and links pass
// the source check.

import { codePointConverter, type CodePointConverter } from '../anchoring/code-points'
import { resolveAnchor } from '../anchoring/resolve'
import { createSelectors } from '../anchoring/selectors'
import { graphemeAt, isGraphemeBoundary } from '../anchoring/snap'
import { newId } from '../ids'
import { checkSourceUrl } from '../links'
import {
  MAX_CLAIMANT_CHARS,
  MAX_CONCLUSION_CHARS,
  MAX_EXCERPT_CHARS,
  MAX_NOTE_CHARS,
  MAX_NOTES_PER_CLAIM,
  MAX_PUBLISHER_CHARS,
  MAX_QUOTE_CONTEXT_CHARS,
  MAX_REVIEWER_NAME_CHARS,
  MAX_SOURCE_TITLE_CHARS,
  MAX_SOURCES_PER_CLAIM,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_URL_CHARS
} from '../limits'
import type { ArticleDoc, Claim, ClaimPlacement, Note, Source } from '../model'
import { clip } from '../shorten'
import { articleIri, claimIri } from '../report/w3c'
import type { ForeignAnnotation, ForeignNote, ForeignSource } from './foreign'

export type Placed = 'placed' | 'moved' | 'not-found'

/** The article as annotations are placed on it: its text, once converted for code-point offsets, and what is already here. */
export interface ImportTarget {
  text: string
  converter: CodePointConverter
  /** The addresses the article goes by (where it was fetched from, the address the page gives as its own). */
  addresses: string[]
  /** Annotations already imported, and Factmark claims already here (by the ids their W3C export gives them). */
  known: Set<string>
  /** The id Factmark's W3C export gives this article as a target when it has no web address. */
  iri: string
}

export function importTarget(doc: ArticleDoc): ImportTarget {
  const known = new Set<string>()
  for (const claim of doc.claims) {
    known.add(claimIri(claim.id))
    if (claim.imported) known.add(claim.imported.annotation)
  }
  const addresses = [doc.article.origin.url, doc.article.origin.canonical].flatMap((url) => (url ? [url] : []))
  return { text: doc.article.text, converter: codePointConverter(doc.article.text), addresses, known, iri: articleIri(doc.article.id) }
}

/** Whether the annotation names this very article as its target (its address, or the id Factmark's export gives it). */
export function namesThisArticle(target: ImportTarget, annotation: Pick<ForeignAnnotation, 'target'>): boolean {
  if (annotation.target === target.iri) return true
  const theirs = pageKey(annotation.target)
  return theirs !== undefined && target.addresses.some((a) => pageKey(a) === theirs)
}

/**
 * An annotation that gives only a position, on this very article: the words there. A position counted in another
 * text (a page's own, another copy's) says nothing by itself, so one on any other target gives none.
 */
export function quoteFromPosition(target: ImportTarget, annotation: ForeignAnnotation): ForeignAnnotation['quote'] {
  if (!annotation.position || !namesThisArticle(target, annotation)) return undefined
  const { start, end } = positionHint(target, annotation)
  if (start >= end || !isGraphemeBoundary(target.text, start) || !isGraphemeBoundary(target.text, end) || !target.text.slice(start, end).trim()) return undefined
  const { quote } = createSelectors(target.text, start, end)
  return quote
}

/**
 * The same web page, however its address was written: scheme, "www.", a trailing slash, the fragment and tracking
 * parameters do not make another page.
 */
export function pageKey(address: string): string | undefined {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  for (const key of [...url.searchParams.keys()]) if (/^(?:utm_|fbclid$|gclid$)/i.test(key)) url.searchParams.delete(key)
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : ''
  return `${host}${port}${url.pathname.replace(/\/+$/, '')}${url.search}`
}

/** Whether an annotation names a web page other than this article (one it cannot be about). */
export function forAnotherPage(target: ImportTarget, annotation: Pick<ForeignAnnotation, 'target'>): boolean {
  const theirs = pageKey(annotation.target)
  if (theirs === undefined) return false // a URN, a file or nothing: only the quote can tell
  const ours = target.addresses.map(pageKey).filter((k) => k !== undefined)
  return ours.length > 0 && !ours.includes(theirs)
}

/** What makes an annotation the same one when it is imported again: its id, or when it has none, what it says. */
export function annotationKey(annotation: ForeignAnnotation): string {
  if (annotation.id) return clip(annotation.id, MAX_URL_CHARS)
  const what = JSON.stringify([annotation.target, annotation.quote, annotation.notes.map((n) => n.text), annotation.tags])
  return `urn:factmark:content:${fingerprint(what)}`
}

/** FNV-1a, 64 bits: a short name for content, not a defence (the content itself is in the claim). */
function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n)
  return hash.toString(16).padStart(16, '0')
}

/** Where the annotation's quote is in the text: its words found as they are, found with changes, or not found. */
export function placeQuote(target: ImportTarget, annotation: ForeignAnnotation): { placement: ClaimPlacement; placed: Placed } {
  const given = annotation.quote!
  const quote = {
    exact: given.exact,
    prefix: given.prefix.slice(-MAX_QUOTE_CONTEXT_CHARS),
    suffix: given.suffix.slice(0, MAX_QUOTE_CONTEXT_CHARS)
  }
  const hint = positionHint(target, annotation)
  const notFound = { placement: { quote, position: hint, anchor: { status: 'orphaned' as const, textChanged: false, previousExact: quote.exact } }, placed: 'not-found' as const }
  // Words longer than the whole text are not in it; looking would only cost time.
  if (quote.exact.length > target.text.length) return notFound
  // Looked for as the article's text has them: a page's no-break spaces and the line breaks of its markup are spaces
  // here. Another tool's context may be shorter than ours, or missing: that says nothing about where the text begins.
  const looked = { exact: sameSpaces(quote.exact), prefix: sameSpaces(quote.prefix), suffix: sameSpaces(quote.suffix) }
  const resolved = resolveAnchor(target.text, { quote: looked, position: hint }, { contextEdges: false })
  if (resolved.status === 'orphaned') return notFound
  const { text } = target
  const selectors = createSelectors(text, graphemeAt(text, resolved.start).start, graphemeAt(text, resolved.end - 1).end)
  if (sameSpaces(selectors.quote.exact) === looked.exact) return { placement: selectors, placed: 'placed' }
  return { placement: { ...selectors, anchor: { status: 'moved', textChanged: true, previousExact: quote.exact } }, placed: 'moved' }
}

/** Every run of white space (a no-break space, a line break inside a paragraph) as one space. */
const sameSpaces = (text: string) => text.replace(/\s+/g, ' ')

function positionHint(target: ImportTarget, annotation: ForeignAnnotation): { start: number; end: number } {
  const position = annotation.position
  if (!position) return { start: 0, end: 0 }
  const toUnits = (n: number) => Math.min(position.unit === 'code-points' ? target.converter.fromCodePoints(n) : n, target.text.length)
  const start = toUnits(position.start)
  return { start, end: Math.max(start, toUnits(position.end)) }
}

/**
 * The claim an annotation becomes, before main stamps it (who imported it, when: stamp.ts): its placement, its verdict,
 * its notes by their own authors and times, its tags and sources, and where it came from. Replies in the same file
 * come as further notes.
 */
export function importedClaim(annotation: ForeignAnnotation, placement: ClaimPlacement, replies: readonly ForeignAnnotation[], now: string): Claim {
  const notes = [...annotation.notes, ...replies.flatMap((r) => r.notes)].slice(0, MAX_NOTES_PER_CLAIM).map((n) => noteOf(n, now))
  const links = [...annotation.sources, ...replies.flatMap((r) => r.sources)]
  const sources: Source[] = []
  const urls = new Set<string>()
  for (const given of links) {
    const source = sourceOf(given, annotation.created ?? now)
    if (!source || urls.has(source.url) || sources.length >= MAX_SOURCES_PER_CLAIM) continue
    urls.add(source.url)
    sources.push(source)
  }
  const tags = [...new Set(annotation.tags.map((t) => clip(t.replace(/\s+/g, ' ').trim(), MAX_TAG_CHARS)).filter(Boolean))].slice(0, MAX_TAGS)
  return {
    id: newId(),
    ...placement,
    verdict: annotation.verdict ?? 'unreviewed',
    conclusion: clip(annotation.conclusion ?? '', MAX_CONCLUSION_CHARS),
    claimant: clip(annotation.claimant ?? '', MAX_CLAIMANT_CHARS),
    tags,
    notes,
    sources,
    imported: { annotation: annotationKey(annotation), target: clip(annotation.target, MAX_URL_CHARS), format: annotation.format, author: clip(annotation.author, MAX_REVIEWER_NAME_CHARS) },
    createdBy: '',
    createdAt: now,
    updatedAt: now
  }
}

function noteOf(note: ForeignNote, now: string): Note {
  const author = clip(note.author.trim(), MAX_REVIEWER_NAME_CHARS) || 'Unknown author'
  return { id: newId(), text: clip(note.text, MAX_NOTE_CHARS), by: '', at: note.at ?? now, author }
}

function sourceOf(given: ForeignSource, when: string): Source | undefined {
  const link = checkSourceUrl(given.url)
  if (!link.ok || link.url.length > MAX_URL_CHARS) return undefined
  return {
    id: newId(),
    url: link.url,
    title: clip(given.title, MAX_SOURCE_TITLE_CHARS),
    publisher: clip(given.publisher, MAX_PUBLISHER_CHARS),
    excerpt: clip(given.excerpt, MAX_EXCERPT_CHARS),
    stance: given.stance,
    accessedAt: given.accessedAt ?? when.slice(0, 10),
    by: '',
    at: when
  }
}
