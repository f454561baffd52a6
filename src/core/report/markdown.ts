// The report as Markdown (CommonMark with a GFM table), for pasting into a CMS, a ticket or a chat.
// User text is escaped so that it reads as the same literal text and never becomes markup: no raw HTML,
// no links or emphasis smuggled in through a note, no headings or lists started by a line's first character.

import { checkSourceUrl } from '../links'
import type { ArticleDoc, Claim } from '../model'
import { progressLine, countVerdicts } from '../progress'
import { quoteInContext } from './context'
import { isoDay, longDay, utcMinute } from './dates'
import { articleHistory, claimHistory, type HistoryLine } from './history'
import { reportedClaims, resolvedLabels, verdictLabel, type ReportOptions } from './options'
import { reviewers } from './people'
import { REPORT_VERDICT_ORDER, VERDICT_ICONS } from './verdicts'

/** Characters that are markup anywhere in a line (CommonMark backslash-escapes them; GFM adds `|` and `~`). */
const INLINE = /[\\`*_[\]<>|~]|&(?=#?[a-z0-9]+;)/gi
/** What makes markup at the start of a line: headings, quotes, list markers, setext or thematic-break lines. */
const LINE_START = /^(#|>|[-+=]|\d{1,9}(?=[.)]))/

/** User text in the middle of a line. */
function escapeInline(text: string): string {
  return text.replace(INLINE, (c) => `\\${c}`)
}

/** One line of user text as literal Markdown text (leading blanks dropped: they could make a code block). */
function escapeLine(line: string): string {
  return escapeInline(line.trimStart()).replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`))
}

/** User text on one line: line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim())
}

/** In a heading, a `#` anywhere could close it (`Title #`), so every one is escaped. */
function escapeHeading(text: string): string {
  return escapeMarkdown(text).replace(/(?<!\\)#/g, '\\#')
}

/**
 * User text that may run over several lines, kept as separate lines with hard breaks (a backslash at the end
 * of a line) and indented by `indent`, so that it stays inside the list item or quote it belongs to.
 */
function escapeLines(text: string, indent: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((l) => escapeLine(l).trimEnd())
    .filter((l) => l.length > 0)
    .join(`\\\n${indent}`)
}

/** A link when the URL is a web link; otherwise the text, with the address shown as plain text. */
function link(text: string, url: string): string {
  const checked = checkSourceUrl(url)
  if (!checked.ok) return url.trim() ? `${escapeMarkdown(text)} (${escapeMarkdown(url)})` : escapeMarkdown(text)
  // Angle brackets allow any URL characters but < > and line breaks, which URL.href has percent-encoded.
  const destination = checked.url.replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
  return `[${escapeMarkdown(text) || escapeMarkdown(checked.url)}](<${destination}>)`
}

function historyLines(lines: HistoryLine[]): string[] {
  return lines.map((h) => `- ${h.when} — ${escapeMarkdown(h.by)}: ${escapeMarkdown(h.what)}`)
}

function claimSection(doc: ArticleDoc, claim: Claim, number: number, options: ReportOptions): string[] {
  const label = verdictLabel(options, claim.verdict)
  const ctx = quoteInContext(doc.article.text, claim)
  // The context keeps its own spaces next to the quote; only the line's start needs the line-start escapes.
  const quote = [
    ctx.moreBefore ? `…${escapeInline(ctx.before)}` : escapeLine(ctx.before),
    `**${escapeInline(ctx.exact.trim())}**`,
    escapeInline(ctx.after),
    ctx.moreAfter ? '…' : ''
  ]
  const out: string[] = [
    `### ${number}. ${VERDICT_ICONS[claim.verdict]} ${escapeHeading(label)}`,
    '',
    `> ${quote.join('').trimEnd()}`,
    '',
    `- **Verdict:** ${VERDICT_ICONS[claim.verdict]} ${escapeMarkdown(label)}`
  ]
  if (claim.conclusion.trim()) out.push(`- **Conclusion:** ${escapeLines(claim.conclusion, '  ')}`)
  if (claim.claimant.trim()) out.push(`- **Claimant:** ${escapeMarkdown(claim.claimant)}`)
  if (claim.tags.length) out.push(`- **Tags:** ${claim.tags.map(escapeMarkdown).join(', ')}`)
  out.push(`- **Claim id:** ${escapeMarkdown(claim.id)}`)

  if (options.includeNotes && claim.notes.length) {
    out.push('', '**Notes**', '')
    for (const note of claim.notes) {
      const edited = note.editedAt ? `, edited ${longDay(note.editedAt)}` : ''
      out.push(`- *${escapeMarkdown(note.by) || 'Anonymous'}, ${longDay(note.at)}${edited}:*\\`, `  ${escapeLines(note.text, '  ')}`)
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
  if (options.organisation.trim()) facts.push(`- **Organisation:** ${escapeMarkdown(options.organisation)}`)
  facts.push(`- **Report generated:** ${utcMinute(options.generatedAt)}`)

  const out: string[] = [`# ${escapeHeading(article.title)}`, '', '*Fact-check report*', '', ...facts, '', '## Summary', '']
  out.push(`**Progress:** ${escapeMarkdown(progressLine(doc.claims, resolvedLabels(options)))}`, '')
  out.push('| Verdict | Claims |', '| :-- | --: |')
  for (const v of REPORT_VERDICT_ORDER) out.push(`| ${VERDICT_ICONS[v]} ${escapeMarkdown(verdictLabel(options, v))} | ${counts[v]} |`)
  out.push(`| **Total** | **${doc.claims.length}** |`, '')
  if (!options.includeUnreviewed && counts.unreviewed > 0) {
    out.push(`*${counts.unreviewed} unreviewed ${counts.unreviewed === 1 ? 'claim is' : 'claims are'} not listed below.*`, '')
  }

  out.push('## Claims', '')
  if (claims.length === 0) out.push('*No claims to report.*', '')
  for (const { claim, number } of claims) out.push(...claimSection(doc, claim, number, options))

  if (options.includeHistory) {
    const lines = articleHistory(doc, options)
    if (lines.length) out.push('## Other changes', '', ...historyLines(lines), '')
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}
