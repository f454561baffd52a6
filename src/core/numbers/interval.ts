// Closed intervals of possible true values, and the arithmetic the relations need on them.

export interface Interval {
  lo: number
  hi: number
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi }
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo }
}

export function sum(items: readonly Interval[]): Interval {
  return items.reduce(add, { lo: 0, hi: 0 })
}

/** a / b for a positive divisor; null when b can reach zero. */
export function divide(a: Interval, b: Interval): Interval | null {
  if (!(b.lo > 0)) return null
  const candidates = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi].filter((x) => !Number.isNaN(x))
  return { lo: Math.min(...candidates), hi: Math.max(...candidates) }
}

export function scale(a: Interval, factor: number, offset = 0): Interval {
  const x = a.lo * factor + offset
  const y = a.hi * factor + offset
  return { lo: Math.min(x, y), hi: Math.max(x, y) }
}

export function abs(a: Interval): Interval {
  if (a.lo >= 0) return a
  if (a.hi <= 0) return { lo: -a.hi, hi: -a.lo }
  return { lo: 0, hi: Math.max(-a.lo, a.hi) }
}

/** Slack for floating-point error: 294.6 + 0.05 is not exactly 294.65. */
function slack(a: Interval, b: Interval): number {
  const sizes = [a.lo, a.hi, b.lo, b.hi].filter(Number.isFinite).map(Math.abs)
  return 1e-9 * Math.max(1, ...sizes)
}

export function overlaps(a: Interval, b: Interval): boolean {
  const eps = slack(a, b)
  return a.lo <= b.hi + eps && b.lo <= a.hi + eps
}

/** a can be at most b (some value of a is ≤ some value of b). */
export function canBeAtMost(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi + slack(a, b)
}
