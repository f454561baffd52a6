// The report as one self-contained, printable HTML document: an inline stylesheet, no script, nothing fetched
// (a Content-Security-Policy forbids it anyway), and every piece of user text escaped by `escapeHtml`.
// The app prints this same document to PDF.

import { checkSourceUrl } from '../links'
import type { ArticleDoc, Block, Claim, Note, Source } from '../model'
import { countVerdicts, progressLine } from '../progress'
import { quoteInContext } from './context'
import { longDay, utcMinute } from './dates'
import { articleHistory, claimHistory, type HistoryLine } from './history'
import { REPORT_CSS } from './html-style'
import { nestSpans, type Span } from './nesting'
import { reportedClaims, resolvedLabels, verdictLabel, type ReportedClaim, type ReportOptions } from './options'
import { reviewers } from './people'
import { REPORT_VERDICT_ORDER, VERDICT_ICONS } from './verdicts'

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** An escaped href, only for http(s) links without credentials; otherwise none. */
function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  const checked = checkSourceUrl(url)
  return checked.ok ? escapeHtml(checked.url) : undefined
}

function linkOrText(text: string, url: string | undefined): string {
  const href = safeHref(url)
  return href ? `<a href="${href}">${escapeHtml(text)}</a>` : escapeHtml(text)
}

const claimAnchor = (claim: Claim) => `claim-${escapeHtml(claim.id)}`
const refAnchor = (claim: Claim) => `ref-${escapeHtml(claim.id)}`

function badge(claim: Pick<Claim, 'verdict'>, options: ReportOptions): string {
  return `<span class="badge v-${claim.verdict}"><span class="icon" aria-hidden="true">${VERDICT_ICONS[claim.verdict]}</span>${escapeHtml(verdictLabel(options, claim.verdict))}</span>`
}

function masthead(doc: ArticleDoc, options: ReportOptions, reported: number): string {
  const { article } = doc
  const rows: [string, string][] = []
  const sourceName = article.site?.trim() || article.origin.name?.trim()
  if (article.origin.url?.trim()) {
    rows.push(['Source', linkOrText(sourceName || article.origin.url, article.origin.url)])
    if (sourceName) rows.push(['Address', `<span class="url">${escapeHtml(article.origin.url)}</span>`])
  } else if (sourceName) {
    rows.push(['Source', escapeHtml(sourceName)])
  }
  if (article.byline?.trim()) rows.push(['Byline', escapeHtml(article.byline)])
  if (article.dateline?.trim()) rows.push(['Dateline', escapeHtml(article.dateline)])
  if (article.publishedAt?.trim()) rows.push(['Published', escapeHtml(longDay(article.publishedAt))])
  const people = reviewers(doc)
  if (people.length) rows.push([people.length === 1 ? 'Reviewer' : 'Reviewers', people.map(escapeHtml).join(', ')])
  rows.push(['Claims', `${reported} reported of ${doc.claims.length}`])
  rows.push(['Report date', escapeHtml(utcMinute(options.generatedAt))])
  const org = options.organisation.trim()
  return `<header class="masthead">
<p class="kicker">Fact-check report${org ? ` <span class="org">· ${escapeHtml(org)}</span>` : ''}</p>
<h1 dir="auto">${escapeHtml(article.title)}</h1>
<dl class="meta">
${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}
</dl>
</header>`
}

function summary(doc: ArticleDoc, options: ReportOptions): string {
  const counts = countVerdicts(doc.claims)
  const total = doc.claims.length
  const share = (n: number) => (total ? `${Math.round((n / total) * 100)}%` : '–')
  const bar = REPORT_VERDICT_ORDER.filter((v) => counts[v] > 0)
    .map((v) => `<span class="v-${v}" style="width:${((counts[v] / total) * 100).toFixed(2)}%"></span>`)
    .join('')
  const rows = REPORT_VERDICT_ORDER.map(
    (v) => `<tr><td>${badge({ verdict: v }, options)}</td><td class="n">${counts[v]}</td><td class="n">${share(counts[v])}</td></tr>`
  ).join('\n')
  const left = !options.includeUnreviewed && counts.unreviewed > 0
    ? `<p class="legend">${counts.unreviewed} unreviewed ${counts.unreviewed === 1 ? 'claim is' : 'claims are'} counted here but not listed.</p>`
    : ''
  return `<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<div class="summary-grid">
<div>
<p class="progress">${escapeHtml(progressLine(doc.claims, resolvedLabels(options)))}</p>
<div class="bar" aria-hidden="true">${bar}</div>
${left}
</div>
<table class="counts">
<thead><tr><th scope="col">Verdict</th><th scope="col" class="n">Claims</th><th scope="col" class="n">Share</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td>Total</td><td class="n">${total}</td><td class="n">${total ? '100%' : '–'}</td></tr></tfoot>
</table>
</div>
</section>`
}

