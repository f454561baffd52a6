// What a quantity counts ("exports", "trade", "tractors") and what qualifies it ("to the EU", "between Belarus and
// Russia"), read from the few words around it within its clause.

import type { Q } from './types'
import { MEASURE_HEADS, MONTHS, NON_VERB_SKIP, QUALIFYING_PREPOSITIONS, SUBJECT_SKIP, SUBJECT_STOP } from './lexicon'
import { normaliseHead } from './heads'

interface Token {
  word: string
  lower: string
  start: number
  end: number
  /** Punctuation that ends a clause. */
  stop: boolean
}

const TOKEN = /[\p{L}][\p{L}'’-]*|[,;:()“”"—–]|\s-\s/gu
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those'])
const TIME_WORDS = new RegExp(String.raw`\b(?:${MONTHS}|year|years|month|months|period|quarter|half|week|weeks|day|days)\b`, 'i')

function tokens(text: string, from: number, to: number, quantities: readonly Q[]): Token[] {
  const out: Token[] = []
  const region = text.slice(from, to)
  TOKEN.lastIndex = 0
  // The first quantity ending after `from` (binary search: a sentence may hold many).
  let lo = 0
  let hi = quantities.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (quantities[mid]!.end <= from) lo = mid + 1
    else hi = mid
  }
  let qi = lo
  // Every other quantity stands as one token '#' ("In 2016 the trade" is no "in the trade"; "the two countries").
  const flush = (upTo: number): void => {
    while (qi < quantities.length && quantities[qi]!.start < upTo && quantities[qi]!.start < to) {
      const q = quantities[qi]!
      if (q.end > from) out.push({ word: '#', lower: '#', start: q.start, end: q.end, stop: false })
      qi++
    }
  }
  for (let m = TOKEN.exec(region); m; m = TOKEN.exec(region)) {
    const start = from + m.index
    const last = out[out.length - 1]
    if (last?.word === '#' && start < last.end) continue // words inside a quantity ("almost", "million")
    flush(start + 1)
    const latest = out[out.length - 1]
    if (latest?.word === '#' && start < latest.end) continue
    const word = m[0].trim()
    out.push({ word, lower: word.toLowerCase(), start, end: start + m[0].length, stop: !/^[\p{L}]/u.test(word) })
  }
  flush(to)
  return out
}

export interface Subject {
  head?: string
  qualifier?: string
  /** Reached over an action verb ("the ministry spent", "Kazakhstan bought"): who acts, not what is counted. */
  actor?: boolean
  /** The clause's subject is a pronoun ("it soared"): what it counts is said before. */
  pronoun?: boolean
  /** A noun before the head ("export turnover", "trade surplus", "net profit"). */
  modifier?: string
}

/**
 * The subject to the left of a quantity: walk back over verbs of amounting, particles and hedges to the first noun;
 * a noun inside a prepositional phrase ("trade between the two countries", "exports to the EU") qualifies the noun
 * before the preposition. "the value of exports" counts exports. The walk starts just before token `at` of a
 * sentence's tokens and does not go before offset `floor`.
 */
