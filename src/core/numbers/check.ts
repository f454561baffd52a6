// The cross-check of one text: paragraph by paragraph (the blocks given, else lines), each relation read within
// its paragraph and a window of a few sentences, so the work grows with the text, not with its square.

import { linesOf } from '../sentences'
import type { Finding, Quantity, Span } from './types'
import { analyseParagraph } from './annotate'
import { publicQuantity } from './relations/common'
import { changeFindings } from './relations/change'
import { differenceFindings } from './relations/difference'
import { multipleFindings } from './relations/multiple'
import { sharesFindings } from './relations/shares'
import { sumFindings } from './relations/sum'

/** Lines as paragraphs, for a text without blocks (blank ones left out). */
export function lines(text: string): Span[] {
  return linesOf(text).filter((line) => text.slice(line.start, line.end).trim() !== '')
}

function paragraphs(text: string, blocks: readonly Span[] | undefined): Span[] {
  if (!blocks) return lines(text)
  return blocks
    .map((b) => ({ start: Math.max(0, Math.min(b.start, text.length)), end: Math.max(0, Math.min(b.end, text.length)) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start)
}

export function findQuantitiesIn(text: string, blocks?: readonly Span[]): Quantity[] {
  const out: Quantity[] = []
  for (const span of paragraphs(text, blocks)) for (const q of analyseParagraph(text, span).quantities) out.push(publicQuantity(q))
  return out
}

/** One finding per set of quantities: the first reading wins (the order of the relations below). */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const f of findings) {
    const key = f.quantities.map((q) => `${q.start}:${q.end}`).join(',')
    if (seen.has(key)) continue
    seen.add(key)
    out.push(f)
  }
  return out
}

export function checkText(text: string, blocks?: readonly Span[]): Finding[] {
  const out: Finding[] = []
  for (const span of paragraphs(text, blocks)) {
    const p = analyseParagraph(text, span)
    if (p.quantities.length < 2) continue
    out.push(...dedupe([...sumFindings(p), ...changeFindings(p), ...multipleFindings(p), ...differenceFindings(p), ...sharesFindings(p)]))
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}
