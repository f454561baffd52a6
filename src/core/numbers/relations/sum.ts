// Parts and their total.
//
// Read only where the text says so:
// - a total word at the total ("a total of", "in all", "altogether", "combined", "together make up", "totaling")
//   with a list of figures right before it: the parts must add up to it;
// - a total followed by a list after ":" or "—": equal with a total word, else the parts fit within it;
// - "X, of which A and B", "X, including A and B", "X includes A and B", "Of the X, A … and B …", and with two parts
//   or more "X, with A and B" and "1,100 pupils, 540 boys and 560 girls": the parts fit within X (the text does not
//   say they are all of it), so only parts that exceed X are inconsistent;
// - "X is made up of / consists of / is split into A and B": the parts must add up to X;
// - trade = exports + imports (turnover, commerce), for one period and one partner, within a few sentences.
// The items of a list after its total are joined by commas and "and" only ("including 91 children, while some 2,300
// were injured" is one item).
// A finite "totaled" after a noun ("Exports totaled $252.6 million, imports $42 million") is the verb of that
// noun, not a total of the list.

import type { Finding, Q } from '../types'
import type { Paragraph } from '../annotate'
import { canBeAtMost, overlaps, sum } from '../interval'
import { capitalise, figure, howFar, quoted, styleFor } from '../format'
import { addable, coordinated, family, finding, gap, interval, listed } from './common'

type Mode = 'equal' | 'within'

const LEFT_TOTAL =
  /(?:\b(?:a|the|its|their)\s+(?:combined\s+|grand\s+|overall\s+)?total\s+(?:[\p{L}-]+\s+){0,2}?(?:of|was|is|were|stood at|reached|came to|amounted to)\s+|\btotall?ing\s+|\bin\s+total\s*,?\s+|\baltogether\s*,?\s+|\bin\s+all\s*,?\s+|\ball\s+told\s*,?\s+|\bcombined\s+(?:[\p{L}-]+\s+){0,2}?(?:of\s+)?|\btogether\s+(?!with\b)(?:[\p{L}-]+\s+){0,3}?|\bbringing\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+)?(?:total|tally|sum)\s+to\s+|\badd(?:s|ed|ing)?\s+up\s+to\s+|\bsumm?(?:s|ed|ing)?\s+(?:up\s+)?to\s+)$/iu
const RIGHT_TOTAL = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:in\s+total|altogether|in\s+all|all\s+told|combined(?!\s+with)|in\s+sum)\b/iu

