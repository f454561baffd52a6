// Sentences of one paragraph, for the windows the relations look in. A small splitter of its own: "$294.6 million."
// ends a sentence, "294.6", "Mr. Kobyakov", "U.S." and "A. Kobyakov" do not. Linear in the paragraph.

import type { Span } from './types'

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e no nos jan feb mar apr jun jul aug sep sept oct nov ' +
    'dec gen col lt sgt capt gov sen rep u.s u.k u.n e.u a.m p.m approx est rs br art sec ch para vol pp fig').split(' ')
)

const END = /[.!?…]+["'”’»)\]]*(?=\s|$)/g

export function splitSentences(text: string, from: number, to: number): Span[] {
  const region = text.slice(from, to)
  const spans: Span[] = []
  let start = 0
  END.lastIndex = 0
  for (let m = END.exec(region); m; m = END.exec(region)) {
    const end = m.index + m[0].length
    if (!isBoundary(region, m.index, end)) continue
    push(spans, region, from, start, end)
    start = end
  }
  push(spans, region, from, start, region.length)
  return spans
}

function push(spans: Span[], region: string, from: number, start: number, end: number): void {
  const piece = region.slice(start, end)
  const lead = piece.length - piece.trimStart().length
  const trimmed = piece.trim()
  if (trimmed) spans.push({ start: from + start + lead, end: from + start + lead + trimmed.length })
}

function isBoundary(region: string, dot: number, end: number): boolean {
  if (region[dot] !== '.') return true
  const word = /([\p{L}.]+)$/u.exec(region.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase() ?? ''
  if (ABBREVIATIONS.has(word)) return false
  // An initial: "A. Kobyakov".
  if (/^\p{Lu}$/u.test(region.slice(dot - 1, dot)) && !/[\p{L}]/u.test(region.slice(dot - 2, dot - 1))) return false
  // The next sentence starts with a capital, a digit, a quote or a bracket; "e.g. a" does not.
  const next = /\S/.exec(region.slice(end, end + 4))?.[0]
  return next === undefined || /[\p{Lu}\d"'“‘(\[«$€£]/u.test(next)
}
