import type { Claim, Operation, Verdict } from '../../../core/model'
import { verdictLabel } from './verdicts'

/** The operations that touched one claim, oldest first. */
export function claimHistory(log: readonly Operation[], claimId: string): Operation[] {
  return log.filter((op) => (op.type === 'claim.create' ? op.claim.id === claimId : 'claimId' in op && op.claimId === claimId))
}

/** One line of the audit trail, as a reviewer would say it. */
export function describeOperation(op: Operation, labels?: Record<Verdict, string>): string {
  const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`
  switch (op.type) {
    case 'article.rename':
      return `renamed the article to ${quote(op.title)}`
    case 'claim.create':
      return `marked the claim ${quote(op.claim.quote.exact)}`
    case 'claim.delete':
      return `deleted the claim ${quote(op.claim.quote.exact)}`
    case 'claim.setVerdict':
      return `set the verdict to ${verdictLabel(op.verdict, labels)} (was ${verdictLabel(op.previous, labels)})`
    case 'claim.setConclusion':
      return op.conclusion ? `wrote the conclusion ${quote(op.conclusion)}` : 'cleared the conclusion'
    case 'claim.setClaimant':
      return op.claimant ? `set the claimant to ${op.claimant}` : 'cleared the claimant'
    case 'claim.setTags':
      return op.tags.length ? `set the tags to ${op.tags.join(', ')}` : 'removed the tags'
    case 'claim.addNote':
      return `added a note ${quote(op.note.text)}`
    case 'claim.editNote':
      return `edited a note to ${quote(op.text)}`
    case 'claim.deleteNote':
      return `deleted a note ${quote(op.note.text)}`
    case 'claim.addSource':
      return `added the source ${quote(op.source.title || op.source.url)} (${op.source.stance})`
    case 'claim.deleteSource':
      return `removed the source ${quote(op.source.title || op.source.url)}`
  }
}

/** Whether a claim matches a search across its text, conclusion, claimant, tags, notes and sources. */
export function claimMatches(claim: Claim, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase()
  if (!needle) return true
  const haystack = [
    claim.quote.exact,
    claim.conclusion,
    claim.claimant,
    ...claim.tags,
    ...claim.notes.map((n) => n.text),
    ...claim.sources.flatMap((s) => [s.title, s.publisher, s.url, s.excerpt])
  ]
  return haystack.some((text) => text.toLocaleLowerCase().includes(needle))
}
