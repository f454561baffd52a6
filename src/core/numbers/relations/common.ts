// What the relations share: which quantities can be added or compared, the text between two quantities, the
// interval a quantity allows, the earlier value of a subject within a window of sentences, and building a finding.

import type { Finding, FindingKind, FindingStatus, Q, Quantity } from '../types'
import type { Paragraph } from '../annotate'
import { statedInterval } from '../hedges'
import type { Interval } from '../interval'
import { MONTHS } from '../lexicon'

/** Sentences either side a relation may reach for a value it names (a base, the parts of a trade total). */
export const WINDOW = 3

/** A sentence with more quantities than this is a table flattened into text: no relations are read from it. */
export const MAX_PER_SENTENCE = 60

export type Family = 'money' | 'count' | 'measure' | 'percent' | 'points'

export function family(q: Q): Family | null {
  if (q.range) return null
  if (q.kind === 'amount') return q.unit && /^[A-Z]{3}$/.test(q.unit) ? 'money' : 'measure'
  if (q.kind === 'count') return q.unit === 'points' ? 'points' : q.unit === 'times' ? null : 'count'
  if (q.kind === 'percent') return q.unit === '%' ? 'percent' : 'points'
  return null
}

/** Can be added to or compared with each other as amounts of one thing. */
export function addable(a: Q, b: Q): boolean {
  const fa = family(a)
  const fb = family(b)
  if (!fa || !fb) return false
  if (fa === 'percent' || fb === 'percent' || fa === 'points' || fb === 'points') return fa === fb
  // "12 in Grodno" after "37 people in Minsk"; "2.3 million on hospitals" after "$4.5 million on schools".
  if (a.elliptic || b.elliptic) return true
  if (fa !== fb) {
    // a count of nouns and a count of people: "twelve members: eight engineers"
    return false
  }
  if (fa === 'count') {
    // 37 people and 180 men, yes; 12 abstentions and 180 deputies, or 5 plants and 3 projects, no.
    if (a.unit !== null || b.unit !== null) return a.unit === b.unit
    return a.noun === undefined || b.noun === undefined || a.heads[0] === b.heads[0]
  }
  return a.unit === b.unit
}

/** Differences of percentages are points: "5 points" compares with "40%" and "45%". */
export function differenceFits(d: Q, a: Q, b: Q): boolean {
  if (!addable(a, b)) return false
  const fd = family(d)
  const fa = family(a)
  if (fa === 'percent') return fd === 'points' || fd === 'percent'
  if (!fd || fd === 'percent' || fd === 'points') return false
  return addable(d, a) && addable(d, b)
}

export function interval(q: Q): Interval {
  return statedInterval(q.value, q.tol, q.hedge, q.value >= 0)
}

export function gap(text: string, a: Q, b: Q): string {
  return text.slice(a.end, b.start)
}

/** Time words between two figures ("in 2017", "in January-June", "year on year") do not change how they relate. */
const TIME_PHRASE = new RegExp(
  String.raw`\b(?:(?:in|during|over|for|since|by|of)\s+)?(?:the\s+)?(?:(?:first|second|third|fourth|last|past)\s+(?:half|quarter)\s+(?:of\s+)?)?(?:(?:${MONTHS})(?:\s*[-–]\s*(?:${MONTHS}))?\s*)?\d{4}\b|\b(?:in|during)\s+(?:the\s+)?(?:${MONTHS})(?:\s*[-–]\s*(?:${MONTHS}))?\b|\b(?:(?:from|compared (?:with|to)|against|over|on)\s+)?(?:a year (?:earlier|ago|before)|the (?:previous|prior|same) (?:year|period|quarter|month)(?: (?:of|in) (?:the previous|last|the prior) year)?|the (?:prior|previous)-year period|the year-(?:earlier|ago) period|the same period (?:of|in) [\p{L}\d ]{0,20}?(?:year|\d{4})|last year)\b|\b(?:year[- ](?:on|over)[- ]year|month[- ](?:on|over)[- ]month|quarter[- ](?:on|over)[- ]quarter|y\/y|yoy|on[- ]year|on the year|this year|in the (?:first|second) half(?: of the year)?|in the (?:first|second|third|fourth) quarter|on an? (?:annual|yearly|monthly|quarterly|year-on-year|annualised|annualized) basis)\b|\b(?:in\s+)?(?:Q[1-4]|H[12]|FY)\b`,
  'giu'
)

/** Spans of time and manners of counting: "in a month", "over five years", "in dollar terms", "in the quarter". */
const SPAN_PHRASE =
  /\b(?:in|over|within|during|for|across)\s+(?:(?:a|an|one|the|two|three|four|five|six|seven|eight|nine|ten|\d+|the\s+(?:past|last|first|same))\s+)?(?:[\p{L}-]+\s+)?(?:days?|weeks?|months?|years?|decades?|quarters?|half|period|session|season)\b|\b(?:in|on)\s+(?:nominal|real|dollar|euro|ruble|rouble|annual|annualised|annualized|monthly|yearly|comparable|absolute|relative|local[- ]currency|value|volume|physical|cash|price)\s+terms\b|\b(?:today|now|currently|at present|so far|to date)\b/giu

const TIME_HINT = /\d|year|month|week|day|quarter|half|period|session|season|decade|terms|basis|today|now|current|so far|to date|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|Q[1-4]|H[12]|FY|yoy|y\/y/i

export function cleanGap(g: string): string {
  if (!TIME_HINT.test(g)) return g
  return g.replace(TIME_PHRASE, ' ').replace(SPAN_PHRASE, ' ').replace(/\s+/g, ' ')
}