const COLON_LEAD = /^[^,;:()]{0,40}?[:—]\s*(?:[\p{L}'’-]+\s+){0,4}$/u
const INCLUSION_LEAD = /^[^;:()]{0,40}?,?\s*(?:of which|including|among them|among whom|of whom|such as)\b(?:\s+[\p{L}'’-]+){0,4}\s*$/iu
/** "X, with A and B": a looser lead, read only with two parts or more. */
const WITH_LEAD = /^[^;:()]{0,40}?,\s*with\b(?:\s+[\p{L}'’-]+){0,4}\s*$/iu
const OF_THE_BEFORE = /(?:^|\b)of\s+(?:the|its|their)\s+$/i
const OF_THE_GAP = /^(?:\s+[\p{L}'’-]+){0,4},(?:\s+[\p{L}'’-]+){0,4}\s*$/u
/** "The deal, worth $1.2 billion, includes $700 million … and $600 million …": a verb of inclusion. */
const INCLUDES_LEAD = /^[^;:()]{0,30}?,?\s*(?:includes|included|include|comprises|comprised|comprise|covers|covered)\b(?:\s+[\p{L}'’-]+){0,3}\s*$/iu
/** "… is made up of", "consists of", "is split into", "breaks down into": all of it, parts that must add up. */
const CONSISTS_LEAD = /^[^;:()]{0,30}?,?\s*(?:(?:is|was|are|were)\s+made\s+up\s+of|consists?\s+of|consisted\s+of|(?:is|was)\s+(?:split|divided|broken\s+down)\s+into|breaks?\s+down\s+into)\b(?:\s+[\p{L}'’-]+){0,3}\s*$/iu
/** "1,100 pupils, 540 boys and 560 girls": a count of people and its breakdown right after it. */
const BREAKDOWN_LEAD = /^\s+[\p{L}'’-]+,\s*$/u

function summable(q: Q): boolean {
  const f = family(q)
  return f === 'money' || f === 'count' || f === 'measure'
}

const TOTAL_HINT = /\b(?:total|in all|altogether|all told|combined|together|add|adds|added|adding|sum|summ)/i

function hasTotalWord(text: string, t: Q, sentenceStart: number): boolean {
  const before = text.slice(Math.max(sentenceStart, t.start - 45), t.start)
  const after = text.slice(t.end, t.end + 30)
  return (TOTAL_HINT.test(before) && LEFT_TOTAL.test(before)) || (TOTAL_HINT.test(after) && RIGHT_TOTAL.test(after))
}

/** The list of figures ending right before the total. */
function partsBefore(text: string, qs: readonly Q[], t: number): Q[] {
  const total = qs[t]!
  const last = qs[t - 1]
  if (!last || !addable(last, total)) return []
  const lead = gap(text, last, total)
  if (lead.length > 80 || /\b(?:or|than|versus|compared)\b/i.test(lead)) return []
  const parts = [last]
  for (let j = t - 2; j >= 0; j--) {
    const q = qs[j]!
    if (!addable(q, total) || !addable(q, parts[0]!) || !coordinated(gap(text, q, parts[0]!))) break
    parts.unshift(q)
  }
  return parts
}

/** The list of figures starting at qs[k]. */
function partsAfter(text: string, qs: readonly Q[], k: number, total: Q): Q[] {
  const first = qs[k]
  if (!first || !addable(first, total)) return []
  const parts = [first]
  for (let j = k + 1; j < qs.length; j++) {
    const q = qs[j]!
    if (!addable(q, total) || !addable(q, parts[parts.length - 1]!) || !listed(gap(text, parts[parts.length - 1]!, q))) break
    parts.push(q)
  }
  return parts
}

const LEAD_HINT = /[:—,]/

function leadAfter(text: string, total: Q, next: Q | undefined, sentenceStart: number): { inclusion: boolean; loose?: boolean; breakdown?: boolean; all?: boolean } | null {
  if (!next) return null
  const g = gap(text, total, next)
  if (g.length > 80) return null
  if (INCLUDES_LEAD.test(g)) return { inclusion: true }
  if (CONSISTS_LEAD.test(g)) return { inclusion: false, all: true }
  if (!LEAD_HINT.test(g)) return null
  if (COLON_LEAD.test(g)) return { inclusion: false }
  if (INCLUSION_LEAD.test(g)) return { inclusion: true }
  if (WITH_LEAD.test(g)) return { inclusion: true, loose: true }
  if (OF_THE_BEFORE.test(text.slice(Math.max(sentenceStart, total.start - 12), total.start)) && OF_THE_GAP.test(g)) return { inclusion: true }
  if (total.unit === 'people' && total.noun && BREAKDOWN_LEAD.test(g)) return { inclusion: true, loose: true, breakdown: true }
  return null
}

/** "exports $252.6 million", "37 people", "$42 million". */
function named(q: Q): string {
  if (q.kind === 'count') return q.noun ? `${quoted(q)} ${q.noun}` : quoted(q)
  return q.subject ? `${q.subject} ${quoted(q)}` : quoted(q)
}

/** " for the trade" when the text names what an amount totals. */
function forWhat(q: Q): string {
  return q.kind !== 'count' && q.subject ? ` for the ${q.subject}` : ''
}

export function checkSum(parts: readonly Q[], total: Q, mode: Mode): Finding {
  const involved = [...parts, total]
  const style = styleFor(total, involved)
  const computedInterval = sum(parts.map(interval))
  const stated = interval(total)
  const computed = parts.reduce((acc, q) => acc + q.value, 0)
  const diff = computed - total.value
  const items = parts.map(named).join(' + ')
  const shown = figure(computed, style)
  const ok = mode === 'equal' ? overlaps(computedInterval, stated) : canBeAtMost(computedInterval, stated)
  let explanation: string
  const given = total.kind === 'count' ? named(total) : quoted(total)
  if (mode === 'equal') {
    if (!ok) explanation = `${capitalise(items)} = ${shown}, but the text gives ${given}${forWhat(total)}: ${howFar(diff, style)}.`
    else if (shown === quoted(total)) explanation = `${capitalise(items)} = ${shown}, the ${total.kind !== 'count' && total.subject ? total.subject : 'total'} stated.`
    else explanation = `${capitalise(items)} = ${shown}, which fits the “${given}” the text gives${forWhat(total)} (rounding and hedges allowed).`
  } else if (!ok) {
    explanation = `${capitalise(items)} = ${shown}, more than the ${given} the text gives${forWhat(total)}: ${howFar(diff, style)}.`
  } else {
    explanation = `${capitalise(items)} = ${shown}, within the ${given} the text gives${forWhat(total)} (it does not say these are all of it).`
  }
  return finding({ kind: 'sum', status: ok ? 'consistent' : 'inconsistent', quantities: involved, stated: total.value, computed, explanation })
}

function structural(p: Paragraph): Finding[] {
  const out: Finding[] = []
  for (const [s, sentence] of p.sentences.entries()) {
    const qs = p.active[s]!.filter(summable)
    for (let t = 0; t < qs.length; t++) {
      const total = qs[t]!
      if (total.baseLike) continue
      const marked = hasTotalWord(p.text, total, sentence.start)
      if (marked) {
        const parts = partsBefore(p.text, qs, t)
        if (parts.length >= 2) {
          out.push(checkSum(parts, total, 'equal'))
          continue
        }
      }
      const lead = leadAfter(p.text, total, qs[t + 1], sentence.start)
      if (!lead) continue
      let parts = partsAfter(p.text, qs, t + 1, total)
      // A breakdown of people names each part's own people ("540 boys and 560 girls").
      if (lead.breakdown && parts.some((q) => q.unit !== 'people' || !q.noun)) parts = []
      const mode: Mode = lead.all || (!lead.inclusion && marked) ? 'equal' : 'within'
      let emitted = false
      if (parts.length >= 2) {
        out.push(checkSum(parts, total, mode))
        emitted = true
      } else if (parts.length === 1 && mode === 'within' && !lead.loose) {
        // One part within its total says nothing; one part larger than its total is an error.
        const f = checkSum(parts, total, mode)
        if (f.status === 'inconsistent') {
          out.push(f)
          emitted = true
        }
      }
      if (emitted) t += parts.length
    }
  }
  return out
}

const TRADE = ['trade', 'turnover', 'commerce']

/** The figure of one head nearest to `total`, of its period; null when none or two equally near disagree. */
function nearest(p: Paragraph, total: Q, head: string): Q | null {
  let best: Q | null = null
  let bestKey = Infinity
  let tie = false
  for (let s = Math.max(0, total.sentence - 2); s <= Math.min(p.sentences.length - 1, total.sentence + 2); s++) {
    for (const q of p.active[s]!) {
      if (q === total || !q.heads.includes(head) || family(q) !== 'money' && !q.elliptic) continue
      if (!addable(q, total) || q.baseLike || q.earlier !== total.earlier || q.period !== total.period) continue
      const key = Math.abs(s - total.sentence) * 1e6 + Math.abs(q.start - total.start)
      if (key < bestKey) {
        tie = best !== null && Math.floor(key / 1e6) === Math.floor(bestKey / 1e6) && best.value !== q.value
        best = q
        bestKey = key
      } else if (best && Math.floor(key / 1e6) === Math.floor(bestKey / 1e6) && q.value !== best.value) tie = true
    }
  }
  return tie ? null : best
}

function partnerOf(q: Q): string | undefined {
  return q.partner?.replace(/^(?:the|its|their)\s+/, '')
}

function lexicon(p: Paragraph): Finding[] {
  const out: Finding[] = []
  for (const total of p.quantities) {
    if (family(total) !== 'money' || total.range || total.baseLike || !total.heads.some((h) => TRADE.includes(h))) continue
    // "export turnover", "import trade" are one side of the trade, not its total.
    if (total.modifier && /^(?:export|import|re-export)s?$/.test(total.modifier)) continue
    const exports = nearest(p, total, 'export')
    const imports = nearest(p, total, 'import')
    if (!exports || !imports || exports === imports) continue
    if (Math.abs(exports.sentence - imports.sentence) > 1 || Math.abs(exports.sentence - total.sentence) > 2) continue
    // One partner: a part may name one only if the total names the same ("exports to the EU" are no part of the
    // trade with Russia, nor of a trade that names no partner).
    const partner = partnerOf(total)
    if ([partnerOf(exports), partnerOf(imports)].some((x) => x !== undefined && x !== partner)) continue
    out.push(checkSum(exports.start < imports.start ? [exports, imports] : [imports, exports], total, 'equal'))
  }
  return out
}

export function sumFindings(p: Paragraph): Finding[] {
  return [...lexicon(p), ...structural(p)]
}
