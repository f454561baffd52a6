// A change and the two values it links: "rose 12% from $40 million to $45 million", "soared almost 80% to
// $294.6 million" (the earlier value elsewhere in the paragraph, or not given at all), "31,200, down 4% from 32,500",
// "from $8 million to $10 million, a 25% increase", "$45 million, 12% more than the $40 million of 2016".
//
// A percentage of amounts is a relative change (kind 'change'). A change of points between percentages, or of an
// amount between amounts, is a difference (kind 'difference'). A change in "%" between percentages ("rose 2% from
// 5% to 7%") is read both ways, relative and in points, and fits if either does: loose usage is not an error.
// Only a relative change whose new value is given but whose earlier value is not is reported as not-checkable.

import type { Finding, Q } from '../types'
import type { Paragraph } from '../annotate'
import { divide, overlaps, scale, sub, type Interval } from '../interval'
import { figure, percent, points, quoted, styleFor } from '../format'
import {
  APPOSITION_GAP,
  changeNounAfter,
  changeNounBefore,
  comparativeAfter,
  comparedFigureGap,
  directionBefore,
  FROM_GAP,
  THAN_GAP,
  TO_GAP,
  type Direction
} from '../movement'
import { addable, cleanGap, family, finding, findBase, gap, gapAfter, interval, subjectPhrase } from './common'

export interface ChangeLink {
  delta: Q
  direction: Direction
  /** The earlier value, when the text gives it next to the change. */
  before?: Q
  /** The new value. */
  after?: Q
}

function next(qs: readonly Q[], i: number): Q | undefined {
  return qs[i + 1]
}

/** Read how a change at qs[i] links to the values around it, or null when it is no change. */
export function linkChange(text: string, qs: readonly Q[], i: number, sentenceStart: number): ChangeLink | null {
  const delta = qs[i]!
  const before = text.slice(Math.max(sentenceStart, delta.start - 50), delta.start)
  const after = text.slice(delta.end, delta.end + 60)
  const noun = changeNounAfter(after)
  const comparative = comparativeAfter(after)
  let direction = directionBefore(before) ?? noun?.direction ?? comparative ?? null
  if (!direction) {
    // "went up from Br 1.60 to Br 1.84, or 15%": the verb of the from–to pair says which way.
    const prev = qs[i - 1]
    const pp = qs[i - 2]
    if (!prev || !pp || !APPOSITION_GAP.test(cleanGap(gapAfter(text, prev, delta))) || !TO_GAP.test(cleanGap(gapAfter(text, pp, prev)))) return null
    const lead = /\bfrom\s+$/i.exec(text.slice(Math.max(sentenceStart, pp.start - 12), pp.start))
    if (!lead) return null
    direction = directionBefore(text.slice(Math.max(sentenceStart, pp.start - 60), pp.start - lead[0].length))
    if (!direction) return null
  }
  const link: ChangeLink = { delta, direction }
  const n1 = next(qs, i)
  if (comparative && n1) {
    // "$45 million, 12% more than the $40 million of 2016"
    if (!THAN_GAP.test(cleanGap(gapAfter(text, delta, n1)))) return link
    link.before = n1
    const prev = qs[i - 1]
    if (prev && comparedFigureGap(cleanGap(gapAfter(text, prev, delta)))) link.after = prev
    return link
  }
  // Forward: "rose 12% from $40 million to $45 million", "fell 20% to $32 million from $40 million".
  if (n1) {
    let g1 = gap(text, delta, n1)
    if (noun) g1 = g1.slice(noun.length)
    g1 = cleanGap(g1)
    const n2 = next(qs, i + 1)
    if (FROM_GAP.test(g1)) {
      link.before = n1
      if (n2 && TO_GAP.test(cleanGap(gapAfter(text, n1, n2)))) link.after = n2
    } else if (TO_GAP.test(g1)) {
      link.after = n1
      if (n2 && FROM_GAP.test(cleanGap(gapAfter(text, n1, n2)))) link.before = n2
    }
  }
  // Backward: "reached 2.1 million, up 9%", "from $8 million to $10 million, a 25% increase".
  const prev = qs[i - 1]
  if (!link.after && prev && APPOSITION_GAP.test(cleanGap(gapAfter(text, prev, delta)))) {
    const pp = qs[i - 2]
    const ppGap = pp ? cleanGap(gapAfter(text, pp, prev)) : ''
    if (pp && !link.before && FROM_GAP.test(ppGap)) {
      link.after = pp
      link.before = prev
    } else if (pp && !link.before && TO_GAP.test(ppGap) && /\bfrom\s+$/i.test(text.slice(Math.max(0, pp.start - 12), pp.start))) {
      link.before = pp
      link.after = prev
    } else {
      link.after = prev
    }
  }
  return link
}