/** The gap from `a` to `b` without the noun `a` counts ("40 employees in 2012 to 200" → " in 2012 to "). */
export function gapAfter(text: string, a: Q, b: Q): string {
  const g = text.slice(a.end, b.start)
  if (!a.noun) return g
  // The noun is within the first few words: cut the gap after its first occurrence there.
  const at = g.toLowerCase().indexOf(a.noun)
  if (at < 0 || at > 30 || !/^[\s\p{L}'’-]*$/u.test(g.slice(0, at))) return g
  return g.slice(at + a.noun.length)
}

/** Quantities of the sentence that can take part in relations (no years, ranks, ranges). */
export function active(qs: readonly Q[]): Q[] {
  if (qs.length > MAX_PER_SENTENCE) return []
  return qs.filter((q) => q.kind !== 'year' && q.kind !== 'rank' && q.kind !== 'duration' && !q.range)
}

export function sameHead(a: Q, b: Q): boolean {
  return a.heads.some((h) => b.heads.includes(h))
}

/** `candidate` is given as an earlier value than `later`: marked so, or of an earlier year. */
export function isEarlier(candidate: Q, later: Q): boolean {
  if (later.earlier) return false
  if (candidate.earlier) return true
  if (candidate.period === undefined) return false
  return later.period === undefined || candidate.period < later.period
}

export type BaseLookup = { base: Q } | { missing: true } | { ambiguous: true }

/**
 * The earlier value of `later`'s subject within the window: same subject, same unit, marked as earlier. The nearest
 * wins; two equally near ones with different values are ambiguous.
 */
export function findBase(p: Paragraph, later: Q, exclude: readonly Q[]): BaseLookup {
  if (later.heads.length === 0) return { missing: true }
  let best: Q | undefined
  let bestKey = Infinity
  let tie = false
  const fromSentence = Math.max(0, later.sentence - WINDOW)
  const toSentence = Math.min(p.bySentence.length - 1, later.sentence + WINDOW)
  for (let s = fromSentence; s <= toSentence; s++) {
    for (const c of p.active[s]!) {
      if (c === later || exclude.includes(c)) continue
      if (c.unit !== later.unit || c.kind !== later.kind || !sameHead(c, later) || !isEarlier(c, later)) continue
      const key = Math.abs(s - later.sentence) * 1e6 + Math.abs(c.start - later.start)
      if (key < bestKey) {
        tie = best !== undefined && Math.floor(key / 1e6) === Math.floor(bestKey / 1e6) && best.value !== c.value
        best = c
        bestKey = key
      } else if (best && Math.floor(key / 1e6) === Math.floor(bestKey / 1e6) && best.value !== c.value) tie = true
    }
  }
  if (!best) return { missing: true }
  if (tie) return { ambiguous: true }
  return { base: best }
}

/** "the imports", "the number of tourists", "the value": how an explanation names what a figure counts. */
export function subjectPhrase(q: Q): string | null {
  if (!q.subject) return null
  if (q.kind === 'count' && q.unit !== null && q.unit !== 'people') return null
  return q.kind === 'count' ? `the number of ${q.subject}` : `the ${q.subject}`
}

export function publicQuantity(q: Q): Quantity {
  const out: Quantity = { start: q.start, end: q.end, text: q.text, value: q.value, unit: q.unit, scale: q.scale, hedge: q.hedge, kind: q.kind }
  if (q.subject) out.subject = q.subject
  return out
}

export interface FindingParts {
  kind: FindingKind
  status: FindingStatus
  quantities: readonly Q[]
  stated?: number
  computed?: number
  explanation: string
}

export function finding(parts: FindingParts): Finding {
  const qs = [...parts.quantities].sort((a, b) => a.start - b.start)
  const out: Finding = {
    status: parts.status,
    kind: parts.kind,
    start: qs[0]!.start,
    end: Math.max(...qs.map((q) => q.end)),
    quantities: qs.map(publicQuantity),
    explanation: parts.explanation
  }
  if (parts.stated !== undefined) out.stated = tidy(parts.stated)
  if (parts.computed !== undefined) out.computed = tidy(parts.computed)
  if (parts.stated !== undefined && parts.computed !== undefined) {
    const stated = tidy(parts.stated)
    const computed = tidy(parts.computed)
    const difference = tidy(computed - stated)
    out.difference = Math.abs(difference) <= 1e-9 * Math.max(Math.abs(stated), Math.abs(computed)) ? 0 : difference
  }
  return out
}

/** 0.1 + 0.2 → 0.3: twelve significant digits are more than any article gives. */
export function tidy(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x
  return Number(x.toPrecision(12))
}

/**
 * Items of one list after a total ("of which $7 million … and $6 million …", "including 244 children and 151 women"):
 * joined by a comma or "and" only; "while", "whereas", "but" open another clause ("including 91 children, while some
 * 2,300 were injured").
 */
export function listed(g: string): boolean {
  return coordinated(g) && !/\b(?:while|whereas|but|although|though|as|when|after|before|with)\b|;/i.test(g)
}

/** Coordinated: two figures in one list ("$4.5 million on schools and $2.3 million on hospitals"). */
export function coordinated(g: string): boolean {
  if (g.length > 100) return false
  if (!/,|;|\band\b|\bplus\b|\bwhile\b|\bwhereas\b|\bas well as\b/i.test(g)) return false
  if (/\b(?:or|than|versus|vs|compared|against|up|down|rose|fell|increased|decreased|grew|declined|per|each|times|of which|including|among them)\b/i.test(g)) return false
  if (/^\s*(?:to|from)\s+(?:the\s+|a\s+)?$/i.test(g)) return false
  return true
}
