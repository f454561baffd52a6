// The arithmetic cross-check: the quantities of an article and the relations that must hold between them (parts
// and totals, percentage changes, multiples, shares of a whole, differences), each found consistent, inconsistent
// or not checkable. Pure: no I/O, no DOM.

import { checkText, findQuantitiesIn } from './check'
import type { Finding, Quantity } from './types'

export type { Finding, FindingKind, FindingStatus, Quantity, QuantityUnit } from './types'

/** The quantities of `text`, in text order, lines taken as paragraphs. */
export function findQuantities(text: string): Quantity[] {
  return findQuantitiesIn(text)
}

/** The findings of `text`; `blocks` are its paragraphs (without them, lines are paragraphs). */
export function checkNumbers(text: string, blocks?: readonly { start: number; end: number }[]): Finding[] {
  return checkText(text, blocks)
}
