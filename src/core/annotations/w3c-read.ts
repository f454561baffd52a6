// W3C Web Annotations (https://www.w3.org/TR/annotation-model/) as JSON-LD, in the compact form the model's context gives
// and Factmark's own export writes: an AnnotationCollection (its first page embedded), an AnnotationPage, one
// Annotation, or a list of them. Each annotation's target gives the quote and position; its bodies give notes, tags,
// links and, from Factmark, the verdict, conclusion and claimant (report/w3c.ts writes them; this reads them back).

import { DEFAULT_VERDICT_LABELS, STANCES, VERDICTS, type Stance, type Verdict } from '../model'
import { DISAGREEMENT_LABEL } from '../report/disagreement'
import { CLAIMANT_PREFIX, GENERATOR_ID, STANCE_PHRASES, TITLE_PUBLISHER_JOIN, conclusionIri, verdictIri } from '../report/w3c'
import { PLACEMENT_SENTENCES, WORDING_WORDS } from '../placement-words'
import { htmlToText, linksIn } from './body-text'
import type { ForeignAnnotation, ForeignPosition, ForeignQuote, ForeignSource } from './foreign'
import { integer, isObject, isoTime, listOf, termsOf, text, type JsonObject } from './json-values'

export const NOT_W3C = 'It is not a W3C annotation, page or collection.'

export const isW3cAnnotation = (value: unknown): boolean => isObject(value) && termsOf(value.type).includes('annotation')

/** The annotations a W3C document holds, or a sentence saying why it holds none that can be read. */
export function w3cAnnotations(root: unknown): JsonObject[] | string {
  const items = (page: unknown): unknown[] | undefined => (isObject(page) && termsOf(page.type).includes('annotationpage') ? listOf(page.items) : undefined)
  if (Array.isArray(root)) return root.filter(isW3cAnnotation) as JsonObject[]
  if (!isObject(root)) return NOT_W3C
  const types = termsOf(root.type)
  if (types.includes('annotation')) return [root]
  if (types.includes('annotationpage')) return (items(root) ?? []).filter(isW3cAnnotation) as JsonObject[]
  if (types.includes('annotationcollection')) {
    const found: unknown[] = []
    // Pages embedded one after another (first, then each one's next); a page named only by its address is elsewhere.
    let page: unknown = root.first
    for (let n = 0; page !== undefined && n < 10_000; n++) {
      if (typeof page === 'string') {
        if (found.length) break
        return `The collection's annotations are not in this file: it points to them at ${page.slice(0, 200)}.`
      }
      const held = items(page)
      if (!held) break
      found.push(...held)
      page = isObject(page) ? page.next : undefined
    }
    return found.filter(isW3cAnnotation) as JsonObject[]
  }
  return NOT_W3C
}

const bodyText = (body: JsonObject): string | undefined => {
  const value = text(body.value) ?? text(body.chars) // `chars`: the older Open Annotation name
  if (value === undefined) return undefined
  const format = text(body.format)?.toLowerCase() ?? ''
  return (format.includes('html') ? htmlToText(value) : value).trim()
}

/** "Alice", from a creator given as a name, a Person, an account address or a list of them. */
export function creatorName(value: unknown): string {
  for (const creator of listOf(value)) {
    if (typeof creator === 'string') return nameFromAccount(creator)
    if (isObject(creator)) {
      const name = text(creator.name) ?? text(creator.nickname) ?? text(creator.id)
      if (name?.trim()) return nameFromAccount(name)
    }
  }
  return ''
}

/** "acct:alice@hypothes.is" → "alice", "mailto:bo@example.org" → "bo"; anything else (a name, a web address) as it is. */
export function nameFromAccount(value: string): string {
  const trimmed = value.trim()
  const account = /^(?:acct|mailto):([^@\s]+)@/i.exec(trimmed)
  return (account ? account[1]! : trimmed).slice(0, 200)
}

