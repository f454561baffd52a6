// One claim's review in the HTML report: where it stands after an update, its words in context, its verdict
// (for which words it was given, and each reviewer's while they disagree), the fields, notes, sources and history.
// People are named as the document knows them now, never by their ids.

import { FINDING_LABELS, findingsOnClaim } from '../analysis'
import { inQuotes, noteAuthor, personName } from '../history'
import type { ArticleDoc, Claim, Note, Source } from '../model'
import { WORDING_WORDS } from '../placement-words'
import { listNumberAt } from './blocks'
import { quoteInContext } from './context'
import { longDay } from './dates'
import { DISAGREEMENT_LABEL, disagreementOf } from './disagreement'
import { claimAnchor, refAnchor } from './html-article'
import { escapeHtml, linkOrText } from './html-escape'
import { inlineHtml, inlineSpans, linkIndex } from './html-inline'
import { claimHistory, type HistoryLine } from './history'
import { verdictLabel, type ReportedClaim, type ReportOptions } from './options'
import { standingOf, type Standing } from './standing'
import { VERDICT_ICONS } from './verdicts'

export function badge(claim: Pick<Claim, 'verdict'>, options: ReportOptions): string {
  return `<span class="badge v-${claim.verdict}"><span class="icon" aria-hidden="true">${VERDICT_ICONS[claim.verdict]}</span>${escapeHtml(verdictLabel(options, claim.verdict))}</span>`
}

/** User words in quotation marks (unless they bring their own), isolated so that RTL words keep their order. */
const words = (text: string) => escapeHtml(inQuotes(text.replace(/\s+/g, ' '), { isolate: true }))
/** The shared vocabulary is plain text as well. */
const say = Object.fromEntries(Object.entries(WORDING_WORDS).map(([k, v]) => [k, escapeHtml(v)])) as Record<keyof typeof WORDING_WORDS, string>

export function historyHtml(lines: readonly HistoryLine[]): string {
  return `<ol>${lines
    .map((h) => `<li><time datetime="${escapeHtml(h.at)}">${escapeHtml(h.when)}</time><strong>${escapeHtml(h.by)}</strong> ${escapeHtml(h.what)}</li>`)
    .join('')}</ol>`
}

function noteHtml(doc: ArticleDoc, note: Note): string {
  const edited = note.editedAt ? ` · edited ${escapeHtml(longDay(note.editedAt))}` : ''
  return `<li class="note"><p class="note-meta"><strong>${escapeHtml(noteAuthor(doc.people, note))}</strong> · ${escapeHtml(longDay(note.at))}${edited}</p><p class="note-text pre" dir="auto">${escapeHtml(note.text)}</p></li>`
}

const STANCE_LABELS: Record<Source['stance'], string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' }

function sourceHtml(doc: ArticleDoc, source: Source): string {
  const title = source.title.trim() || source.url
  const publisher = source.publisher.trim() ? `<span class="publisher"> — ${escapeHtml(source.publisher)}</span>` : ''
  const excerpt = source.excerpt.trim() ? `<blockquote class="excerpt pre" dir="auto">${escapeHtml(source.excerpt)}</blockquote>` : ''
  return `<li class="source">
<p class="source-title"><span class="stance stance-${source.stance}">${STANCE_LABELS[source.stance]}</span>${linkOrText(title, source.url)}${publisher}</p>
<div class="url">${escapeHtml(source.url)}</div>
${excerpt}<p class="source-meta">Accessed ${escapeHtml(longDay(source.accessedAt))} · added by ${escapeHtml(personName(doc.people, source.by))}</p>
</li>`
}

/**
 * The claim's words with some of the text around them. In the current text, the article's web links (and, with
 * the article in the report, its links to other blocks) come along; a claim not found shows its stored context
 * from the earlier text instead, under a caption that says so.
 */
function quoteHtml(doc: ArticleDoc, claim: Claim, standing: Standing, withArticle: boolean): string {
  const { text, blocks, links } = doc.article
  const ctx = quoteInContext(text, claim)
  const mark = `<mark class="v-${claim.verdict}">`
  let inner: string
  let item = ''
  if (ctx.from !== undefined && ctx.to !== undefined) {
    const span = { kind: 'mark' as const, start: claim.position.start, end: claim.position.end, claim, number: 0 }
    const linked = linkIndex(links, withArticle).overlapping(ctx.from, ctx.to)
    // Most quotes hold no link: the three pieces directly (what inlineHtml gives them, without its token list).
    inner = linked.length
      ? inlineHtml(text, ctx.from, ctx.to, inlineSpans([span], linked), { open: () => mark })
      : `${escapeHtml(text.slice(ctx.from, span.start))}${mark}${escapeHtml(claim.quote.exact)}</mark>${escapeHtml(text.slice(span.end, ctx.to))}`
    const n = listNumberAt(blocks, claim.position.start)
    if (n !== undefined) item = `<span class="item-no">${n}.</span> `
  } else {
    inner = `${escapeHtml(ctx.before)}${mark}${escapeHtml(ctx.exact)}</mark>${escapeHtml(ctx.after)}`
  }
  const quote = `${item}${ctx.moreBefore ? '…' : ''}${inner}${ctx.moreAfter ? '…' : ''}`
  if (standing.state === 'not-found') {
    return `<p class="caption">${say.asItWas}:</p>\n<blockquote class="quote earlier" dir="auto">${quote}</blockquote>`
  }
  return `<blockquote class="quote" dir="auto">${quote}</blockquote>`
}

