import { describeOperation } from '../../../core/history'
import type { Claim, Operation, Verdict } from '../../../core/model'

/** One line of the audit trail, worded as in exported reports. */
export function describeChange(op: Operation, labels: Record<Verdict, string>): string {
  return describeOperation(op, { verdictLabels: labels, includeNotes: true })
}

/**
 * Whether a claim matches a search across its text, conclusion, claimant, tags, notes and sources: every word
 * typed must appear somewhere in them, in any order ("kazakhstan third"). Made once per search, for every claim.
 */
export function claimMatcher(query: string): (claim: Claim) => boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return () => true
  return (claim) => {
    const haystack = [
      claim.quote.exact,
      claim.conclusion,
      claim.claimant,
      ...claim.tags,
      ...claim.notes.map((n) => n.text),
      ...claim.sources.flatMap((s) => [s.title, s.publisher, s.url, s.excerpt])
    ]
      .join('\n')
      .toLocaleLowerCase()
    return words.every((word) => haystack.includes(word))
  }
}
