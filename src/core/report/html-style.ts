// The report's one inline stylesheet: print-first, system fonts only (no remote fonts or images), verdict
// colours that are always paired with an icon and a label, and overlapping claims drawn as nested marks
// whose tints add up and whose underlines sit at different depths.

export const REPORT_CSS = `
:root {
  --ink: #1f1d1a; --ink-soft: #3d3a35; --muted: #6a655b; --line: #e2ddd0; --paper: #fffdf8; --panel: #f7f4ec;
  --brand: #1d5c8f;
  --serif: 'Iowan Old Style', 'Charter', 'Georgia', 'DejaVu Serif', 'Liberation Serif', serif;
  --sans: system-ui, -apple-system, 'Segoe UI', 'Liberation Sans', 'DejaVu Sans', sans-serif;
}
.v-verified { --c: #1a7f37; --soft: #d4f1dc; --deep: #0f5323; --tint: rgba(26, 127, 55, .16); --rule: 2px solid var(--c); }
.v-disputed { --c: #c62828; --soft: #fcdcd8; --deep: #8e1a1a; --tint: rgba(198, 40, 40, .14); --rule: 3px double var(--c); }
.v-needs-context { --c: #b7791f; --soft: #fcecc2; --deep: #6e4709; --tint: rgba(214, 150, 30, .22); --rule: 2px dashed var(--c); }
.v-unverifiable { --c: #6b4fc8; --soft: #e7e0fb; --deep: #452f94; --tint: rgba(107, 79, 200, .15); --rule: 2px dotted var(--c); }
.v-unreviewed { --c: #5b6b7c; --soft: #e1e7ee; --deep: #34404d; --tint: rgba(91, 107, 124, .14); --rule: 1.5px dashed var(--c); }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: var(--paper); }
/* Any run of text may be one unbroken word (a pasted URL, 20,000 letters without a space): break it anywhere
   rather than let it stretch the page. It is inherited, so this covers the article, quotes, notes, sources and
   tables; table cells also get word-break, which auto-sized tables need to shrink such a cell. */
body { margin: 0 auto; max-width: 52rem; padding: 2.5rem 2.25rem 3rem; color: var(--ink); font: 10.5pt/1.5 var(--sans); overflow-wrap: anywhere; }
td, th { word-break: break-word; }
a { color: var(--brand); }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; }
h2 { font-size: 13pt; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); letter-spacing: .01em; }
.claim h4 { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 1rem 0 .35rem; }
.masthead { border-bottom: 1px solid var(--line); padding-bottom: 1.2rem; }
.kicker { margin: 0 0 .4rem; font-size: 8.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: .14em; color: var(--brand); }
.kicker .org { color: var(--muted); font-weight: 600; }
h1 { font: 700 21pt/1.2 var(--serif); margin: 0 0 1rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; margin: 0; font-size: 9.5pt; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.summary-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; align-items: start; }
.progress { margin: 0 0 .6rem; font-weight: 600; }
.bar { display: flex; height: .7rem; border-radius: 99px; overflow: hidden; background: var(--line); margin-bottom: .6rem; }
.bar span { background: var(--c); }
.counts { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
.counts th, .counts td { padding: .28rem .5rem; border-bottom: 1px solid var(--line); text-align: left; }
.counts th { font-size: 8pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.counts td.n, .counts th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; word-break: normal; }
.counts tfoot td { font-weight: 700; border-bottom: 0; }
.badge { display: inline-flex; align-items: center; gap: .3em; padding: .05em .55em .05em .4em; border-radius: 99px; background: var(--soft); color: var(--deep); border: 1px solid var(--c); font-weight: 600; font-size: 9pt; }
.icon { display: inline-block; min-width: 1.1em; text-align: center; font-weight: 700; color: var(--c); }
.legend { color: var(--muted); font-size: 9pt; margin: -.3rem 0 1rem; }
.article-text { font: 11.5pt/1.9 var(--serif); }
/* The article's own heading levels (see BLOCK_TAGS in html-article.ts): sizes step down by the article's level. */
.article-text h3, .article-text h4, .article-text h5, .article-text h6 { font-family: var(--sans); margin: 1.2rem 0 .5rem; color: var(--ink); text-transform: none; letter-spacing: normal; }
.article-text .a-h1 { font-size: 15pt; }
.article-text .a-h2 { font-size: 13.5pt; }
.article-text .a-h3 { font-size: 12.5pt; }
.article-text .a-h4 { font-size: 11.5pt; }
.article-text .a-h5 { font-size: 10.5pt; }
.article-text .a-h6 { font-size: 10pt; color: var(--ink-soft); }
.article-text p, .article-text li { orphans: 3; widows: 3; }
.article-text blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); color: var(--ink-soft); }
/* Each verdict rules its marks its own way (solid, double, dashed, dotted); a nested mark's rule sits higher
   than the one around it, so every claim over a passage keeps a visible line of its own. */
mark { color: inherit; background: var(--tint); border-bottom: var(--rule); padding: 1px 0 0; }
mark.d1 { padding-bottom: 7px; }
mark.d2 { padding-bottom: 3px; }
mark.d3 { padding-bottom: 0; }
sup.fn { font: 700 7pt/1 var(--sans); margin: 0 .1em 0 .05em; }
sup.fn a { color: var(--deep); text-decoration: none; background: var(--soft); border: 1px solid var(--c); border-radius: 3px; padding: 0 .25em; }
.claim { break-inside: avoid; border: 1px solid var(--line); border-left: 5px solid var(--c); border-radius: 6px; background: #fff; padding: .9rem 1.1rem 1rem; margin: 0 0 1rem; }
.claim-head { display: flex; align-items: baseline; justify-content: space-between; gap: 1rem; }
.claim-head h3 { margin: 0; font-size: 11pt; display: flex; flex-wrap: wrap; align-items: center; gap: .6rem; }
.claim-no { color: var(--muted); font-weight: 700; }
.back { font-size: 8.5pt; color: var(--muted); text-decoration: none; white-space: nowrap; }
.quote { margin: .7rem 0 .6rem; padding: .5rem .8rem; background: var(--panel); border-radius: 4px; font: 11pt/1.6 var(--serif); color: var(--ink-soft); }
.quote mark { color: var(--ink); font-weight: 600; padding-bottom: 1px; }
.item-no { font-family: var(--sans); font-weight: 700; color: var(--muted); }
/* Where a claim stands after the article was updated: a note above its quote, a chip in its heading. A claim
   not found shows its earlier words in a dashed box, apart from the current text. */
.look, .wording { font-size: 8.5pt; font-weight: 700; padding: .05em .5em; border-radius: 3px; border: 1px dashed #8a5a00; color: #6b4500; background: #fff6dc; }
.wording { font-weight: 600; font-style: italic; }
/* Reviewers who disagree: each name with their verdict's badge (icon and label, never colour alone). */
.disagreement .who { font-weight: 600; }
.look-note { margin: .6rem 0 0; padding: .35rem .7rem; border-left: 4px solid #b7791f; background: #fff6dc; font-weight: 600; color: #5a3a00; }
.look-note.look-not-found, .look.look-not-found { border-color: #8e1a1a; color: #8e1a1a; background: #fdecea; }
.caption { margin: .6rem 0 -.4rem; font-size: 8.5pt; color: var(--muted); }
.quote.earlier { background: transparent; border: 1.5px dashed var(--line); color: var(--muted); }
.look-count { margin: 0 0 .6rem; font-weight: 600; color: #6b4500; }
.fields { display: grid; grid-template-columns: 7rem 1fr; gap: .25rem 1rem; margin: .5rem 0 0; }
.fields dt { color: var(--muted); font-size: 9pt; padding-top: .1em; }
.fields dd { margin: 0; }
.pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 0 .45em; margin: 0 .25em .15em 0; border: 1px solid var(--line); border-radius: 3px; font-size: 9pt; background: var(--panel); }
.notes ul, .sources ol, .history ol, .numbers ul { margin: 0; padding: 0; list-style: none; }
.finding { padding: .3rem 0 .3rem .7rem; border-left: 3px solid var(--line); margin-bottom: .35rem; }
.finding.inconsistent { border-color: #c62828; }
.finding.inconsistent strong { color: #8e1a1a; }
.finding.consistent { border-color: #1a7f37; }
.finding.consistent strong { color: #0f5323; }
.note { padding: .35rem 0 .35rem .7rem; border-left: 2px solid var(--line); margin-bottom: .4rem; }
.note-meta, .source-meta { margin: 0; font-size: 8.5pt; color: var(--muted); }
.note-meta strong { color: var(--ink-soft); }
.note-text { margin: .1rem 0 0; }
.source { margin-bottom: .6rem; }
.source-title { margin: 0; font-weight: 600; }
.source-title .publisher { font-weight: 400; color: var(--ink-soft); }
.url { font-size: 8.5pt; color: var(--muted); overflow-wrap: anywhere; }
.excerpt { margin: .3rem 0; padding: .2rem 0 .2rem .7rem; border-left: 3px solid var(--line); font: italic 10pt/1.5 var(--serif); color: var(--ink-soft); }
.stance { display: inline-block; font: 700 7.5pt/1.6 var(--sans); text-transform: uppercase; letter-spacing: .06em; padding: 0 .45em; border-radius: 3px; margin-right: .35em; vertical-align: .1em; border: 1px solid; }
.stance-supports { color: #0f5323; background: #d4f1dc; }
.stance-refutes { color: #8e1a1a; background: #fcdcd8; }
.stance-context { color: #34404d; background: #e1e7ee; }
.history li { font-size: 9pt; color: var(--ink-soft); padding: .1rem 0; }
.history time { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: .4em; }
.empty { color: var(--muted); font-style: italic; }
.colophon { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--line); font-size: 8.5pt; color: var(--muted); }
@page { size: A4; margin: 16mm 15mm 18mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #6a655b; } }
@media print {
  html { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .claim { background: #fff; }
  .back { display: none; }
  a { color: inherit; }
}
`
