// The change history as reports print it: the operation log, told one line per change.

import type { ArticleDoc, Operation } from '../model'
import { claimIdOf, describeOperation, touchesClaim, type HistoryOptions } from '../history'
import { utcMinute } from './dates'

export { claimIdOf, describeOperation }

export interface HistoryLine {
  at: string
  /** "2026-11-28 09:04 UTC" */
  when: string
  by: string
  /** What was done, e.g. "set the verdict to Disputed (was Unreviewed)". */
  what: string
}

function line(op: Operation, options: HistoryOptions): HistoryLine {
  return { at: op.at, when: utcMinute(op.at), by: op.by, what: describeOperation(op, options) }
}

/** The changes to one claim, in the order they were made. */
export function claimHistory(doc: ArticleDoc, claimId: string, options: HistoryOptions): HistoryLine[] {
  return doc.log.filter((op) => touchesClaim(op, claimId)).map((op) => line(op, options))
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
