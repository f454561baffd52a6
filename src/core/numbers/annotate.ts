// One paragraph made ready for the relations: its sentences, its quantities with their sentence, subject, period
// ("In January-June 2016 …"), and whether the text marks them as an earlier value or as the base of a comparison.

import type { Q, Span } from './types'
import { MONTHS } from './lexicon'
import { scanQuantities } from './quantities'
import { splitSentences } from './sentences'
import { annotateSubjects } from './subjects'
import { active, MAX_PER_SENTENCE } from './relations/common'

export interface Paragraph {
  text: string
  span: Span
  sentences: Span[]
  quantities: Q[]
  /** Quantities per sentence, in text order. */
  bySentence: Q[][]
  /** Per sentence, the quantities relations may use (no years, ranks, durations, ranges; none in a table-like sentence). */
  active: Q[][]
}

const EARLIER =
  /\b(?:last year(?:['’]s)?|a year (?:earlier|ago|before)|the year before|the previous year|previous year|the prior year|prior year|year-earlier|year-ago|the same period (?:of|in) (?:the previous|last|the prior) year|in the previous|the year-ago)\b/gi

/** The prepositions and period words before a year that make it the period of the figures near it. */
const PERIOD_BEFORE = new RegExp(String.raw`(?:\b(?:in|during|for|of|over|year|fiscal|FY|since|by)\s+|\b(?:${MONTHS})(?:\s*[-–]\s*(?:${MONTHS}))?\s+|^\s*)$`, 'i')

const BASE_HINT = /from|than|compared|against|versus|vs/i

export function analyseParagraph(text: string, span: Span): Paragraph {
  const quantities = scanQuantities(text, span.start, span.end)
  const sentences = splitSentences(text, span.start, span.end)
  const bySentence: Q[][] = sentences.map(() => [])
  let si = 0
  for (const q of quantities) {
    while (si + 1 < sentences.length && sentences[si]!.end <= q.start) si++
    q.sentence = si
    bySentence[si]!.push(q)
  }
  for (const [i, sentence] of sentences.entries()) {
    const qs = bySentence[i]!
    // A sentence of hundreds of numbers is a table run into text: the relations skip it, so does the annotation.
    if (qs.length === 0 || qs.length > MAX_PER_SENTENCE) continue
    annotateSubjects(text, sentence, qs, bySentence.slice(Math.max(0, i - 2), i).flat())
    annotatePeriods(text, sentence, qs)
    annotateEarlier(text, sentence, qs)
    for (const q of qs) {
      const before = text.slice(Math.max(sentence.start, q.start - 40), q.start)
      if (BASE_HINT.test(before) && /\b(?:from|than|compared (?:with|to)|against|versus|vs\.?)\s+(?:(?:the|a|an|its|their|last year['’]s|[\p{L}]+['’]s)\s+)?$/iu.test(before)) q.baseLike = true
    }
  }
  return { text, span, sentences, quantities, bySentence, active: bySentence.map(active) }
}

/** A figure's period is the year nearest to it in its sentence that reads as a period ("in 2016", "January-June 2016"). */
function annotatePeriods(text: string, sentence: Span, qs: readonly Q[]): void {
  const years = qs.filter((q) => q.kind === 'year' && !q.range && PERIOD_BEFORE.test(text.slice(Math.max(sentence.start, q.start - 30), q.start)))
  if (years.length === 0) return
  for (const q of qs) {
    if (q.kind === 'year') continue
    let best: Q | undefined
    let bestDistance = Infinity
    for (const y of years) {
      const distance = y.end <= q.start ? q.start - y.end : y.start - q.end
      if (distance < bestDistance) {
        best = y
        bestDistance = distance
      }
    }
    if (best) q.period = best.value
  }
}

/** "a year earlier", "last year's": the figure nearest to the phrase is an earlier value. */
function annotateEarlier(text: string, sentence: Span, qs: readonly Q[]): void {
  const region = text.slice(sentence.start, sentence.end)
  if (!/year|previous|prior|earlier|ago/i.test(region)) return
  EARLIER.lastIndex = 0
  for (let m = EARLIER.exec(region); m; m = EARLIER.exec(region)) {
    const at = sentence.start + m.index
    const end = at + m[0].length
    let best: Q | undefined
    let bestDistance = Infinity
    for (const q of qs) {
      if (q.kind === 'year' || q.kind === 'percent' || q.kind === 'multiple' || q.kind === 'rank') continue
      const distance = q.end <= at ? at - q.end : q.start - end
      if (distance >= 0 && distance < bestDistance) {
        best = q
        bestDistance = distance
      }
    }
    if (best && bestDistance < 80) best.earlier = true
  }
}
