// The change history as reports print it: the operation log, told one line per change.

import type { ArticleDoc, Operation } from '../model'
import { utcMinute } from './dates'
import { verdictLabel, type ReportOptions } from './options'

export interface HistoryLine {
  at: string
  /** "2026-11-28 09:04 UTC" */
  when: string
  by: string
  /** What was done, e.g. "set the verdict to Disputed (was Unreviewed)". */
  what: string
}

/** The id of the claim an operation is about, if any. */
export function claimIdOf(op: Operation): string | undefined {
  if (op.type === 'claim.create') return op.claim.id
  return 'claimId' in op ? op.claimId : undefined
}

type HistoryOptions = Pick<ReportOptions, 'verdictLabels' | 'includeNotes'> & {
  /**
   * Wrap quoted user text in Unicode directional isolates (FSI … PDI), so that an Arabic or Hebrew quote does
   * not reorder the English sentence around it. For HTML; plain-text formats leave them out.
   */
  isolate?: boolean
}

/** Cuts by code points, so that a cut never leaves half a surrogate pair. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')
}

/** One change as a reviewer would say it. Without notes in the report, note text is not quoted here either. */
export function describeOperation(op: Operation, options: HistoryOptions): string {
  const quoted = (text: string, max = 80) => (options.isolate ? `“\u2068${shorten(text, max)}\u2069”` : `“${shorten(text, max)}”`)
  const note = (text: string) => (options.includeNotes ? ` ${quoted(text)}` : '')
  switch (op.type) {
    case 'article.rename':
      return `renamed the article to ${quoted(op.title)} (was ${quoted(op.previous)})`
    case 'claim.create':
      return `marked the claim ${quoted(op.claim.quote.exact)}`
    case 'claim.delete':
      return `deleted the claim ${quoted(op.claim.quote.exact)}`
    case 'claim.setVerdict':
      return `set the verdict to ${verdictLabel(options, op.verdict)} (was ${verdictLabel(options, op.previous)})`
    case 'claim.setConclusion':
      return op.conclusion ? `wrote the conclusion ${quoted(op.conclusion)}` : 'cleared the conclusion'
    case 'claim.setClaimant':
      return op.claimant ? `set the claimant to ${quoted(op.claimant)}` : 'cleared the claimant'
    case 'claim.setTags':
      return op.tags.length ? `set the tags to ${op.tags.map((t) => quoted(t, 40)).join(', ')}` : 'removed the tags'
    case 'claim.addNote':
      return `added a note${note(op.note.text)}`
    case 'claim.editNote':
      return `edited a note${options.includeNotes ? ` to ${quoted(op.text)}` : ''}`
    case 'claim.deleteNote':
      return `deleted a note${note(op.note.text)}`
    case 'claim.addSource':
      return `added the source ${quoted(op.source.title || op.source.url)} (${op.source.stance})`
    case 'claim.deleteSource':
      return `removed the source ${quoted(op.source.title || op.source.url)}`
  }
}

function line(op: Operation, options: HistoryOptions): HistoryLine {
  return { at: op.at, when: utcMinute(op.at), by: op.by, what: describeOperation(op, options) }
}

/** The changes to one claim, in the order they were made. */
export function claimHistory(doc: ArticleDoc, claimId: string, options: HistoryOptions): HistoryLine[] {
  return doc.log.filter((op) => claimIdOf(op) === claimId).map((op) => line(op, options))
}

/**
 * The changes that belong to no claim in the document: renaming the article, and everything about claims
 * that have since been deleted. (Changes to claims that are in the document but left out of the report, such
 * as unreviewed ones, stay out.)
 */
export function articleHistory(doc: ArticleDoc, options: HistoryOptions): HistoryLine[] {
  const present = new Set(doc.claims.map((c) => c.id))
  return doc.log
    .filter((op) => {
      const id = claimIdOf(op)
      return id === undefined || !present.has(id)
    })
    .map((op) => line(op, options))
}
