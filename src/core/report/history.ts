// The change history as reports print it: the operation log, told one line per change.

import type { ArticleDoc, Operation } from '../model'
import { claimIdOf, claimOperations, describeOperation, NO_EFFECT, personName, withoutEffect, type HistoryOptions } from '../history'
import { utcMinute } from './dates'

export { claimIdOf, describeOperation }

export interface HistoryLine {
  at: string
  /** "2026-11-28 09:04 UTC" */
  when: string
  /** Who, by name (the reviewer's name now; see personName). */
  by: string
  /** What was done, e.g. "set the verdict to Disputed (was Unreviewed)". */
  what: string
}

function lines(doc: ArticleDoc, ops: readonly Operation[], options: HistoryOptions): HistoryLine[] {
  const idle = withoutEffect(doc.log)
  return ops.map((op) => ({
    at: op.at,
    when: utcMinute(op.at),
    by: personName(doc.people, op.by),
    what: `${describeOperation(op, options)}${idle.has(op.id) ? ` (${NO_EFFECT})` : ''}`
  }))
}

/** The changes to one claim, in the order they were made. */
export function claimHistory(doc: ArticleDoc, claimId: string, options: HistoryOptions): HistoryLine[] {
  return lines(doc, claimOperations(doc.log, claimId), options)
}

/**
 * The changes that belong to no claim in the document: renaming the article, and everything about claims
 * that have since been deleted. (Changes to claims that are in the document but left out of the report, such
 * as unreviewed ones, stay out.)
 */
export function articleHistory(doc: ArticleDoc, options: HistoryOptions): HistoryLine[] {
  const present = new Set(doc.claims.map((c) => c.id))
  return lines(
    doc,
    doc.log.filter((op) => {
      const id = claimIdOf(op)
      return id === undefined || !present.has(id)
    }),
    options
  )
}
