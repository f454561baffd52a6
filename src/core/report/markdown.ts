// The report as Markdown (CommonMark with a GFM table), for pasting into a CMS, a ticket or a chat.
// User text is escaped so that it reads as the same literal text and never becomes markup: no raw HTML,
// no links or emphasis smuggled in through a note, no headings or lists started by a line's first character.

import { blankLineTidier } from './blank-lines'
import { FINDING_LABELS, findingsOnClaim } from '../analysis'
import { inQuotes, noteAuthor, personName } from '../history'
import type { ArticleDoc, Claim } from '../model'
import { WORDING_WORDS } from '../placement-words'
import { countVerdicts, disagreementLine, needsLookLine, progressLine } from '../progress'
import { AGREEMENT_HEADING, agreementText, reviewStatusText } from './agreement'
import { isoDay, longDay, utcMinute } from './dates'
import { DISAGREEMENT_LABEL, disagreementText } from './disagreement'
import { articleHistory, claimHistory, type HistoryLine } from './history'
import { reportedClaims, resolvedLabels, verdictLabel, type ReportOptions } from './options'
import { reviewers } from './people'
import { escapeHeading, escapeLines, escapeMarkdown, link } from './markdown-escape'
import { quoteLine } from './markdown-quote'
import { standingOf } from './standing'
import { REPORT_VERDICT_ORDER, VERDICT_ICONS } from './verdicts'

export { escapeMarkdown }

function historyLines(lines: HistoryLine[]): string[] {
  return lines.map((h) => `- ${h.when} — ${escapeMarkdown(h.by)}: ${escapeMarkdown(h.what)}`)
}

/** User words on one line, in quotation marks unless they bring their own. */
const words = (text: string) => escapeMarkdown(inQuotes(text.replace(/\s+/g, ' ')))

function claimSection(doc: ArticleDoc, claim: Claim, number: number, options: ReportOptions): string[] {
  const label = verdictLabel(options, claim.verdict)
  const standing = standingOf(claim)
  const earlierVerdict = standing.verdictFor !== undefined ? ` (${escapeHeading(WORDING_WORDS.verdictForEarlier)})` : ''
  const disagreement = disagreementText(doc, claim, options, true)
  const where = `${disagreement ? ` · ${DISAGREEMENT_LABEL}` : ''}${standing.label ? ` · ${escapeHeading(standing.label)}` : ''}`
  const out: string[] = [`### ${number}. ${VERDICT_ICONS[claim.verdict]} ${escapeHeading(label)}${earlierVerdict}${where}`, '']
  if (standing.sentence) out.push(`**${escapeMarkdown(standing.sentence)}**`, '')
  // A claim not found: its words with the text that was around them then, said to be so.
  if (standing.state === 'not-found') out.push(`*${escapeMarkdown(WORDING_WORDS.asItWas)}:*`, '')
  out.push(`> ${quoteLine(doc, claim)}`, '')
  if (standing.earlier !== undefined) out.push(`- **${escapeMarkdown(WORDING_WORDS.earlier)}:** ${words(standing.earlier)}`)
  if (standing.state === 'text-changed') out.push(`- **${escapeMarkdown(WORDING_WORDS.current)}:** ${words(claim.quote.exact)}`)
  const given = standing.verdictFor !== undefined ? `, ${escapeMarkdown(WORDING_WORDS.verdictForEarlier)}: ${words(standing.verdictFor)}` : ''
  out.push(`- **Verdict:** ${VERDICT_ICONS[claim.verdict]} ${escapeMarkdown(label)}${given}`)
  if (disagreement) out.push(`- **${DISAGREEMENT_LABEL}:** ${escapeMarkdown(disagreement)}`)
  if (claim.conclusion.trim()) out.push(`- **Conclusion:** ${escapeLines(claim.conclusion, '  ')}`)
  if (claim.claimant.trim()) out.push(`- **Claimant:** ${escapeMarkdown(claim.claimant)}`)
  if (claim.tags.length) out.push(`- **Tags:** ${claim.tags.map(escapeMarkdown).join(', ')}`)
  out.push(`- **Claim id:** ${escapeMarkdown(claim.id)}`)

  const findings = claim.anchor?.status === 'orphaned' ? [] : findingsOnClaim(options.findings ?? [], claim.position)
  if (findings.length) {
    out.push('', '**Numbers checked**', '')
    for (const f of findings) out.push(`- ${FINDING_LABELS[f.status].mark} ${FINDING_LABELS[f.status].label}: ${escapeMarkdown(f.explanation)}`)
  }

  if (options.includeNotes && claim.notes.length) {
    out.push('', '**Notes**', '')
    for (const note of claim.notes) {
      const edited = note.editedAt ? `, edited ${longDay(note.editedAt)}` : ''
      out.push(`- *${escapeMarkdown(noteAuthor(doc.people, note))}, ${longDay(note.at)}${edited}:*\\`, `  ${escapeLines(note.text, '  ')}`)
    }
  }
  if (claim.sources.length) {
    out.push('', '**Sources**', '')
    claim.sources.forEach((source, i) => {
      const details = [
        source.publisher.trim() ? escapeMarkdown(source.publisher) : '',
        `*${source.stance}*`,
        `accessed ${isoDay(source.accessedAt)}`
      ].filter(Boolean)
      const marker = `${i + 1}. `
      const indent = ' '.repeat(marker.length)
      out.push(`${marker}${link(source.title.trim() || source.url, source.url)} — ${details.join(' · ')}`)
      if (source.excerpt.trim()) out.push('', `${indent}> ${escapeLines(source.excerpt, `${indent}> `)}`, '')
    })
  }
  if (options.includeHistory) {
    const lines = claimHistory(doc, claim.id, options)
    if (lines.length) out.push('', '**History**', '', ...historyLines(lines))
  }
  out.push('')
  return out
}

