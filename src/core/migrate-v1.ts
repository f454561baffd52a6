// A version-1 article file as a version-2 log. Version 1 kept the document and a log of changes without identity
// (a display name and main's wall-clock time). The log becomes operations with deterministic ids and clock values,
// after a creation operation holding the article as it was first imported; reviewers' names become stable ids. If that
// log does not fold to exactly what the file held (a file edited by hand), a snapshot operation at its end says so and
// sets the state the file had: nothing a reviewer saw is lost.

import { HybridClock } from './clock'
import type { ArticleDocV1, OperationV1 } from './model-v1'
import type { Article, ArticleDoc, Claim, Operation } from './model'
import { fold } from './ops'

export const V1_REPLICA = 'version-1'

/** A stable reviewer id for a version-1 display name: the same name gives the same id, in every article. */
export function reviewerIdForName(name: string): string {
  let hash = 0x811c9dc5
  for (const char of name.normalize('NFC')) {
    hash ^= char.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40)
  return `r-${slug ? `${slug}-` : ''}${hash.toString(36)}`
}

export function migrateV1(v1: ArticleDocV1): Operation[] {
  const id = v1.article.id
  const ops: Operation[] = []
  const person = (name: string) => ({ by: reviewerIdForName(name || 'Unknown reviewer'), name: name || 'Unknown reviewer' })
  let counter = 0
  let rev = `v1.${id}.0`
  // In the log's order, whatever its times said: a version-1 log is a sequence, and main's clock may have gone back. A
  // clock fed the recorded times keeps that order (and never runs out of counter), the same on every machine.
  let wall = 0
  const clock = new HybridClock(() => wall)
  const stamp = (at: string, name: string) => {
    wall = Date.parse(at) || 0
    return { id: `v1.${id}.${counter++}`, ts: clock.next(), replica: V1_REPLICA, ...person(name), at, rev }
  }

  ops.push({ type: 'article.create', article: originalArticle(v1), people: namesIn(v1), ...stamp(v1.article.createdAt, v1.article.createdBy), rev })
  for (const old of v1.log) {
    const op = convert(old, person)
    const stamped = { ...op, ...stamp(old.at, old.by) } as Operation
    ops.push(stamped)
    if (stamped.type === 'article.revise') rev = stamped.id
  }
  const folded = fold(ops)
  if (!sameState(folded, v1)) {
    const last = ops.at(-1)!
    ops.push({
      type: 'article.snapshot',
      article: withPeople(v1.article, person),
      claims: v1.claims.map((c) => withAuthors(c, person)),
      reason: 'the version-1 file held changes its log did not record',
      ...stamp(last.at, last.name)
    } as Operation)
  }
  return ops
}

/** Every name the file holds (authors of claims, notes and sources, who need not have made any change), by id. */
function namesIn(v1: ArticleDocV1): Record<string, string> {
  const names = [v1.article.createdBy, ...v1.log.map((op) => op.by)]
  for (const claim of [...v1.claims, ...v1.log.flatMap((op) => ('claim' in op ? [op.claim] : []))]) {
    names.push(claim.createdBy, ...claim.notes.map((n) => n.by), ...claim.sources.map((s) => s.by))
  }
  return Object.fromEntries(names.filter(Boolean).map((name) => [reviewerIdForName(name), name]))
}

/** The article as first imported: before any rename or revision in its log. */
function originalArticle(v1: ArticleDocV1): Article {
  const firstRename = v1.log.find((op) => op.type === 'article.rename')
  const firstRevise = v1.log.find((op) => op.type === 'article.revise')
  const { links: _links, ...article } = v1.article
  return {
    ...article,
    createdBy: reviewerIdForName(v1.article.createdBy || 'Unknown reviewer'),
    updatedAt: v1.article.createdAt,
    ...(firstRename?.type === 'article.rename' ? { title: firstRename.previous } : {}),
    ...(firstRevise?.type === 'article.revise'
      ? { text: firstRevise.previous.text, blocks: firstRevise.previous.blocks, ...(firstRevise.previous.links ? { links: firstRevise.previous.links } : {}) }
      : v1.article.links
        ? { links: v1.article.links }
        : {})
  }
}

type Person = (name: string) => { by: string; name: string }

function convert(op: OperationV1, person: Person) {
  const { by: _by, at: _at, ...body } = op
  switch (body.type) {
    case 'claim.create':
    case 'claim.delete':
      return { ...body, claim: withAuthors(body.claim, person) }
    case 'claim.addNote':
    case 'claim.deleteNote':
      return { ...body, note: { ...body.note, by: person(body.note.by).by } }
    case 'claim.addSource':
    case 'claim.deleteSource':
      return { ...body, source: { ...body.source, by: person(body.source.by).by } }
    default:
      return body
  }
}

function withAuthors(claim: Claim, person: Person): Claim {
  return {
    ...claim,
    createdBy: person(claim.createdBy).by,
    notes: claim.notes.map((n) => ({ ...n, by: person(n.by).by })),
    sources: claim.sources.map((s) => ({ ...s, by: person(s.by).by }))
  }
}

function withPeople(article: Article, person: Person): Article {
  return { ...article, createdBy: person(article.createdBy).by }
}

/** The fold of the converted log against the file: the same article and claims (authors as ids, `verdicts` aside). */
function sameState(doc: ArticleDoc, v1: ArticleDocV1): boolean {
  const person: Person = (name) => ({ by: reviewerIdForName(name || 'Unknown reviewer'), name })
  const plain = (claims: readonly Claim[]) => claims.map(({ verdicts: _verdicts, ...c }) => c)
  const expected = { article: withPeople(v1.article, person), claims: plain(v1.claims.map((c) => withAuthors(c, person))) }
  return JSON.stringify(canonical({ article: doc.article, claims: plain(doc.claims) })) === JSON.stringify(canonical(expected))
}

/** Key order does not matter when comparing states. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
  }
  return value
}