type Reading = 'relative' | 'points'

function relative(before: Interval, after: Interval, direction: Direction): Interval | null {
  const ratio = divide(after, before)
  if (!ratio) return null
  return direction === 'up' ? scale(ratio, 100, -100) : scale(ratio, -100, 100)
}

function absolute(before: Interval, after: Interval, direction: Direction): Interval {
  return direction === 'up' ? sub(after, before) : sub(before, after)
}

function pointValue(before: number, after: number, direction: Direction, reading: Reading): number {
  if (reading === 'relative') return direction === 'up' ? (after / before - 1) * 100 : (1 - after / before) * 100
  return direction === 'up' ? after - before : before - after
}

function noun(direction: Direction): string {
  return direction === 'up' ? 'rise' : 'fall'
}

function describe(value: number, reading: Reading, delta: Q, style: ReturnType<typeof styleFor>): string {
  if (reading === 'relative') return percent(value)
  if (family(delta) === 'percent' || family(delta) === 'points') return points(value)
  return figure(value, style)
}

function periodWord(text: string, q: Q): string {
  const around = text.slice(Math.max(0, q.start - 80), q.end + 80)
  return /\b(?:month|monthly|week|weekly|quarter|quarterly)\b/i.test(around) ? 'the period before' : 'the year before'
}

/** Check a linked change whose two values are known. */
function checkChange(link: ChangeLink, base: Q, later: Q, baseFromElsewhere: boolean): Finding | null {
  const { delta, direction } = link
  const fd = family(delta)
  const fv = family(later)
  if (!fd || !fv || !addable(base, later)) return null
  let readings: Reading[]
  if (fd === 'percent' && fv === 'percent') readings = ['relative', 'points']
  else if (fd === 'percent') readings = ['relative']
  else if (fd === 'points' && fv === 'percent') readings = ['points']
  else if (addable(delta, later) && fd !== 'points') readings = ['points']
  else return null
  if (base.value <= 0 && readings.includes('relative')) return null
  const stated = interval(delta)
  const results = readings.map((reading) => {
    const computed = reading === 'relative' ? relative(interval(base), interval(later), direction) : absolute(interval(base), interval(later), direction)
    return { reading, computed, fits: computed !== null && overlaps(computed, stated), value: pointValue(base.value, later.value, direction, reading) }
  })
  const fitting = results.find((r) => r.fits)
  const chosen = fitting ?? results.reduce((a, b) => (Math.abs(a.value - delta.value) <= Math.abs(b.value - delta.value) ? a : b))
  const kind = chosen.reading === 'relative' || (fd === 'percent' && fv === 'percent') ? 'change' : 'difference'
  const style = styleFor(later, [base, later])
  const from = baseFromElsewhere ? `${quoted(base)} (the earlier figure the paragraph gives)` : quoted(base)
  const said = describe(chosen.value, chosen.reading, delta, style)
  let explanation = `From ${from} to ${quoted(later)} is a ${noun(direction)} of ${said}`
  if (readings.length === 2) {
    const other = results.find((r) => r !== chosen)!
    explanation += ` (${describe(other.value, other.reading, delta, style)} ${other.reading === 'relative' ? 'in relative terms' : 'in points'})`
  }
  const diff = chosen.value - delta.value
  if (fitting && fitting.computed && !overlaps({ lo: fitting.value, hi: fitting.value }, stated)) {
    // "a rise of 40%" for a stated 35%: only the figures' rounding lets them meet; say how far they reach.
    const range = fitting.computed
    const shown = (x: number): string => describe(x, fitting.reading, delta, style)
    explanation += ` (${shown(range.lo)} to ${shown(range.hi)} with the figures' rounding)`
  }
  if (fitting) {
    explanation += readings.length === 2 ? `; the ${quoted(delta)} stated fits it read as ${chosen.reading === 'relative' ? 'a relative change' : 'points'}.` : `, which fits the ${quoted(delta)} stated.`
  } else {
    const far = chosen.reading === 'relative' || fd === 'percent' || fd === 'points' ? points(diff) : figure(Math.abs(diff), style)
    explanation += readings.length === 2 ? `; the text gives ${quoted(delta)}, which fits neither.` : `, but the text gives ${quoted(delta)}: ${far} ${diff > 0 ? 'more' : 'less'}.`
  }
  return finding({
    kind,
    status: fitting ? 'consistent' : 'inconsistent',
    quantities: [delta, base, later],
    stated: delta.value,
    computed: chosen.value,
    explanation
  })
}

