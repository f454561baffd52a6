// What importing a file of annotations into an article does, worked out before anything is saved: the claims it adds
// and how each was placed, what is left out and why. Main saves the claims in one write (or none); the words for the
// result are here, the same in the app and the CLI.

import { z } from 'zod'
import { FactmarkError } from '../errors'
import { MAX_CLAIMS } from '../limits'
import type { ArticleDoc, Claim } from '../model'
import type { ForeignAnnotation } from './foreign'
import type { AnnotationFormat } from './formats'
import { annotationKey, forAnotherPage, importedClaim, importTarget, placeQuote, quoteFromPosition } from './place'
import type { AnnotationFile } from './read-file'

const count = z.number().int().nonnegative()

/** What an import did: how its claims were placed, and what it left out and why. */
export const ImportCounts = z.object({
  placed: count,
  moved: count,
  notFound: count,
  /** Imported before (or Factmark's own export of claims already here): nothing added. */
  already: count,
  /** Made on another web page than this article. */
  otherPage: count,
  /** With no words to place (page notes, or selectors into markup only). */
  noQuote: count,
  /** Replies kept as notes on the claim of their thread, and those whose thread is not in the file. */
  replies: count,
  lostReplies: count
})
export type ImportCounts = z.infer<typeof ImportCounts>

export interface ImportPlan {
  format: AnnotationFormat
  claims: Claim[]
  counts: ImportCounts
}

export interface ImportChoices {
  /** Import annotations made on another web page too (the reviewer says it is the same article). */
  anyPage?: boolean
  now: string
  /** Called between annotations, so that a long import lets other work run. */
  pause?: () => Promise<void>
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

export async function planImport(doc: ArticleDoc, file: AnnotationFile, choices: ImportChoices): Promise<ImportPlan> {
  const target = importTarget(doc)
  const counts: ImportCounts = { placed: 0, moved: 0, notFound: 0, already: 0, otherPage: 0, noQuote: 0, replies: 0, lostReplies: 0 }
  const roots: ForeignAnnotation[] = []
  const replies = new Map<string, ForeignAnnotation[]>()
  const seen = new Set<string>()
  for (const annotation of file.annotations) {
    const key = annotationKey(annotation)
    if (seen.has(key)) continue // the same annotation twice in one file
    seen.add(key)
    const root = annotation.replyTo?.[0]
    if (root !== undefined && !annotation.quote) replies.set(root, [...(replies.get(root) ?? []), annotation])
    else roots.push(annotation)
  }
  const otherPages = roots.filter((a) => forAnotherPage(target, a))
  if (!choices.anyPage && otherPages.length > 0 && otherPages.length === roots.length) {
    throw new FactmarkError('conflict', anotherPageMessage(otherPages[0]!.target, target.addresses[0] ?? ''))
  }

  const claims: Claim[] = []
  const placedRoots = new Set<string>()
  for (const annotation of roots) {
    await choices.pause?.()
    const key = annotationKey(annotation)
    if (target.known.has(key)) {
      counts.already++
      continue
    }
    if (!choices.anyPage && forAnotherPage(target, annotation)) {
      counts.otherPage++
      continue
    }
    const quote = annotation.quote?.exact.trim() ? annotation.quote : quoteFromPosition(target, annotation)
    if (!quote) {
      counts.noQuote++
      continue
    }
    const { placement, placed } = placeQuote(target, { ...annotation, quote })
    counts[placed === 'placed' ? 'placed' : placed === 'moved' ? 'moved' : 'notFound']++
    const thread = annotation.id ? (replies.get(annotation.id) ?? []) : []
    counts.replies += thread.length
    if (annotation.id) placedRoots.add(annotation.id)
    claims.push(importedClaim(annotation, placement, thread, choices.now))
  }
  for (const [root, thread] of replies) {
    if (placedRoots.has(root)) continue
    // Their thread was imported before: they came with it then.
    if (target.known.has(root)) counts.already += thread.length
    else counts.lostReplies += thread.length
  }
  if (doc.claims.length + claims.length > MAX_CLAIMS) {
    throw new FactmarkError(
      'too-large',
      `The file would bring ${plural(claims.length, 'claim')}, and an article holds at most ${plural(MAX_CLAIMS, 'claim')} (this one has ${doc.claims.length.toLocaleString('en-US')}). Nothing was imported.`
    )
  }
  return { format: file.format, claims, counts }
}

export function anotherPageMessage(theirs: string, ours: string): string {
  return `These annotations were made on ${theirs.slice(0, 200)}, not on this article (${ours.slice(0, 200)}). Nothing was imported; import them anyway only if it is the same article.`
}

/** "3 placed, 1 moved, 2 not found", and what was left out: how the result of an import is told everywhere. */
export function importSummary(counts: ImportCounts): string {
  const main = `${counts.placed.toLocaleString('en-US')} placed, ${counts.moved.toLocaleString('en-US')} moved, ${counts.notFound.toLocaleString('en-US')} not found`
  const more = [
    counts.replies ? `${plural(counts.replies, 'reply', 'replies')} kept as notes` : '',
    counts.already ? `${plural(counts.already, 'annotation')} already here` : '',
    counts.otherPage ? `${plural(counts.otherPage, 'annotation')} made on another page left out` : '',
    counts.noQuote ? `${plural(counts.noQuote, 'annotation')} without quoted text left out` : '',
    counts.lostReplies ? `${plural(counts.lostReplies, 'reply', 'replies')} to annotations not in the file left out` : ''
  ].filter(Boolean)
  return more.length ? `${main}; ${more.join(', ')}` : main
}
