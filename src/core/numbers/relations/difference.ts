// A difference stated next to its two values: "$45 million, $3 million more than the $42 million …", "640 students,
// 60 fewer than the 680 of last year", "52% and 45%, a margin of 9 points", "exports of $252.6 million and imports of
// $42 million, a gap of $210.6 million". Points between percentages, amounts between amounts of one unit.
// (A change "by 5 points from 40% to 45%" is read with the changes, change.ts.)

import type { Finding, Q } from '../types'
import type { Paragraph } from '../annotate'
import { abs, overlaps, sub } from '../interval'
import { figure, points, quoted, styleFor } from '../format'
import { comparativeAfter, comparedFigureGap, THAN_GAP } from '../movement'
import { addable, cleanGap, differenceFits, family, finding, gap, interval } from './common'

/** The gap word right before the difference: ", a gap of", ", leaving a surplus of", " – a margin of". */
const GAP_WORD_BEFORE = /\b(?:a|the|an)\s+(?:trade\s+)?(?:gap|difference|margin|shortfall|surplus|deficit|lead|spread)\s+(?:of\s+)?$/i
/** All that may stand between the second value and its difference: the difference is said of the pair, after it. */
const GAP_ATTACHMENT =
  /^(?:\s+[\p{L}'’-]+){0,3}\s*(?:,|—|–|\(|;)\s*(?:(?:leaving|giving|creating|making|resulting in|producing|opening|with|for|or|which is|that is)\s+)?(?:an?|the)\s+(?:trade\s+)?(?:gap|difference|margin|shortfall|surplus|deficit|lead|spread)\s+(?:of\s+)?$/iu
/** "a 4-point difference", "a $3 million gap": the figure before the gap word. */
const GAP_WORD_AFTER = /^(?:-|\s)(?:points?\s+|point-)?(?:gap|difference|margin|lead|shortfall|surplus|deficit)\b/i

function check(d: Q, larger: Q, smaller: Q, absolute: boolean, order: 'larger-first' | 'as-given'): Finding | null {
  if (!differenceFits(d, larger, smaller)) return null
  const computedInterval = absolute ? abs(sub(interval(larger), interval(smaller))) : sub(interval(larger), interval(smaller))
  const ok = overlaps(computedInterval, interval(d))
  const computed = absolute ? Math.abs(larger.value - smaller.value) : larger.value - smaller.value
  const style = styleFor(d, [larger, smaller, d])
  const percentish = family(larger) === 'percent'
  const show = (x: number): string => (percentish ? points(x) : figure(x, style))
  const [a, b] = order === 'larger-first' || !absolute || larger.value >= smaller.value ? [larger, smaller] : [smaller, larger]
  const diff = computed - d.value
  const head = `${quoted(a)} − ${quoted(b)} = ${show(absolute ? Math.abs(a.value - b.value) : computed)}`
  const explanation = ok
    ? `${head}, which fits the ${quoted(d)} stated.`
    : `${head}, but the text gives ${quoted(d)}: ${show(Math.abs(diff))} ${diff > 0 ? 'more' : 'less'}.`
  return finding({ kind: 'difference', status: ok ? 'consistent' : 'inconsistent', quantities: [larger, smaller, d], stated: d.value, computed, explanation })
}

/** The two nearest earlier quantities that differ by `d`'s kind, joined as two items of one list; null otherwise. */
function previousLike(text: string, qs: readonly Q[], i: number, d: Q): [Q, Q] | null {
  const like: number[] = []
  for (let j = i - 1; j >= 0 && like.length < 3; j--) if (differenceFits(d, qs[j]!, qs[j]!) && !qs[j]!.baseLike) like.push(j)
  if (like.length < 2) return null
  const [bi, ai, ci] = like as [number, number, number | undefined]
  const a = qs[ai]!
  const b = qs[bi]!
  if (!addable(a, b) || !/,|;|\band\b|\bwhile\b|\bwhereas\b|\bagainst\b/i.test(gap(text, a, b))) return null
  // The difference comes right after the pair: "…, a gap of D" or "…, a D-point difference".
  const attachment = text.slice(b.end, d.start)
  if (!GAP_ATTACHMENT.test(attachment) && !/^(?:\s+[\p{L}'’-]+){0,3}\s*(?:,|—|–|\(|;)\s*(?:(?:leaving|giving|creating|making|with|or)\s+)?an?\s*$/iu.test(attachment)) return null
  // A third value in the same list makes it no pair ("A, B and C, a gap of …").
  if (ci !== undefined && addable(qs[ci]!, a)) return null
  return [a, b]
}

export function differenceFindings(p: Paragraph): Finding[] {
  const out: Finding[] = []
  for (const s of p.sentences.keys()) {
    const qs = p.active[s]!
    for (let i = 0; i < qs.length; i++) {
      const d = qs[i]!
      const fd = family(d)
      if (!fd || fd === 'percent' || d.value < 0) continue
      const after = p.text.slice(d.end, d.end + 60)
      const direction = comparativeAfter(after)
      if (direction) {
        // "$45 million, $3 million more than the $42 million"
        const base = qs[i + 1]
        const figure = qs[i - 1]
        if (!base || !figure || !THAN_GAP.test(cleanGap(gap(p.text, d, base))) || !comparedFigureGap(cleanGap(gap(p.text, figure, d)))) continue
        const f = direction === 'up' ? check(d, figure, base, false, 'as-given') : check(d, base, figure, false, 'as-given')
        if (f) out.push(f)
        continue
      }
      const before = p.text.slice(Math.max(0, d.start - 40), d.start)
      const wordAfter = GAP_WORD_AFTER.test(after) && /\ban?\s+$/i.test(before)
      if (!wordAfter && !GAP_WORD_BEFORE.test(before)) continue
      // "A and B, a gap of D": the two values of D's kind before it, in one sentence, two clauses of one list
      // ("exports rose 12% to $5.6 billion while imports fell 3% to $4.1 billion, leaving a surplus of …").
      const before2 = previousLike(p.text, qs, i, d)
      if (!before2) continue
      const [a, b] = before2
      const f = check(d, a, b, true, 'larger-first')
      if (f) out.push(f)
    }
  }
  return out
}
