// Multiples: "a 2.5-time increase", "grew threefold", "doubled", "four times more than", "three times as much as",
// "three times less than", "halved".
//
// "X times as much", "doubled", "twice the" mean new = X·old. "An X-fold increase", "increased X times", "X times
// more" are read both ways: new = X·old, and new = old + X·old; either fits. "X times less", "halved": new = old / X.

import type { Finding, Q } from '../types'
import type { Paragraph } from '../annotate'
import { divide, overlaps, scale as scaleInterval } from '../interval'
import { capitalise, figure, howFar, plain, quoted, styleFor } from '../format'
import { comparedFigureGap, FROM_GAP, TO_GAP } from '../movement'
import { addable, cleanGap, family, finding, findBase, gapAfter, interval, subjectPhrase } from './common'

const AS_MUCH_AS_GAP = /^\s+as\s+(?:much|many|large|big|high|great|long|fast|often|likely|expensive)\s+as\s+(?:(?:the|a|an|its|their|last|previous|[\p{L}]+['’]s)\s+){0,3}$/iu
const THE_GAP = /^\s+(?:the|that\s+of|those\s+of|what)\s+(?:(?:the|a|an|its|their|last|previous|[\p{L}]+['’]s)\s+){0,2}$/iu
const THAN_GAP = /^\s+(?:more|higher|larger|bigger|greater|faster|longer|less|lower|smaller|fewer|cheaper|slower|shorter)\s+than\s+(?:(?:the|a|an|its|their|last|previous|[\p{L}]+['’]s)\s+){0,3}$/iu
const APPOSITION = /^\s*(?:,|\(|—|–|;)\s*(?:(?:which is|that is|or|up|down|an?|the)\s+)*$/i

interface Link {
  multiple: Q
  before?: Q
  after?: Q
}

function link(text: string, qs: readonly Q[], i: number): Link {
  const multiple = qs[i]!
  const out: Link = { multiple }
  const n1 = qs[i + 1]
  const prev = qs[i - 1]
  if (n1) {
    const g1 = cleanGap(gapAfter(text, multiple, n1))
    if (AS_MUCH_AS_GAP.test(g1) || THE_GAP.test(g1) || THAN_GAP.test(g1)) {
      // "$36 million …, three times as much as the $12 million"
      out.before = n1
      if (prev && comparedFigureGap(cleanGap(gapAfter(text, prev, multiple)))) out.after = prev
      return out
    }
    const n2 = qs[i + 2]
    if (TO_GAP.test(g1)) {
      out.after = n1
      if (n2 && FROM_GAP.test(cleanGap(gapAfter(text, n1, n2)))) out.before = n2
    } else if (FROM_GAP.test(g1)) {
      out.before = n1
      if (n2 && TO_GAP.test(cleanGap(gapAfter(text, n1, n2)))) out.after = n2
    }
  }
  if (!out.after && prev && APPOSITION.test(cleanGap(gapAfter(text, prev, multiple)))) {
    // "the imports reached $42 million (a 2.5-time increase)", "$42 million, a 2.5-fold increase from $12 million"
    out.after = prev
    if (!out.before && n1 && FROM_GAP.test(cleanGap(gapAfter(text, multiple, n1)))) out.before = n1
  }
  return out
}

function times(x: number): string {
  return plain(x, 2)
}

function check(l: Required<Link>, label: string, baseFromElsewhere: boolean): Finding | null {
  const { multiple: m, before, after } = l
  if (!addable(before, after) || before.value <= 0 || after.value <= 0) return null
  const factor = interval(m)
  const reading = m.reading ?? 'times'
  const style = styleFor(after, [before, after])
  const ratio = divide(interval(after), interval(before))
  const inverse = divide(interval(before), interval(after))
  if (!ratio || !inverse) return null
  const x = m.value
  const base = figure(before.value, style)
  const stated = quoted(after)
  const from = baseFromElsewhere ? ` (the earlier figure the paragraph gives)` : ''
  const timesValue = before.value * x
  const plusValue = before.value * (1 + x)
  const divideValue = before.value / x
  let status: 'consistent' | 'inconsistent'
  let computed: number
  let explanation: string
  if (reading === 'both') {
    const asTimes = overlaps(ratio, factor)
    const asPlus = overlaps(scaleInterval(ratio, 1, -1), factor)
    const timesText = `read as ×${times(x)}: ${base}${from} × ${times(x)} = ${figure(timesValue, style)}`
    const plusText = `read as +${times(x)}×: ${base} + ${times(x)} × ${base} = ${figure(plusValue, style)}`
    explanation = `${capitalise(label)}, ${timesText}; ${plusText}.`
    if (asTimes || asPlus) {
      status = 'consistent'
      computed = asTimes ? timesValue : plusValue
      explanation += asTimes && asPlus ? ` The ${stated} stated fits both readings.` : ` The ${stated} stated fits the ${asTimes ? 'first reading (×' + times(x) + ')' : 'second reading (+' + times(x) + '×)'}.`
    } else {
      status = 'inconsistent'
      computed = Math.abs(timesValue - after.value) <= Math.abs(plusValue - after.value) ? timesValue : plusValue
      explanation += ` Neither gives the ${stated} stated; the nearer is ${figure(computed, style)}, ${howFar(computed - after.value, style)}.`
    }
  } else if (reading === 'times') {
    status = overlaps(ratio, factor) ? 'consistent' : 'inconsistent'
    computed = timesValue
    explanation =
      status === 'consistent'
        ? `${capitalise(label)}: ${base}${from} × ${times(x)} = ${figure(timesValue, style)}, which fits the ${stated} stated.`
        : `${capitalise(label)}: ${base}${from} × ${times(x)} = ${figure(timesValue, style)}, but the text gives ${stated}: ${howFar(timesValue - after.value, style)}.`
  } else {
    status = overlaps(inverse, factor) ? 'consistent' : 'inconsistent'
    computed = divideValue
    explanation =
      status === 'consistent'
        ? `${capitalise(label)}: ${base}${from} ÷ ${times(x)} = ${figure(divideValue, style)}, which fits the ${stated} stated.`
        : `${capitalise(label)}: ${base}${from} ÷ ${times(x)} = ${figure(divideValue, style)}, but the text gives ${stated}: ${howFar(divideValue - after.value, style)}.`
  }
  return finding({ kind: 'multiple', status, quantities: [m, before, after], stated: after.value, computed, explanation })
}

/** How the multiple reads in an explanation: its words, with the comparison after it ("three times less"). */
function labelOf(text: string, m: Q): string {
  const comparison = /^\s+(?:more|higher|larger|bigger|greater|less|lower|smaller|fewer|cheaper|as\s+(?:much|many|large|big|high|great)\s+as)\b/i.exec(text.slice(m.end, m.end + 30))
  return (m.text + (comparison ? comparison[0] : '')).replace(/\s+/g, ' ')
}

function increaseWords(text: string, m: Q): string {
  if (/\b(?:increase|rise|growth|jump|gain|surge|expansion|hike|leap|boost|upturn|decrease|drop|decline|fall|reduction|cut|contraction|slump|dip)\b/i.test(m.text) || /(?:ed|ing)$/i.test(m.text))
    return capitalise(quoted(m))
  return m.reading === 'divide' ? `A decrease of ${labelOf(text, m)}` : `An increase of ${labelOf(text, m)}`
}

export function multipleFindings(p: Paragraph): Finding[] {
  const out: Finding[] = []
  for (const s of p.sentences.keys()) {
    const qs = p.active[s]!
    for (let i = 0; i < qs.length; i++) {
      const m = qs[i]!
      if (m.kind !== 'multiple' || m.value <= 0) continue
      const l = link(p.text, qs, i)
      if (!l.after || family(l.after) === null || l.after.kind === 'multiple') continue
      if (l.before) {
        const f = check({ multiple: m, before: l.before, after: l.after }, labelOf(p.text, m), false)
        if (f) out.push(f)
        continue
      }
      const found = findBase(p, l.after, [m])
      if ('base' in found) {
        const f = check({ multiple: m, before: found.base, after: l.after }, labelOf(p.text, m), true)
        if (f) out.push(f)
      } else if ('missing' in found) {
        const subject = subjectPhrase(l.after)
        const what = subject ? `${subject} of the year before` : 'the earlier value it is a multiple of'
        out.push(
          finding({
            kind: 'multiple',
            status: 'not-checkable',
            quantities: [m, l.after],
            stated: l.after.value,
            explanation: `${increaseWords(p.text, m)} to ${quoted(l.after)} needs ${what}, which the article does not give.`
          })
        )
      }
    }
  }
  return out
}