function walkLeft(toks: readonly Token[], at: number, floor: number): Subject {
  let qualifier: string[] = []
  let skippedVerb = false
  let actor = false
  for (let i = at - 1; i >= 0 && toks[i]!.start >= floor; i--) {
    const t = toks[i]!
    if (t.stop) return {}
    if (t.word === '#') continue
    const lower = t.lower
    // "year on year", "month over month": one adverb of time in three words.
    if ((lower === 'year' || lower === 'month') && i >= 2 && /^(?:on|over|to)$/.test(toks[i - 1]!.lower) && toks[i - 2]!.lower === lower) {
      i -= 2
      skippedVerb = true
      continue
    }
    if (PARTICLES.has(lower) && !hasNounAfter(toks, i)) continue // "exports of $252.6 million", "came to", "stood at"
    if (SUBJECT_SKIP.has(lower) && !QUALIFYING_PREPOSITIONS.has(lower)) {
      if (!NON_VERB_SKIP.has(lower)) skippedVerb = true
      continue
    }
    // "from a year ago", "on the same period", "over the previous year": a time phrase, not a qualifier.
    if (QUALIFYING_PREPOSITIONS.has(lower) && onlyTimeAfter(toks, i, at)) continue
    if (isVerbLike(lower)) {
      skippedVerb = true
      actor = true
      continue
    }
    if (lower === 'it' || lower === 'they') return { pronoun: true }
    if (SUBJECT_STOP.has(lower) || QUALIFYING_PREPOSITIONS.has(lower)) return {}
    const found: Subject = { head: lower }
    if (qualifier.length) found.qualifier = qualifier.join(' ')
    if (actor) found.actor = true
    const before = toks[i - 1]
    if (before && !before.stop && /^[\p{Ll}][\p{Ll}-]*$/u.test(before.word) && !SUBJECT_SKIP.has(before.lower) && !SUBJECT_STOP.has(before.lower) && !DETERMINERS.has(before.lower) && !QUALIFYING_PREPOSITIONS.has(before.lower) && !isVerbLike(before.lower))
      found.modifier = before.lower
    // A content word. After a verb, or when it is a name, it may sit in a prepositional phrase that qualifies the
    // noun before it: "trade between the two countries reached", "imports from China $3 billion".
    if (!skippedVerb && !/^[\p{Lu}]/u.test(t.word)) return found
    let j = i - 1
    while (j >= 0 && !toks[j]!.stop && (/^[\p{Lu}]/u.test(toks[j]!.word) || /^(?:and|both|#)$/i.test(toks[j]!.word))) j--
    if (j >= 0 && !toks[j]!.stop && DETERMINERS.has(toks[j]!.lower)) j--
    const prep = j >= 0 && !toks[j]!.stop ? toks[j]!.lower : ''
    if (!QUALIFYING_PREPOSITIONS.has(prep)) return found
    if (prep === 'of' && j > 0 && MEASURE_HEADS.has(toks[j - 1]!.lower)) return found // "the number of tourists"
    qualifier = toks.slice(j, i + 1).map((x) => x.lower)
    i = j // go on before the preposition
  }
  return {}
}

const PARTICLES = new Set(['of', 'at', 'to', 'by', 'for'])
const TIME_TOKENS = new Set('a the year month quarter period ago earlier before previous prior same last basis annual an prior-year year-earlier year-ago'.split(' '))

/** The tokens after a preposition, up to the quantity, are time words only ("from a year ago"). */
function onlyTimeAfter(toks: readonly Token[], i: number, at: number): boolean {
  let seen = false
  for (let k = i + 1; k < at; k++) {
    const t = toks[k]!
    if (t.word === '#') break
    if (!TIME_TOKENS.has(t.lower)) return false
    seen = true
  }
  return seen
}

const IRREGULAR_VERBS = new Set(
  'bought sold spent paid got won took gave sent kept left cost costs hold holds held took brings say says told won wins earn earns spend spends buy buys sell sells pay pays receive receives invest invests'.split(' ')
)

/** A verb between the subject and its figure ("Kazakhstan bought $36 million", "Minsk received"). */
function isVerbLike(word: string): boolean {
  if (IRREGULAR_VERBS.has(word)) return true
  // Past tenses, except the nouns of trade that look like them.
  return /[^e]ed$/.test(word) && !/^(?:export|import|re-export)ed$/.test(word)
}

function hasNounAfter(toks: readonly Token[], i: number): boolean {
  const next = toks[i + 1]
  return next !== undefined && !next.stop && next.word !== '#' && !SUBJECT_SKIP.has(next.lower)
}

const RIGHT_OF = /^[\s\u00a0]+(?:worth\s+)?(?:of|in)\s+(?:the\s+)?((?:[\p{L}][\p{L}'’-]*\s+)?[\p{Ll}][\p{L}'’-]*)/u

/** "$42 million in imports", "$36 million of tractors", "$294.6 million of trade". */
export function rightSubject(text: string, q: Q): string | undefined {
  const m = RIGHT_OF.exec(text.slice(q.end, q.end + 60))
  if (!m) return undefined
  const words = m[1]!.split(/\s+/)
  const head = words[words.length - 1]!.toLowerCase()
  if (words.length === 2 && /^[\p{Ll}]/u.test(words[0]!) && SUBJECT_STOP.has(words[0]!.toLowerCase())) return undefined
  if (SUBJECT_STOP.has(head) || SUBJECT_SKIP.has(head) || TIME_WORDS.test(head) || head === 'total' || head === 'all') return undefined
  return head
}

/** The nearest quantity before `q` of its kind and unit that names what it counts (at most 20 back). */
function antecedentOf(q: Q, qs: readonly Q[], earlier: readonly Q[]): Q | undefined {
  const candidates = [...earlier.slice(-10), ...qs.slice(Math.max(0, qs.indexOf(q) - 10), qs.indexOf(q))]
  for (let k = candidates.length - 1; k >= 0; k--) {
    const x = candidates[k]!
    if (x.kind === q.kind && x.unit === q.unit && x.heads.length > 0) return x
  }
  return undefined
}

/**
 * Attach subjects and qualifiers to the quantities of one sentence. `earlier` are the paragraph's quantities before
 * it, for a pronoun ("… the trade was $164 million; in 2017 it soared …").
 */
export function annotateSubjects(text: string, sentence: { start: number; end: number }, qs: readonly Q[], earlier: readonly Q[] = []): void {
  // One tokenisation of the stretches a walk can reach (70 characters before each quantity); each quantity walks left
  // from its own token.
  const toks: Token[] = []
  let from = -1
  let to = -1
  for (const q of qs) {
    const start = Math.max(sentence.start, q.start - 70)
    if (start > to) {
      if (to > from) toks.push(...tokens(text, from, to, qs))
      from = start
    }
    to = Math.max(to, q.end)
  }
  if (to > from) toks.push(...tokens(text, from, to, qs))
  let ti = 0
  for (const q of qs) {
    while (ti < toks.length && toks[ti]!.start < q.start) ti++
    if (q.kind === 'year' || q.kind === 'rank' || q.kind === 'duration') continue
    const heads = new Set(q.heads)
    const right = q.kind === 'amount' || q.kind === 'count' ? rightSubject(text, q) : undefined
    if (right) heads.add(normaliseHead(right))
    const left = walkLeft(toks, ti, q.start - 70)
    if (left.head) heads.add(normaliseHead(left.head))
    if (left.pronoun && heads.size === 0) {
      const antecedent = antecedentOf(q, qs, earlier)
      if (antecedent) {
        for (const h of antecedent.heads) heads.add(h)
        if (antecedent.subject) q.subject = antecedent.subject
      }
    }
    q.heads = [...heads]
    // A count takes a subject from the left only when it is a plural noun ("tourists grew"), not a verb ("could implement").
    const leftUsable = left.head !== undefined && !left.actor && (q.kind !== 'count' || /[^s]s$|^people$/.test(left.head))
    const subject = q.subject ?? right ?? (!leftUsable ? undefined : left.modifier ? `${left.modifier} ${left.head}` : left.head)
    if (left.modifier && !right) q.modifier = left.modifier
    if (subject) q.subject = subject
    if (left.qualifier) {
      q.qualifier = left.qualifier
      if (!TIME_WORDS.test(left.qualifier) && !/\b\d{4}\b/.test(left.qualifier)) q.partner = left.qualifier.replace(/^\S+\s+/, '')
    }
  }
}