export function claimSection(doc: ArticleDoc, { claim, number }: ReportedClaim, marked: boolean, options: ReportOptions): string {
  const standing = standingOf(claim)
  const fields: string[] = []
  if (standing.earlier !== undefined) fields.push(`<dt>${say.earlier}</dt><dd dir="auto">${words(standing.earlier)}</dd>`)
  if (standing.state === 'text-changed') fields.push(`<dt>${say.current}</dt><dd dir="auto">${words(claim.quote.exact)}</dd>`)
  if (standing.verdictFor !== undefined) {
    fields.push(`<dt>Verdict</dt><dd>${badge(claim, options)} ${say.verdictForEarlier}: <span dir="auto">${words(standing.verdictFor)}</span></dd>`)
  }
  // Each reviewer's verdict while they disagree, with its icon and label as everywhere: "Dana: ✗ Disputed · Sam: ✓ Verified".
  const disagreement = disagreementOf(doc, claim, options)
  if (disagreement.length) {
    const each = disagreement.map((v) => `<span class="who">${escapeHtml(v.name)}</span>: ${badge(v, options)}`)
    fields.push(`<dt>${DISAGREEMENT_LABEL}</dt><dd class="disagreement">${each.join(' · ')}</dd>`)
  }
  if (claim.conclusion.trim()) fields.push(`<dt>Conclusion</dt><dd class="pre" dir="auto">${escapeHtml(claim.conclusion)}</dd>`)
  if (claim.claimant.trim()) fields.push(`<dt>Claimant</dt><dd dir="auto">${escapeHtml(claim.claimant)}</dd>`)
  if (claim.tags.length) fields.push(`<dt>Tags</dt><dd>${claim.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('')}</dd>`)
  fields.push(`<dt>Marked</dt><dd>${escapeHtml(longDay(claim.createdAt))} by ${escapeHtml(personName(doc.people, claim.createdBy))}; last changed ${escapeHtml(longDay(claim.updatedAt))}</dd>`)

  const chips = [
    standing.verdictFor !== undefined ? `<span class="wording">${say.verdictForEarlier}</span>` : '',
    disagreement.length ? `<span class="wording disagree">${DISAGREEMENT_LABEL}</span>` : '',
    standing.label ? `<span class="look look-${standing.state}">${escapeHtml(standing.label)}</span>` : ''
  ].join('')
  const anchor = claimAnchor(claim.id)
  const parts = [
    `<article class="claim v-${claim.verdict}" id="${anchor}" aria-labelledby="${anchor}-heading">`,
    `<header class="claim-head"><h3 id="${anchor}-heading"><span class="claim-no">Claim ${number}</span>${badge(claim, options)}${chips}</h3>${
      marked ? `<a class="back" href="#${refAnchor(claim.id)}">↑ in the article</a>` : ''
    }</header>`,
    standing.sentence ? `<p class="look-note look-${standing.state}" role="note">${escapeHtml(standing.sentence)}</p>` : '',
    quoteHtml(doc, claim, standing, options.articleMode === 'full'),
    `<dl class="fields">${fields.join('')}</dl>`
  ].filter(Boolean)
  const findings = claim.anchor?.status === 'orphaned' ? [] : findingsOnClaim(options.findings ?? [], claim.position)
  if (findings.length) {
    const items = findings.map((f) => `<li class="finding ${f.status}"><strong><span aria-hidden="true">${FINDING_LABELS[f.status].mark}</span> ${FINDING_LABELS[f.status].label}:</strong> <span dir="auto">${escapeHtml(f.explanation)}</span></li>`)
    parts.push(`<section class="numbers"><h4>Numbers checked</h4><ul>${items.join('')}</ul></section>`)
  }
  if (options.includeNotes && claim.notes.length) {
    parts.push(`<section class="notes"><h4>Notes</h4><ul>${claim.notes.map((n) => noteHtml(doc, n)).join('')}</ul></section>`)
  }
  if (claim.sources.length) parts.push(`<section class="sources"><h4>Sources</h4><ol>${claim.sources.map((x) => sourceHtml(doc, x)).join('')}</ol></section>`)
  if (options.includeHistory) {
    const lines = claimHistory(doc, claim.id, { ...options, isolate: true })
    if (lines.length) parts.push(`<section class="history"><h4>History</h4>${historyHtml(lines)}</section>`)
  }
  parts.push('</article>')
  return parts.join('\n')
}