interface MarkSpan extends Span {
  claim: Claim
  number: number
}

/** Blocks of the article; an article without any is taken line by line. */
function blocksOf(text: string, blocks: readonly Block[]): Block[] {
  if (blocks.length) return [...blocks]
  const out: Block[] = []
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ kind: 'p', start: m.index, end: m.index + m[0].length })
  return out
}

const BLOCK_TAGS: Record<Block['kind'], string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6', p: 'p', li: 'li', blockquote: 'blockquote' }

function blockHtml(text: string, block: Block, spans: readonly MarkSpan[], options: ReportOptions): string {
  let html = ''
  for (const token of nestSpans(block.start, block.end, spans)) {
    if (token.kind === 'text') html += escapeHtml(text.slice(token.start, token.end))
    else if (token.kind === 'close') html += '</mark>'
    else {
      const { claim, number } = token.span
      const label = escapeHtml(`Claim ${number}: ${verdictLabel(options, claim.verdict)}`)
      if (token.kind === 'open') {
        const id = token.first ? ` id="${refAnchor(claim)}"` : ''
        html += `<mark class="v-${claim.verdict} d${Math.min(token.depth, 3)}" data-claim="${escapeHtml(claim.id)}"${id} title="${label}">`
      } else {
        html += `<sup class="fn v-${claim.verdict}" dir="ltr"><a href="#${claimAnchor(claim)}" title="${label}">${VERDICT_ICONS[claim.verdict]}${number}</a></sup>`
      }
    }
  }
  const tag = BLOCK_TAGS[block.kind]
  return `<${tag} dir="auto">${html}</${tag}>`
}

/** Claims whose stored position still selects their quote: only those can be marked in the text. */
function anchored(text: string, claims: readonly ReportedClaim[]): MarkSpan[] {
  return claims
    .filter(({ claim }) => claim.position.end > claim.position.start && text.slice(claim.position.start, claim.position.end) === claim.quote.exact)
    .map(({ claim, number }) => ({ start: claim.position.start, end: claim.position.end, claim, number }))
}

function articleSection(doc: ArticleDoc, spans: readonly MarkSpan[], options: ReportOptions): string {
  const { text } = doc.article
  const parts: string[] = []
  let inList = false
  for (const block of blocksOf(text, doc.article.blocks)) {
    if (block.kind === 'li' && !inList) parts.push('<ul>')
    if (block.kind !== 'li' && inList) parts.push('</ul>')
    inList = block.kind === 'li'
    parts.push(blockHtml(text, block, spans, options))
  }
  if (inList) parts.push('</ul>')
  return `<section class="article" aria-labelledby="article-heading">
<h2 id="article-heading">Article</h2>
<p class="legend">Claims are highlighted in the text; the numbered tag after each leads to its review. Where claims overlap, the tints add up.</p>
<div class="article-text">
${parts.join('\n')}
</div>
</section>`
}

function historyHtml(lines: readonly HistoryLine[]): string {
  return `<ol>${lines
    .map((h) => `<li><time datetime="${escapeHtml(h.at)}">${escapeHtml(h.when)}</time><strong>${escapeHtml(h.by)}</strong> ${escapeHtml(h.what)}</li>`)
    .join('')}</ol>`
}

function noteHtml(note: Note): string {
  const edited = note.editedAt ? ` · edited ${escapeHtml(longDay(note.editedAt))}` : ''
  return `<li class="note"><p class="note-meta"><strong>${escapeHtml(note.by || 'Anonymous')}</strong> · ${escapeHtml(longDay(note.at))}${edited}</p><p class="note-text pre" dir="auto">${escapeHtml(note.text)}</p></li>`
}

const STANCE_LABELS: Record<Source['stance'], string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' }

