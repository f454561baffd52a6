// What Factmark works out from an article's text on its own, offline (core/analyse-article.ts): the sentences worth
// checking and the article's own arithmetic, as the window, the CLI and reports get them. Derived, never stored: a
// reviewer's answer to a suggestion is (a claim, or a dismissal); a finding becomes a note when a reviewer attaches it.
// No model or checker is imported here, so the window can use these without loading them.
import { z } from 'zod'
import { OpId, SuggestionKind, type ArticleDoc } from './model'

export const Suggestion = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  score: z.number().min(0).max(1),
  kinds: z.array(SuggestionKind)
})
export type Suggestion = z.infer<typeof Suggestion>

export const FINDING_KINDS = ['sum', 'change', 'multiple', 'shares', 'difference'] as const
export const FINDING_STATUSES = ['consistent', 'inconsistent', 'not-checkable'] as const

export const Quantity = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  scale: z.number(),
  hedge: z.enum(['almost', 'about', 'more-than', 'less-than']).nullable(),
  kind: z.enum(['amount', 'percent', 'multiple', 'rank', 'count', 'duration', 'year']),
  subject: z.string().optional()
})

export const NumberFinding = z.object({
  status: z.enum(FINDING_STATUSES),
  kind: z.enum(FINDING_KINDS),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quantities: z.array(Quantity),
  stated: z.number().optional(),
  computed: z.number().optional(),
  difference: z.number().optional(),
  explanation: z.string()
})
export type NumberFinding = z.infer<typeof NumberFinding>

/** One text revision's suggestions (those at or above the threshold, in text order) and arithmetic findings. */
export const ArticleAnalysis = z.object({
  revision: OpId,
  threshold: z.number(),
  suggestions: z.array(Suggestion),
  findings: z.array(NumberFinding)
})
export type ArticleAnalysis = z.infer<typeof ArticleAnalysis>

/** The findings that concern a claim: those whose text overlaps the claim's words. */
export function findingsOnClaim(findings: readonly NumberFinding[], position: { start: number; end: number }): NumberFinding[] {
  return findings.filter((f) => f.start < position.end && f.end > position.start)
}

/** What each reason is called where a reviewer reads it (the app, the CLI, reports). */
export const KIND_LABELS: Record<SuggestionKind, string> = {
  quantity: 'quantity',
  comparison: 'comparison or trend',
  cause: 'cause and effect',
  prediction: 'prediction or plan',
  quote: 'quote',
  law: 'law or rule',
  experience: 'personal experience',
  opinion: 'opinion',
  courtesy: 'courtesy',
  question: 'question'
}
/** Reasons that count against checking a sentence (the rules' own list; no model is loaded with it). */
export { KINDS_AGAINST } from './suggest/kinds'

/** A finding's status in words, with the mark that goes with it (never the mark alone). */
export const FINDING_LABELS: Record<NumberFinding['status'], { mark: string; label: string }> = {
  consistent: { mark: '✓', label: 'Consistent' },
  inconsistent: { mark: '✗', label: 'Inconsistent' },
  'not-checkable': { mark: '?', label: 'Not checkable' }
}

/** A finding as a note on a claim: what a reviewer attaches with one click. */
export function findingNote(finding: NumberFinding): string {
  return `Arithmetic check: ${FINDING_LABELS[finding.status].label.toLocaleLowerCase()}. ${finding.explanation}`
}

/** Suggestions for the document's current text that no one dismissed and no claim covers, strongest first. */
export function openSuggestions(doc: ArticleDoc, analysis: ArticleAnalysis | null): Suggestion[] {
  if (!analysis || analysis.revision !== doc.revision) return []
  const dismissed = new Set(doc.dismissed ?? [])
  const covered = coverage(doc.claims.filter((c) => c.anchor?.status !== 'orphaned').map((c) => c.position))
  return analysis.suggestions.filter((s) => !dismissed.has(s.text) && !covered(s)).sort((a, b) => b.score - a.score || a.start - b.start)
}

/** Whether any of `spans` overlaps a given one: a binary search over their starts and the furthest end so far. */
function coverage(spans: { start: number; end: number }[]): (span: { start: number; end: number }) => boolean {
  // Claims come in the order of the text already (but for the odd overlap): sorting them anew each change costs more.
  const sorted = spans.every((s, i) => i === 0 || spans[i - 1]!.start <= s.start) ? spans : spans.toSorted((a, b) => a.start - b.start)
  const furthest: number[] = []
  for (const span of sorted) furthest.push(Math.max(span.end, furthest.at(-1) ?? 0))
  return ({ start, end }) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (sorted[mid]!.start < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && furthest[lo - 1]! > start
  }
}