export function exportMarkdown(doc: ArticleDoc, options: ReportOptions): string {
  return [...markdownPieces(doc, options)].join('')
}

/**
 * The Markdown report as pieces that join into it, one per claim after the summary: the caller can give other work
 * a turn between them. Blank lines are tidied as they go (at most one in a row).
 */
export function* markdownPieces(doc: ArticleDoc, options: ReportOptions): Generator<string> {
  const { article } = doc
  const claims = reportedClaims(doc, options)
  const counts = countVerdicts(doc.claims)
  const people = reviewers(doc)

  const facts: string[] = []
  const origin = article.origin.url ? link(article.site || article.origin.url, article.origin.url) : escapeMarkdown(article.site || article.origin.name || '')
  if (origin) facts.push(`- **Source:** ${origin}`)
  if (article.byline?.trim()) facts.push(`- **Byline:** ${escapeMarkdown(article.byline)}`)
  if (article.publishedAt?.trim()) facts.push(`- **Published:** ${escapeMarkdown(longDay(article.publishedAt))}`)
  if (people.length) facts.push(`- **Reviewers:** ${people.map(escapeMarkdown).join(', ')}`)
  const status = reviewStatusText(doc)
  if (status) facts.push(`- **Status:** ${escapeMarkdown(status)}`)
  if (options.organisation.trim()) facts.push(`- **Organisation:** ${escapeMarkdown(options.organisation)}`)
  facts.push(`- **Report generated:** ${utcMinute(options.generatedAt)}`)

  const out: string[] = [`# ${escapeHeading(article.title)}`, '', '*Fact-check report*', '', ...facts, '', '## Summary', '']
  out.push(`**Progress:** ${escapeMarkdown(progressLine(doc.claims, resolvedLabels(options)))}`, '')
  const look = needsLookLine(doc.claims)
  if (look) out.push(`**${escapeMarkdown(look)}**`, '')
  const disagree = disagreementLine(doc.claims)
  if (disagree) out.push(`**${escapeMarkdown(disagree)}**`, '')
  out.push('| Verdict | Claims |', '| :-- | --: |')
  for (const v of REPORT_VERDICT_ORDER) out.push(`| ${VERDICT_ICONS[v]} ${escapeMarkdown(verdictLabel(options, v))} | ${counts[v]} |`)
  out.push(`| **Total** | **${doc.claims.length}** |`, '')
  if (!options.includeUnreviewed && counts.unreviewed > 0) {
    out.push(`*${counts.unreviewed} unreviewed ${counts.unreviewed === 1 ? 'claim is' : 'claims are'} not listed below.*`, '')
  }

  const agreement = agreementText(doc)
  if (agreement) {
    out.push(`## ${AGREEMENT_HEADING}`, '')
    if (agreement.pairs.length) out.push(...agreement.pairs.map((line) => `- ${escapeMarkdown(line)}`), '')
    out.push(escapeMarkdown(agreement.overall), '')
  }

  out.push('## Claims', '')
  if (claims.length === 0) out.push('*No claims to report.*', '')
  const tidy = blankLineTidier()
  // Each piece is its lines, each ending in a newline: joined, the same as the lines joined with newlines (and one more).
  const piece = () => tidy.push(`${out.splice(0).join('\n')}\n`)
  for (const { claim, number } of claims) {
    out.push(...claimSection(doc, claim, number, options))
    yield piece()
  }

  if (options.includeHistory) {
    const lines = articleHistory(doc, options)
    if (lines.length) out.push('## Other changes', '', ...historyLines(lines), '')
  }
  yield piece()
  yield tidy.end()
}
