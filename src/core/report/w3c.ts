// The claims as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), JSON-LD: an AnnotationCollection
// whose one page holds an Annotation per claim, motivated by "assessing". The target is the article with a
// TextQuoteSelector and, while the stored position still selects the quote in the current text, a
// TextPositionSelector counted in Unicode code points as the model requires (Factmark stores UTF-16 offsets,
// hence the conversion). A claim not found in the current text keeps its earlier words as its quote and has no
// position. Where a claim stands after an update travels in bodies: a "tagging" one with the short label
// ("Not found") and a "describing" one with the sentence and the earlier words.

import { codePointConverter } from '../anchoring/code-points'
import { checkSourceUrl } from '../links'
import type { ArticleDoc, Claim, Note, Source, Stance, Verdict } from '../model'
import { inQuotes, personName } from '../history'
import { WORDING_WORDS } from '../placement-words'
import { utcIso } from './dates'
import { DISAGREEMENT_LABEL, disagreementText } from './disagreement'
import { embeddableJson } from './json'
import { reportedClaims, verdictLabel, type ReportOptions } from './options'
import { inCurrentText, standingOf } from './standing'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined }
// An optional property is undefined: JSON.stringify leaves its key out. (Deleting such keys instead would turn tens of
// thousands of objects into slow dictionaries just before printing them: twice the time of the whole export.)
type JsonObject = { [key: string]: Json | undefined }

export const claimIri = (claimId: string) => `urn:factmark:claim:${claimId}`
export const articleIri = (articleId: string) => `urn:factmark:article:${articleId}`

/** The article's own web address when it came from one, else a URN naming it. */
export function articleSourceIri(doc: ArticleDoc): string {
  const url = doc.article.origin.url
  const checked = url ? checkSourceUrl(url) : undefined
  return checked?.ok ? checked.url : articleIri(doc.article.id)
}

export const GENERATOR_ID = 'urn:factmark:software'
const GENERATOR: JsonObject = { id: GENERATOR_ID, type: 'Software', name: 'Factmark' }

function person(name: string): JsonObject | undefined {
  return name.trim() ? { type: 'Person', name: name.trim() } : undefined
}

function textBody(value: string, purpose: string, extra: JsonObject = {}): JsonObject {
  return ({ type: 'TextualBody', purpose, value, format: 'text/plain', ...extra })
}

type People = Pick<ArticleDoc, 'people'>

function noteBody(doc: People, note: Note): JsonObject {
  return textBody(note.text, 'commenting', {
    creator: person(note.author ?? personName(doc.people, note.by)),
    created: utcIso(note.at),
    modified: note.editedAt ? utcIso(note.editedAt) : undefined
  })
}

/**
 * A source links the claim to a web page: a SpecificResource (only those and textual bodies may carry a purpose)
 * whose source is the page, labelled with its title; the excerpt the reviewer quoted from the page is its
 * TextQuoteSelector, and the label says how the source bears on the claim.
 */
/** How a source's label says it bears on the claim; the importer reads them back (core/annotations/w3c-read.ts). */
export const STANCE_PHRASES: Record<Stance, string> = { supports: 'Supports the claim', refutes: 'Refutes the claim', context: 'Context' }
/** What joins a source's title and publisher in its label. */
export const TITLE_PUBLISHER_JOIN = ' — '
/** Bodies that tell a claim's claimant start with this. */
export const CLAIMANT_PREFIX = 'Claimant: '
/** The id of a verdict's body: what says which verdict it is, whatever the workspace calls it. */
export const verdictIri = (verdict: Verdict) => `urn:factmark:verdict:${verdict}`
/** The id of a claim's conclusion body: what tells it from the other describing bodies when it is read back. */
export const conclusionIri = (claimId: string) => `urn:factmark:conclusion:${claimId}`

function sourceBody(doc: People, source: Source): JsonObject {
  const creator = person(personName(doc.people, source.by))
  const checked = checkSourceUrl(source.url)
  const what = [source.title.trim(), source.publisher.trim()].filter(Boolean).join(TITLE_PUBLISHER_JOIN)
  const label = `${STANCE_PHRASES[source.stance]}${what ? `: ${what}` : ''} (accessed ${source.accessedAt})`
  if (!checked.ok) {
    // Not a web link (sources are checked when added, so only old or hand-edited data): describe it in words.
    return textBody(`${label}${source.url.trim() ? ` ${source.url.trim()}` : ''}`, 'describing', { creator, created: utcIso(source.at) })
  }
  return ({
    type: 'SpecificResource',
    purpose: 'linking',
    label,
    source: ({ id: checked.url, type: 'Text', label: source.title.trim() || undefined }),
    selector: source.excerpt.trim() ? { type: 'TextQuoteSelector', exact: source.excerpt } : undefined,
    creator,
    created: utcIso(source.at)
  })
}

