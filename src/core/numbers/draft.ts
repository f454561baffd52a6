// A number as read so far, before it becomes a quantity; shared by the readers and the scanner.

import type { Q, Reading } from './types'
import { ordinalValue } from './number-words'

/** Everything learned about one number before it becomes a quantity. */
export interface Draft {
  start: number
  coreStart: number
  end: number
  value: number
  decimals: number
  scale: number
  unit: string | null
  kind: Q['kind']
  word: boolean
  tol?: number
  reading?: Reading
  noun: string | null
  hedge?: NonNullable<Q['hedge']>
}

export function decimalsOf(digits: string): number {
  const dot = digits.indexOf('.')
  return dot < 0 ? 0 : digits.length - dot - 1
}

/** Number(`${digits}e${exp}`) is exact where digits × 10^exp in floating point is not (294.6 × 1e6). */
export function scaled(digits: string, scale: number): number {
  const exp = Math.log10(scale)
  return Number.isInteger(exp) ? Number(`${digits}e${exp}`) : Number(digits) * scale
}

export function readOrdinal(local: number, word: string): Draft | null {
  const value = ordinalValue(word)
  if (value === undefined) return null
  return { start: local, coreStart: local, end: local + word.length, value, decimals: 0, scale: 1, unit: null, kind: 'rank', word: true, noun: null }
}

