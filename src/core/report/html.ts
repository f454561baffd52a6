// The report as one self-contained, printable HTML document: an inline stylesheet, no script, nothing fetched
// (a Content-Security-Policy forbids it anyway), and every piece of user text escaped by `escapeHtml`.
// The app prints this same document to PDF.

import type { ArticleDoc } from '../model'
import { countVerdicts, disagreementLine, needsLookLine, percentShares, progressLine } from '../progress'
import { AGREEMENT_HEADING, agreementText, reviewStatusText } from './agreement'
import { longDay, utcMinute } from './dates'
import { articleSection, markSpans } from './html-article'
import { badge, claimSection, historyHtml } from './html-claim'
import { escapeHtml, linkOrText } from './html-escape'
import { articleHistory } from './history'
import { REPORT_CSS } from './html-style'
import { reportedClaims, resolvedLabels, type ReportOptions } from './options'
import { reviewers } from './people'
import { REPORT_VERDICT_ORDER } from './verdicts'

export { escapeHtml }

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

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
  const status = reviewStatusText(doc)
  if (status) rows.push(['Status', escapeHtml(status)])
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
  const shares = percentShares(REPORT_VERDICT_ORDER.map((v) => counts[v]))
  const bar = REPORT_VERDICT_ORDER.filter((v) => counts[v] > 0)
    .map((v) => `<span class="v-${v}" style="width:${((counts[v] / total) * 100).toFixed(2)}%"></span>`)
    .join('')
  const rows = REPORT_VERDICT_ORDER.map(
    (v, i) => `<tr><td>${badge({ verdict: v }, options)}</td><td class="n">${counts[v]}</td><td class="n">${total ? `${shares[i]}%` : '–'}</td></tr>`
  ).join('\n')
  const look = needsLookLine(doc.claims)
  const disagree = disagreementLine(doc.claims)
  const left = !options.includeUnreviewed && counts.unreviewed > 0
    ? `<p class="legend">${counts.unreviewed} unreviewed ${counts.unreviewed === 1 ? 'claim is' : 'claims are'} counted here but not listed.</p>`
    : ''
  return `<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<div class="summary-grid">
<div>
<p class="progress">${escapeHtml(progressLine(doc.claims, resolvedLabels(options)))}</p>
<div class="bar" aria-hidden="true">${bar}</div>
${look ? `<p class="look-count">${escapeHtml(look)}.</p>` : ''}
${disagree ? `<p class="look-count">${escapeHtml(disagree)}.</p>` : ''}
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

/** How far the reviewers agree, when at least two have verdicts of their own. */
function agreementSection(doc: ArticleDoc): string {
  const text = agreementText(doc)
  if (!text) return ''
  const pairs = text.pairs.length ? `<ul class="agreement-pairs">\n${text.pairs.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>\n` : ''
  return `<section class="agreement" aria-labelledby="agreement-heading">
<h2 id="agreement-heading">${AGREEMENT_HEADING}</h2>
${pairs}<p class="agreement-overall">${escapeHtml(text.overall)}</p>
</section>`
}

export function exportHtml(doc: ArticleDoc, options: ReportOptions): string {
  return [...htmlReportPieces(doc, options)].join('')
}

/**
 * The HTML report in pieces that join into it: a paragraph of the article or a claim's review at a time, so that
 * the caller can give other work a turn between them (a 1 MB article with 10,000 claims is a third of a second).
 */
export function* htmlReportPieces(doc: ArticleDoc, options: ReportOptions): Generator<string> {
  const claims = reportedClaims(doc, options)
  const full = options.articleMode === 'full'
  const spans = full ? markSpans(doc.article.text, claims) : []
  const marked = new Set(spans.map((s) => s.claim.id))
  const title = doc.article.title.replace(/\s+/g, ' ').trim()
  const org = options.organisation.trim()

  yield '' // a pause: the parts below each go through every claim
  yield `<!DOCTYPE html>
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
`
  yield `${masthead(doc, options, claims.length)}\n`
  yield `${summary(doc, options)}\n`
  yield `${agreementSection(doc)}\n`
  if (full) yield* articleSection(doc, spans, options, claims.length - marked.size)
  yield `
<section class="claims" aria-labelledby="claims-heading">
<h2 id="claims-heading">Claims</h2>
`
  if (claims.length === 0) yield '<p class="empty">No claims to report.</p>'
  for (const [i, c] of claims.entries()) yield `${i ? '\n' : ''}${claimSection(doc, c, marked.has(c.claim.id), options)}`
  const other = options.includeHistory ? articleHistory(doc, { ...options, isolate: true }) : []
  yield `
</section>
${other.length ? `<section class="history" aria-labelledby="other-heading"><h2 id="other-heading">Other changes</h2>${historyHtml(other)}</section>` : ''}
<footer class="colophon">Made with Factmark${org ? ` for ${escapeHtml(org)}` : ''} on ${escapeHtml(utcMinute(options.generatedAt))}.</footer>
</body>
</html>
`
}
