// Shares of one whole: "45% said yes, 40% no and 10% were undecided" should make 100%.
//
// Only lists whose items name the answers of one question are read: yes / no / undecided, for / against /
// abstained, backed / opposed / did not know, women / men. Each item must name a different answer. With a
// left-over answer given as a figure ("10% were undecided", "5% spoiled their ballots") the list is all of the
// whole and must make 100% (rounding and hedges allowed); without one (yes and no only, or "the rest abstained"),
// it must not exceed 100%. Not read: shares of different groups ("45% of men and 40% of women"), questions that
// allowed several answers, and percentages that are changes.

import type { Finding, Q } from '../types'
import type { Paragraph } from '../annotate'
import { canBeAtMost, overlaps, sum } from '../interval'
import { changeNounAfter, comparativeAfter, directionBefore } from '../movement'
import { capitalise, plain, quoted } from '../format'
import { finding, interval } from './common'

type Answer = 'yes' | 'no' | 'rest' | 'men' | 'women' | `name:${string}` | `source:${string}`

const ANSWERS: ReadonlyArray<readonly [Answer, RegExp]> = [
  [
    'rest',
    /\b(?:undecided|(?:did not|didn['’]t|do not|don['’]t|does not|doesn['’]t) know|not sure|unsure|no opinion|had no view|abstain(?:ed|ing)?|refused|declined to (?:answer|say)|others?|the rest|remaining|spoil(?:ed|t)|blank|neither|no answer|can['’]t say|could not say|hard to say|difficult to (?:answer|say))\b/i
  ],
  [
    'yes',
    /\b(?:yes|for|in favou?r|support(?:ed|s|ing)?|backed|backs?|approv(?:e|ed|es|ing)|agree(?:d|s)?|positive(?:ly)?|satisfied|trust(?:ed|s)?|optimistic|welcomed?)\b/i
  ],
  [
    'no',
    // "… 52% said they trusted the government, 39% did not": a bare negation answers the question no.
    /\b(?:no|against|oppos(?:e|ed|es|ing)|reject(?:ed|s|ing)?|disapprov(?:e|ed|es|ing)|disagree(?:d|s)?|negative(?:ly)?|dissatisfied|unsatisfied|distrust(?:ed|s)?|pessimistic|(?:did|do|does|would|could) not|didn['’]t|don['’]t|doesn['’]t|wouldn['’]t)\b/i
  ],
  ['men', /\b(?:men|male|males|boys)\b/i],
  ['women', /\b(?:women|female|females|girls)\b/i]
]

const SEVERAL_ANSWERS = /\b(?:more than one|several answers|multiple answers|could choose|could name|could pick|multiple choice|up to (?:two|three) answers)\b/i
const REST_WORDS = /\b(?:the rest|remaining|others|the remainder)\b/i

const VOTE_WORDS = /\b(?:vote[sd]?|voters|ballots?|polls?|survey(?:ed)?|respondents|election|electorate|backed|supported)\b/i
const NAMED = /^\s*(?:(?:of\s+(?:the\s+)?(?:votes?|voters|respondents|ballots)\s+)?(?:backed|supported|voted\s+for|went\s+to|chose|favou?red|for)\s+)?((?:Mr|Ms|Mrs|Dr)\.?\s+[\p{Lu}][\p{L}-]+|[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)/u

/** A candidate or party an item names ("35% backed Mr Smith, 33% Ms Jones"), in a sentence about a vote. */
function nameOf(label: string, sentence: string): string | null {
  if (!VOTE_WORDS.test(sentence)) return null
  return NAMED.exec(label)?.[1] ?? null
}

/**
 * Where each share of one whole comes from or goes to: "60% of the electricity comes from gas, 25% from nuclear
 * power and 15% from renewables". Only with "from", "to" or "on" (not "in": rates by region are no shares).
 */
const SOURCE = /^\s*(?:of\s+(?:the\s+|its\s+|their\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:comes?|came|goes|went|is|was|are|were)\s+(?:spent\s+|used\s+|generated\s+|produced\s+|sent\s+|exported\s+)?)?(?:from|to|on)\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s*(?:[,;.]|and\b|$)/u

/** The answer an item names: the one said first after it. */
function answerOf(label: string): { answer: Answer; at: number } | null {
  let best: { answer: Answer; at: number } | null = null
  for (const [answer, pattern] of ANSWERS) {
    const m = pattern.exec(label)
    if (m && (!best || m.index < best.at)) best = { answer, at: m.index }
  }
  return best
}

function isChange(text: string, q: Q): boolean {
  const before = text.slice(Math.max(0, q.start - 40), q.start)
  const after = text.slice(q.end, q.end + 40)
  return directionBefore(before) !== null || changeNounAfter(after) !== null || comparativeAfter(after) !== null
}

function listGap(g: string): boolean {
  // "rose from 40% to 45%" is no list: a gap that starts with "to" or "from" links a change.
  return g.length <= 80 && /,|;|\band\b|\bwhile\b|\bwhereas\b/i.test(g) && !/\b(?:or|than)\b/i.test(g) && !/^\s*(?:to|from)\s/i.test(g)
}

export function sharesFindings(p: Paragraph): Finding[] {
  const out: Finding[] = []
  for (const [s, sentence] of p.sentences.entries()) {
    const percents = p.active[s]!.filter((q) => q.kind === 'percent' && q.unit === '%' && !q.baseLike)
    if (percents.length < 2) continue
    if (SEVERAL_ANSWERS.test(p.text.slice(sentence.start, sentence.end))) continue
    const qs = percents.filter((q) => !isChange(p.text, q))
    let i = 0
    while (i < qs.length) {
      const run = [qs[i]!]
      while (i + run.length < qs.length && listGap(p.text.slice(run[run.length - 1]!.end, qs[i + run.length]!.start))) run.push(qs[i + run.length]!)
      i += run.length
      if (run.length < 2) continue
      const f = checkRun(p.text, sentence.end, run)
      if (f) out.push(f)
    }
  }
  return out
}

function checkRun(text: string, sentenceEnd: number, run: readonly Q[]): Finding | null {
  const labels = run.map((q, k) => text.slice(q.end, k + 1 < run.length ? run[k + 1]!.start : Math.min(sentenceEnd, q.end + 80)))
  // Shares of different groups: "45% of men and 40% of women".
  const ofGroups = labels.map((l) => /^\s*of\s+(?:the\s+)?([\p{L}-]+)/iu.exec(l)?.[1]?.toLowerCase()).filter((x) => x !== undefined)
  if (ofGroups.length >= 2 && new Set(ofGroups).size > 1) return null
  if (labels.some((l) => /^\s*among\b/i.test(l))) return null
  const answers: Answer[] = []
  let restUnquantified = false
  const sentence = text.slice(Math.max(0, run[0]!.start - 120), sentenceEnd)
  for (const [k, label] of labels.entries()) {
    const name = nameOf(label, sentence)
    const source = k === 0 || answers[0]?.startsWith('source:') ? SOURCE.exec(label)?.[1] : undefined
    const firstIsWhole = /^\s*of\s/i.test(labels[0]!)
    const found: { answer: Answer; at: number } | null = name
      ? { answer: `name:${name}`, at: label.indexOf(name) + name.length }
      : source && firstIsWhole
        ? { answer: `source:${source.toLowerCase()}`, at: label.indexOf(source) + source.length }
        : answerOf(label)
    if (!found) return null
    answers.push(found.answer)
    if (k === labels.length - 1 && found.answer !== 'rest' && REST_WORDS.test(label.slice(found.at))) restUnquantified = true
  }
  if (new Set(answers).size !== answers.length) return null
  const named = answers.filter((a) => a.startsWith('name:') || a.startsWith('source:')).length
  if (named > 0) {
    // Candidates or sources: each item names one, the rest (if any) is the left-over; at least two of them.
    const prefix = answers.find((a) => a.startsWith('name:') || a.startsWith('source:'))!.slice(0, 5)
    if (named < 2 || answers.some((a) => !a.startsWith(prefix) && a !== 'rest')) return null
  }
  const gender = answers.some((a) => a === 'men' || a === 'women')
  if (gender && answers.some((a) => a !== 'men' && a !== 'women')) return null
  if (!gender && named === 0 && !(answers.includes('yes') && (answers.includes('no') || answers.includes('rest'))) && !(answers.includes('no') && answers.includes('rest'))) return null
  const exhaustive = answers.includes('rest')
  const total = sum(run.map(interval))
  const whole = { lo: 100, hi: 100 }
  const ok = exhaustive ? overlaps(total, whole) : canBeAtMost(total, whole)
  const computed = run.reduce((acc, q) => acc + q.value, 0)
  const decimals = Math.max(0, ...run.map((q) => (q.text.split('.')[1]?.match(/^\d+/)?.[0].length ?? 0)))
  const items = capitalise(run.map((q) => quoted(q)).join(' + '))
  const shown = `${plain(computed, Math.max(decimals, run.some((q) => !Number.isInteger(q.value)) ? 1 : 0))}%`
  const diff = computed - 100
  const gapText = `${plain(Math.abs(diff), 1)} ${Math.abs(diff) === 1 ? 'point' : 'points'}`
  let explanation: string
  if (exhaustive) {
    explanation = ok
      ? Math.abs(diff) < 1e-9
        ? `${items} = ${shown}: the shares of one whole make 100%.`
        : `${items} = ${shown}, which fits the 100% the shares of one whole make (rounding and hedges allowed).`
      : `${items} = ${shown}, but the shares of one whole should make 100%: ${gapText} ${diff > 0 ? 'over' : 'short'}.`
  } else {
    explanation = ok
      ? diff < 0
        ? `${items} = ${shown}, which leaves ${plain(-diff, 1)}% ${restUnquantified ? 'for the rest' : 'not accounted for (the text does not say who)'}.`
        : `${items} = ${shown}.`
      : `${items} = ${shown}, more than the whole: ${gapText} over 100%.`
  }
  return finding({ kind: 'shares', status: ok ? 'consistent' : 'inconsistent', quantities: run, stated: 100, computed, explanation })
}
