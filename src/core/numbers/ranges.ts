// Ranges and alternatives: "between 10 and 12", "10-12%", "10 to 12 million", "two or three". Their numbers are
// quantities, but never parts of a sum nor a total. The unit and scale written once at the end belong to both
// ("10-12%" is 10% to 12%; "from 10 to 12 million" starts at 10 million).

import type { Q } from './types'

const DASH_OR_TO = /^\s*(?:-|–|—|to)\s*$/
const HYPHEN_ONLY = /^[-–]$/

function bare(q: Q): boolean {
  return q.scale === 1 && q.unit === null && q.hedge === null && (q.kind === 'count' || q.kind === 'year')
}

/** `a` takes `b`'s unit and scale when `a` is a bare number before it. */
function inherit(a: Q, b: Q): void {
  if (!bare(a) || b.kind === 'year' || b.kind === 'rank') return
  a.value = a.value * b.scale
  a.tol = b.scale === 1 && b.kind === 'count' ? a.tol : (a.tol || 0.5) * b.scale
  a.scale = b.scale
  a.unit = b.unit
  a.kind = b.kind
  a.elliptic = b.elliptic
  if (b.kind === 'percent' && a.tol === 0) a.tol = 0.5
}

export function markRanges(text: string, qs: Q[]): void {
  for (let i = 0; i + 1 < qs.length; i++) {
    const a = qs[i]!
    const b = qs[i + 1]!
    const gap = text.slice(a.end, b.start)
    const before = text.slice(Math.max(0, a.start - 12), a.start)
    // 2016-17, 2016–2018: years.
    if (a.kind === 'year' && HYPHEN_ONLY.test(gap) && b.kind === 'count' && b.value < 100 && b.scale === 1 && b.unit === null) {
      b.value = Math.floor(a.value / 100) * 100 + b.value
      b.kind = 'year'
      b.elliptic = false
      a.range = b.range = true
      continue
    }
    const alike = (bare(a) && a.kind === 'count' && b.kind !== 'year' && b.kind !== 'multiple') || (a.unit === b.unit && a.kind === b.kind)
    if (!alike || a.kind === 'rank' || b.kind === 'rank') continue
    if (DASH_OR_TO.test(gap)) {
      const from = /\bfrom\s+$/i.test(before)
      inherit(a, b)
      // "from A to B" is a change, not a range; "A-B" or "A to B" alone is a range.
      if (!from) a.range = b.range = true
      continue
    }
    if (/^\s*and\s*$/i.test(gap) && /\bbetween\s+$/i.test(before)) {
      inherit(a, b)
      a.range = b.range = true
      continue
    }
    if (/^\s*or\s*$/i.test(gap)) {
      inherit(a, b)
      a.range = b.range = true
    }
  }
}