/** Where the claim stands, for a claim that needs a look; none for one in place with a confirmed verdict. */
function standingBodies(claim: Claim): JsonObject[] {
  const standing = standingOf(claim)
  const bodies: JsonObject[] = []
  if (standing.label) {
    const previous = claim.anchor?.previousExact
    const words = previous !== undefined && standing.state !== 'moved' ? ` ${WORDING_WORDS.earlier}: ${inQuotes(previous)}.` : ''
    // classifying, not tagging: where the claim stands is Factmark's finding, not one of the reviewer's tags
    bodies.push(textBody(standing.label, 'classifying'), textBody(`${standing.sentence}${words}`, 'describing'))
  }
  if (standing.verdictFor !== undefined) bodies.push(textBody(`Verdict ${WORDING_WORDS.verdictForEarlier}: ${inQuotes(standing.verdictFor)}.`, 'describing'))
  return bodies
}

function annotation(doc: ArticleDoc, claim: Claim, toCodePoints: (utf16: number) => number, options: ReportOptions): JsonObject {
  const selectors: Json[] = [{ type: 'TextQuoteSelector', exact: claim.quote.exact, prefix: claim.quote.prefix, suffix: claim.quote.suffix }]
  const { start, end } = claim.position
  // A position that does not select the quote in the current text (it was edited, or the claim was not found
  // there) would point at the wrong words: leave it out.
  if (inCurrentText(doc.article.text, claim)) {
    selectors.push({ type: 'TextPositionSelector', start: toCodePoints(start), end: toCodePoints(end) })
  }
  const bodies: Json[] = [textBody(verdictLabel(options, claim.verdict), 'assessing', { id: verdictIri(claim.verdict) }), ...standingBodies(claim)]
  // While reviewers disagree, the verdict above is only the latest: each reviewer's is said beside it.
  const disagreement = disagreementText(doc, claim, options)
  if (disagreement) bodies.push(textBody(`${DISAGREEMENT_LABEL}: ${disagreement}.`, 'describing'))
  if (claim.conclusion.trim()) bodies.push(textBody(claim.conclusion, 'describing', { id: conclusionIri(claim.id) }))
  if (options.includeNotes) bodies.push(...claim.notes.map((n) => noteBody(doc, n)))
  bodies.push(...claim.sources.map((s) => sourceBody(doc, s)))
  bodies.push(...claim.tags.filter((t) => t.trim()).map((t) => textBody(t, 'tagging')))
  if (claim.claimant.trim()) bodies.push(textBody(`${CLAIMANT_PREFIX}${claim.claimant.trim()}`, 'describing'))

  return ({
    id: claimIri(claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: utcIso(claim.createdAt),
    modified: utcIso(claim.updatedAt),
    generated: utcIso(options.generatedAt),
    creator: person(personName(doc.people, claim.createdBy)),
    generator: GENERATOR,
    body: bodies,
    target: { type: 'SpecificResource', source: articleSourceIri(doc), selector: selectors }
  })
}

export function exportW3c(doc: ArticleDoc, options: ReportOptions): string {
  return [...w3cPieces(doc, options)].join('')
}

/** Where the annotations go in the collection as printed: `first.items`, three levels in. */
const ITEMS = '"items": []'
const ITEM_INDENT = '\n      '

/**
 * The W3C export in pieces that join into it, an annotation at a time, so that the caller can give other work a
 * turn between them. The collection is pretty-printed and each annotation is one line in it: as readable, diffable
 * and greppable, and printed in half the time and two thirds of the bytes of an indented 10,000.
 */
export function* w3cPieces(doc: ArticleDoc, options: ReportOptions): Generator<string> {
  const converter = codePointConverter(doc.article.text)
  const claims = reportedClaims(doc, options)
  const collectionId = `urn:factmark:annotations:${doc.article.id}`
  const collection = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Fact-check of ${inQuotes(doc.article.title.replace(/\s+/g, ' ').trim())}`,
    total: claims.length,
    generated: utcIso(options.generatedAt),
    generator: GENERATOR,
    first: { id: `${collectionId}:page:1`, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items: [] }
  }
  const frame = embeddableJson(collection)
  if (claims.length === 0) return yield `${frame}\n`
  // The last key of the last object: no string can hold it, as its quotes would be escaped there.
  const at = frame.lastIndexOf(ITEMS) + ITEMS.length - 2
  yield `${frame.slice(0, at)}[`
  for (const [i, { claim }] of claims.entries()) {
    const item = embeddableJson(annotation(doc, claim, converter.toCodePoints, options), 0)
    yield `${i ? ',' : ''}${ITEM_INDENT}${item}`
  }
  yield `\n    ]${frame.slice(at + 2)}\n`
}