function quoteOf(selector: JsonObject): ForeignQuote | undefined {
  const exact = text(selector.exact)
  return exact ? { exact, prefix: text(selector.prefix) ?? '', suffix: text(selector.suffix) ?? '' } : undefined
}

function positionOf(selector: JsonObject, unit: ForeignPosition['unit']): ForeignPosition | undefined {
  const start = integer(selector.start)
  const end = integer(selector.end)
  return start !== undefined && end !== undefined && start < end ? { start, end, unit } : undefined
}

export interface Selected {
  quote?: ForeignQuote
  position?: ForeignPosition
}

/**
 * The quote and position among a target's selectors, however nested: refinedBy chains, and RangeSelectors whose start
 * and end are themselves quote or position selectors (XPath and CSS ones point into a page's markup, which an article
 * does not have: they are passed over). A RangeSelector's range runs from the start of its first to the start of its
 * second selection, as the model defines it.
 */
export function readSelectors(selectors: unknown, unit: ForeignPosition['unit']): Selected {
  const found: Selected = {}
  const visit = (value: unknown, depth: number) => {
    if (!isObject(value) || depth > 8) return
    // A refinement narrows what it refines: its quote is the words meant, so it is read first. Its position counts
    // from the start of the outer selection, not of the text, so only the outermost position is a hint.
    for (const refined of listOf(value.refinedBy)) visit(refined, depth + 1)
    const type = termsOf(value.type)
    if (type.includes('textquoteselector')) found.quote ??= quoteOf(value)
    else if (depth > 0) return
    else if (type.includes('textpositionselector')) found.position ??= positionOf(value, unit)
    else if (type.includes('rangeselector') && !found.position) {
      const start = isObject(value.startSelector) && termsOf(value.startSelector.type).includes('textpositionselector') ? integer(value.startSelector.start) : undefined
      const end = isObject(value.endSelector) && termsOf(value.endSelector.type).includes('textpositionselector') ? integer(value.endSelector.start) : undefined
      if (start !== undefined && end !== undefined && start < end) found.position = { start, end, unit }
    }
  }
  for (const selector of listOf(selectors)) visit(selector, 0)
  return found
}

const PHRASE_STANCE = new Map<string, Stance>(STANCES.map((s) => [STANCE_PHRASES[s], s]))

/** A linking body: the page it points to, and from Factmark's label how it bears on the claim and when it was read. */
function sourceFrom(body: JsonObject | string, fromFactmark: boolean): ForeignSource | undefined {
  const resource = typeof body === 'string' ? body : isObject(body.source) ? text(body.source.id) : (text(body.source) ?? text(body.id))
  if (!resource) return undefined
  const title = (isObject(body) && isObject(body.source) ? text(body.source.label) : undefined) ?? (isObject(body) ? text(body.title) : undefined) ?? ''
  const selector = isObject(body) ? listOf(body.selector).find((s) => isObject(s) && termsOf(s.type).includes('textquoteselector')) : undefined
  const source: ForeignSource = { url: resource, title: title.trim(), publisher: '', excerpt: isObject(selector) ? (text(selector.exact) ?? '') : '', stance: 'context' }
  const label = isObject(body) ? text(body.label) : undefined
  if (label && fromFactmark) {
    const parsed = /^(.*?)(?:: (.*))? \(accessed (\d{4}-\d{2}-\d{2})\)$/s.exec(label)
    const stance = parsed ? PHRASE_STANCE.get(parsed[1]!) : undefined
    if (parsed && stance) {
      source.stance = stance
      source.accessedAt = parsed[3]
      const what = parsed[2] ?? ''
      const afterTitle = source.title && what.startsWith(source.title + TITLE_PUBLISHER_JOIN) ? what.slice(source.title.length + TITLE_PUBLISHER_JOIN.length) : ''
      source.publisher = afterTitle || (!source.title && what ? what : '')
    }
  } else if (label && !source.title) {
    source.title = label.trim()
  }
  return source
}