/** A value after `after` in its sentence, within a short stretch, that the text gives as a base ("from …"). */
function laterBase(text: string, qs: readonly Q[], after: Q): Q | undefined {
  for (let k = qs.indexOf(after) + 1; k < qs.length; k++) {
    const q = qs[k]!
    if (q.start - after.end > 80) return undefined
    if (q.baseLike && /\bfrom\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, q.start - 12), q.start)) && q.unit === after.unit && q.kind === after.kind) return q
  }
  return undefined
}

export function changeFindings(p: Paragraph): Finding[] {
  const out: Finding[] = []
  for (const [s, sentence] of p.sentences.entries()) {
    const qs = p.active[s]!
    for (let i = 0; i < qs.length; i++) {
      const delta = qs[i]!
      const fd = family(delta)
      if (!fd || delta.baseLike || delta.value <= 0) continue
      // An absolute change must say so ("rose by $5 million", "a cut of 1,400 jobs"); a bare amount after "rose" is a
      // new value.
      const lead = p.text.slice(Math.max(sentence.start, delta.start - 40), delta.start)
      if (fd !== 'percent' && fd !== 'points' && !/\bby\s+$/i.test(lead) && !changeNounBefore(lead)) continue
      const link = linkChange(p.text, qs, i, sentence.start)
      if (!link || !link.after) continue
      if (link.before) {
        const f = checkChange(link, link.before, link.after, false)
        if (f) out.push(f)
        continue
      }
      if (fd !== 'percent' || link.after.kind === 'multiple') continue
      // "to €2.4 million, or 15 cents per share, from €2.2 million": a base later in the sentence, after "from".
      const later = laterBase(p.text, qs, link.after)
      if (later) {
        const f = checkChange(link, later, link.after, false)
        if (f) out.push(f)
        continue
      }
      const found = findBase(p, link.after, [delta])
      if ('base' in found) {
        const f = checkChange(link, found.base, link.after, true)
        if (f) out.push(f)
      } else if ('missing' in found) {
        const subject = subjectPhrase(link.after)
        const what = subject ? `${subject} of ${periodWord(p.text, link.after)}` : 'the earlier value it is measured from'
        out.push(
          finding({
            kind: 'change',
            status: 'not-checkable',
            quantities: [delta, link.after],
            stated: delta.value,
            explanation: `A ${noun(link.direction)} of ${quoted(delta)} to ${quoted(link.after)} needs ${what}, which the article does not give.`
          })
        )
      }
    }
  }
  return out
}