function sourceHtml(source: Source): string {
  const title = source.title.trim() || source.url
  const publisher = source.publisher.trim() ? `<span class="publisher"> — ${escapeHtml(source.publisher)}</span>` : ''
  const excerpt = source.excerpt.trim() ? `<blockquote class="excerpt pre" dir="auto">${escapeHtml(source.excerpt)}</blockquote>` : ''
  return `<li class="source">
<p class="source-title"><span class="stance stance-${source.stance}">${STANCE_LABELS[source.stance]}</span>${linkOrText(title, source.url)}${publisher}</p>
<div class="url">${escapeHtml(source.url)}</div>
${excerpt}<p class="source-meta">Accessed ${escapeHtml(longDay(source.accessedAt))} · added by ${escapeHtml(source.by)}</p>
</li>`
}

function claimSection(doc: ArticleDoc, { claim, number }: ReportedClaim, marked: boolean, options: ReportOptions): string {
  const ctx = quoteInContext(doc.article.text, claim)
  const quote = `${ctx.moreBefore ? '…' : ''}${escapeHtml(ctx.before)}<mark class="v-${claim.verdict}">${escapeHtml(ctx.exact)}</mark>${escapeHtml(ctx.after)}${ctx.moreAfter ? '…' : ''}`
  const fields: string[] = []
  if (claim.conclusion.trim()) fields.push(`<dt>Conclusion</dt><dd class="pre" dir="auto">${escapeHtml(claim.conclusion)}</dd>`)
  if (claim.claimant.trim()) fields.push(`<dt>Claimant</dt><dd dir="auto">${escapeHtml(claim.claimant)}</dd>`)
  if (claim.tags.length) fields.push(`<dt>Tags</dt><dd>${claim.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('')}</dd>`)
  fields.push(`<dt>Marked</dt><dd>${escapeHtml(longDay(claim.createdAt))} by ${escapeHtml(claim.createdBy)}; last changed ${escapeHtml(longDay(claim.updatedAt))}</dd>`)

  const parts = [
    `<article class="claim v-${claim.verdict}" id="${claimAnchor(claim)}" aria-labelledby="${claimAnchor(claim)}-heading">`,
    `<header class="claim-head"><h3 id="${claimAnchor(claim)}-heading"><span class="claim-no">Claim ${number}</span>${badge(claim, options)}</h3>${
      marked ? `<a class="back" href="#${refAnchor(claim)}">↑ in the article</a>` : ''
    }</header>`,
    `<blockquote class="quote" dir="auto">${quote}</blockquote>`,
    `<dl class="fields">${fields.join('')}</dl>`
  ]
  if (options.includeNotes && claim.notes.length) {
    parts.push(`<section class="notes"><h4>Notes</h4><ul>${claim.notes.map(noteHtml).join('')}</ul></section>`)
  }
  if (claim.sources.length) parts.push(`<section class="sources"><h4>Sources</h4><ol>${claim.sources.map(sourceHtml).join('')}</ol></section>`)
  if (options.includeHistory) {
    const lines = claimHistory(doc, claim.id, { ...options, isolate: true })
    if (lines.length) parts.push(`<section class="history"><h4>History</h4>${historyHtml(lines)}</section>`)
  }
  parts.push('</article>')
  return parts.join('\n')
}

export function exportHtml(doc: ArticleDoc, options: ReportOptions): string {
  const claims = reportedClaims(doc, options)
  const full = options.articleMode === 'full'
  const spans = full ? anchored(doc.article.text, claims) : []
  const marked = new Set(spans.map((s) => s.claim.id))
  const sections = claims.length
    ? claims.map((c) => claimSection(doc, c, marked.has(c.claim.id), options)).join('\n')
    : '<p class="empty">No claims to report.</p>'
  const other = options.includeHistory ? articleHistory(doc, { ...options, isolate: true }) : []
  const title = doc.article.title.replace(/\s+/g, ' ').trim()
  const org = options.organisation.trim()

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Factmark">
<title>Fact-check: ${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${masthead(doc, options, claims.length)}
${summary(doc, options)}
${full ? articleSection(doc, spans, options) : ''}
<section class="claims" aria-labelledby="claims-heading">
<h2 id="claims-heading">Claims</h2>
${sections}
</section>
${other.length ? `<section class="history" aria-labelledby="other-heading"><h2 id="other-heading">Other changes</h2>${historyHtml(other)}</section>` : ''}
<footer class="colophon">Made with Factmark${org ? ` for ${escapeHtml(org)}` : ''} on ${escapeHtml(utcMinute(options.generatedAt))}.</footer>
</body>
</html>
`
}