/** Factmark's own bodies that say where a claim stood when exported: derived again here, so not kept. */
const DERIVED_PREFIXES = [DISAGREEMENT_LABEL + ':', `Verdict ${WORDING_WORDS.verdictForEarlier}:`, ...Object.values(PLACEMENT_SENTENCES).filter(Boolean)]

function verdictFrom(body: JsonObject, value: string, labels: Readonly<Record<Verdict, string>>): Verdict | undefined {
  const byId = VERDICTS.find((v) => verdictIri(v) === text(body.id))
  if (byId) return byId
  const said = value.trim().toLowerCase()
  return VERDICTS.find((v) => labels[v].trim().toLowerCase() === said || DEFAULT_VERDICT_LABELS[v].toLowerCase() === said)
}

/** One W3C annotation as Factmark reads it (its target checked against the article later, in place.ts). */
export function readW3cAnnotation(annotation: JsonObject, labels: Readonly<Record<Verdict, string>>): ForeignAnnotation {
  const fromFactmark = listOf(annotation.generator).some((g) => (isObject(g) ? text(g.id) : text(g)) === GENERATOR_ID)
  const author = creatorName(annotation.creator)
  const created = isoTime(annotation.created)
  const target = listOf(annotation.target)[0]
  const selected = isObject(target) ? readSelectors(target.selector, 'code-points') : {}
  const targetIri = typeof target === 'string' ? target : isObject(target) ? (text(target.source) ?? text(target.id) ?? '') : ''

  const read: ForeignAnnotation = {
    format: 'w3c',
    id: text(annotation.id) ?? text(annotation['@id']) ?? '',
    target: targetIri,
    author,
    ...(created ? { created } : {}),
    ...selected,
    notes: [],
    tags: [],
    sources: []
  }
  const noteLinks: ForeignSource[] = []
  const note = (words: string, body?: JsonObject) => {
    if (!words) return
    const at = (body && isoTime(body.created)) ?? created
    read.notes.push({ text: words, author: (body && creatorName(body.creator)) || author, ...(at ? { at } : {}) })
    // Factmark's own export gives its sources as bodies; a link inside one of its notes is only words of the note.
    if (!fromFactmark) for (const link of linksIn(words)) noteLinks.push({ url: link.url, title: link.title, publisher: '', excerpt: '', stance: 'context' })
  }
  const bodyValue = text(annotation.bodyValue)
  if (bodyValue) note(bodyValue.trim())
  for (const body of listOf(annotation.body)) {
    if (typeof body === 'string') {
      const source = sourceFrom(body, fromFactmark)
      if (source) read.sources.push(source)
      continue
    }
    if (!isObject(body)) continue
    const purposes = termsOf(body.purpose)
    const value = bodyText(body)
    if (value === undefined) {
      // Not words: a resource the annotation links to.
      const source = sourceFrom(body, fromFactmark)
      if (source) read.sources.push(source)
      continue
    }
    if (purposes.includes('tagging')) read.tags.push(value)
    else if (purposes.includes('classifying')) {
      if (!fromFactmark) read.tags.push(value) // Factmark's own say where the claim stood, which placement works out anew
    } else if (purposes.includes('assessing')) {
      const verdict = verdictFrom(body, value, labels)
      if (verdict && read.verdict === undefined) read.verdict = verdict
      else note(value, body)
    } else if (purposes.includes('describing') && fromFactmark) {
      if (text(body.id)?.startsWith(CONCLUSION_IRI_PREFIX) && read.conclusion === undefined) read.conclusion = value
      else if (value.startsWith(CLAIMANT_PREFIX)) read.claimant = value.slice(CLAIMANT_PREFIX.length).trim()
      else if (DERIVED_PREFIXES.some((p) => value.startsWith(p))) continue
      else note(value, body)
    } else note(value, body)
  }
  // Sources given as their own bodies first: where a note links to the same page, the source keeps its title and stance.
  read.sources.push(...noteLinks)
  return read
}

const CONCLUSION_IRI_PREFIX = conclusionIri('')
