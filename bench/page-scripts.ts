// Code that runs inside the pages, kept as plain JavaScript text (never serialised from compiled
// TypeScript, whose helpers would not exist in the page).

import { SHARED_JSON_READER } from './shared-json'

/**
 * Factmark page, before any of the app's scripts: `window.factmark` bound to the handlers (as the e2e
 * fixture does), plus the probes: performance.mark is wrapped so the bench sees 'factmark:article-open' and
 * 'factmark:highlights-drawn' synchronously (a PerformanceObserver callback would arrive late); getArticle
 * and applyOperation results are time-stamped as they arrive; key presses and clicks are time-stamped in the
 * capture phase; long animation frames are recorded.
 */
export function appInitScript(channels: readonly string[], expectedClaims: number): string {
  return `(() => {
  const EXPECTED = ${JSON.stringify(expectedClaims)};
  const VERDICT_HIGHLIGHTS = ['fm-unreviewed', 'fm-verified', 'fm-disputed', 'fm-needs-context', 'fm-unverifiable'];
  const B = {
    expected: EXPECTED, openAt: null, drawnAt: null, frameAt: null, paintedAt: null, docAt: null,
    partialSyncs: 0, listeners: [], loafs: [], errors: [], transport: [],
    onConfirm: null, onCall: null, onKey: null, onClick: null,
  };
  Object.defineProperty(window, '__bench', { value: B });
  B.sizes = () => { const out = {}; for (const [name, h] of CSS.highlights) out[name] = h.size; return out; };
  B.verdictSum = () => VERDICT_HIGHLIGHTS.reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0);
  // Whether every claim on screen is drawn (BENCHMARKS.md: "every highlight in the first viewport"): the claims of the
  // article the page received (getArticle) whose text is in a block on screen, against the verdict highlights' ranges,
  // read back as text offsets. Null before the article is there.
  B.claims = null; B.blocks = null;
  B.viewportCoverage = () => {
    if (!B.claims) return null;
    const scroller = document.querySelector('main.reader');
    const text = document.querySelector('[data-testid=article-text]');
    if (!scroller || !text || !text.querySelector('[data-block]')) return null;
    const view = scroller.getBoundingClientRect();
    let start = Infinity, end = -Infinity;
    // Through the boxes of the text's groups of blocks first: asking for the box of a block in a group far off screen
    // makes the browser lay that group out (content-visibility: auto), a cost of this probe, not of the page.
    const near = [...text.children].filter((group) => { const box = group.getBoundingClientRect(); return box.bottom >= view.top && box.top <= view.bottom; });
    const elements = near.flatMap((group) => (group.matches('[data-block]') ? [group] : [...group.querySelectorAll('[data-block]')]));
    for (const el of elements) {
      const box = el.getBoundingClientRect();
      if (box.bottom < view.top || box.top > view.bottom) continue;
      const block = B.blocks[Number(el.dataset.block)];
      start = Math.min(start, block.start); end = Math.max(end, block.end);
    }
    const offset = (node, local) => B.blocks[Number(node.parentElement.dataset.block)].start + local;
    const drawn = new Set();
    for (const name of VERDICT_HIGHLIGHTS) for (const r of CSS.highlights.get(name) ?? []) drawn.add(offset(r.startContainer, r.startOffset) + ':' + offset(r.endContainer, r.endOffset));
    let inView = 0, missing = 0;
    for (const c of B.claims) {
      if (c.anchor && c.anchor.status === 'orphaned') continue;
      if (!(c.position.start < end && c.position.end > start)) continue;
      inView++;
      if (!drawn.has(c.position.start + ':' + c.position.end)) missing++;
    }
    return { inView, missing, registered: drawn.size };
  };

  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    for (const listener of B.listeners) {
      try { listener(name, entry.startTime); } catch (error) { B.errors.push(String(error && error.stack || error)); }
    }
    return entry;
  };

  let resolveOpen;
  B.open = new Promise((resolve) => (resolveOpen = resolve));
  B.listeners.push((name, at) => {
    if (name === 'factmark:article-open' && B.openAt === null) B.openAt = at;
    if (name !== 'factmark:highlights-drawn' || B.openAt === null || B.drawnAt !== null) return;
    // The first sync that holds every claim (a sync with fewer would not be "all highlights drawn").
    const coverage = B.viewportCoverage();
    if (!coverage || coverage.missing > 0 || (EXPECTED > 0 && coverage.inView === 0)) { B.partialSyncs++; return; }
    B.coverage = coverage;
    B.drawnAt = at;
    requestAnimationFrame(() => {
      B.frameAt = performance.now();
      requestAnimationFrame(() => {
        B.paintedAt = performance.now();
        mark('bench:painted'); // for the diagnostic trace only (the listeners above do not see it)
        resolveOpen({
          openAt: B.openAt, drawnAt: B.drawnAt, frameAt: B.frameAt, paintedAt: B.paintedAt, docAt: B.docAt,
          sizes: B.sizes(), verdictSum: B.verdictSum(), partialSyncs: B.partialSyncs, coverage: B.coverage,
          textLength: document.querySelector('[data-testid=article-text]')?.textContent.length ?? -1,
          blocks: document.querySelectorAll('[data-testid=article-text] [data-block]').length,
          listItems: document.querySelectorAll('button[data-claim-id]').length,
          domNodes: document.getElementsByTagName('*').length,
        });
      });
    });
  });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loafs.push({
          start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: (s.sourceURL || '').split('/').pop(), duration: s.duration, forcedLayout: s.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (error) { B.errors.push('no long-animation-frame: ' + error); }

  window.addEventListener('keydown', (event) => { if (B.onKey) B.onKey(performance.now(), event.key); }, true);
  window.addEventListener('click', () => { if (B.onClick) B.onClick(performance.now()); }, true);

  const readSharedJson = ${SHARED_JSON_READER};
  const names = ${JSON.stringify(channels)};
  const api = Object.fromEntries(names.map((name) => [name, (arg) => {
    // What crossing costs here (not in the app: Electron's IPC is a structured clone): the request handed to
    // Playwright's binding (which serialises it at once), and the answer, from its arrival as a JSON string until read.
    const sentFrom = performance.now();
    const sent = window['__factmark_' + name](arg);
    B.transport.push({ name, deliveredAt: sentFrom, parsedAt: performance.now(), chars: 0, request: true });
    const pending = sent.then((json) => {
      const deliveredAt = performance.now();
      const value = readSharedJson(json);
      B.transport.push({ name, deliveredAt, parsedAt: performance.now(), chars: json.length });
      return value;
    });
    if (name === 'getArticle') return pending.then((result) => {
      if (B.docAt === null) B.docAt = performance.now();
      if (result && result.ok) { B.claims = result.value.claims; B.blocks = result.value.article.blocks; }
      return result;
    });
    if (name === 'applyOperation' && B.onCall) B.onCall(performance.now());
    if (name === 'applyOperation') return pending.then((result) => { if (B.onConfirm) B.onConfirm(performance.now(), result); return result; });
    return pending;
  }]));
  // main's events (other writers' changes): the bench has no other writer, so none come; the app subscribes all the same.
  api.on = (event, listener) => () => {};
  Object.defineProperty(window, 'factmark', { value: Object.freeze(api), enumerable: true });
})();`
}

/** Selects [start, end) of a block's text node (scrolled into view first) and lets selectionchange settle. */
export const PREPARE_SELECTION = `async ({ block, start, end }) => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const element = document.querySelector('[data-testid=article-text] [data-block="' + block + '"]');
  const scroller = document.querySelector('main.reader');
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top < view.top || box.top > view.bottom - 120) element.scrollIntoView({ block: 'center' });
  const node = element.firstChild;
  getSelection().setBaseAndExtent(node, start, node, end);
  for (let i = 0; i < 4; i++) await raf();
  return { text: getSelection().toString(), baseline: window.__bench.verdictSum() };
}`

/**
 * Arms the probes for one mark: key press → store confirmation (applyOperation result in the page) →
 * highlight set grows → first rAF (the frame that paints it starts) → a task posted from that rAF (the
 * frame's main-thread rendering is done) → second rAF (the frame after). Growth is seen by wrapping
 * Highlight.prototype.add while armed (the app may add the range before, or without, a
 * 'factmark:highlights-drawn' mark), and by that mark as well, whichever comes first.
 */
export const ARM_MARK = `({ baseline }) => {
  const B = window.__bench;
  const s = { keyAt: null, callAt: null, confirmAt: null, grownAt: null, grownVia: null, frameAt: null, renderedAt: null, paintedAt: null, loafsBefore: B.loafs.length };
  B.markState = s;
  const proto = Highlight.prototype;
  const add = proto.add;
  B.markDone = new Promise((resolve) => {
    const finish = () => {
      if (s.renderedAt === null || s.paintedAt === null) return;
      B.onKey = null; B.onConfirm = null; B.onCall = null;
      resolve(s);
    };
    const grown = (at, via) => {
      if (s.grownAt !== null) return;
      s.grownAt = at; s.grownVia = via;
      proto.add = add;
      B.listeners.splice(B.listeners.indexOf(listener), 1);
      requestAnimationFrame(() => {
        s.frameAt = performance.now();
        setTimeout(() => { s.renderedAt = performance.now(); finish(); }, 0);
        requestAnimationFrame(() => { s.paintedAt = performance.now(); finish(); });
      });
    };
    const listener = (name, at) => {
      if (name === 'factmark:highlights-drawn' && B.verdictSum() > baseline) grown(at, 'mark');
    };
    B.listeners.push(listener);
    proto.add = function (range) {
      const result = add.call(this, range);
      if (s.grownAt === null && B.verdictSum() > baseline) grown(performance.now(), 'Highlight.add');
      return result;
    };
    B.onKey = (at, key) => { if (key === 'm' && s.keyAt === null) s.keyAt = at; };
    B.onCall = (at) => { if (s.callAt === null) s.callAt = at; };
    B.onConfirm = (at, result) => { if (s.confirmAt === null) { s.confirmAt = at; s.confirmOk = !!(result && result.ok); } };
  });
  return true;
}`

export const MARK_RESULT = `async () => {
  const s = await window.__bench.markDone;
  await new Promise((r) => setTimeout(r, 300)); // let trailing long frames be reported
  const loafs = window.__bench.loafs.slice(s.loafsBefore).filter((l) => l.start + l.duration >= s.keyAt);
  return { ...s, loafs, verdictSum: window.__bench.verdictSum() };
}`

/**
 * Finds a claim to click: drawn in the visible part of the reading column, overlapping no other claim
 * (so the click means it alone), not the selected one. Returns the centre of its middle character.
 */
export const FIND_CLICK_TARGET = `({ candidates, blockStarts }) => {
  const scroller = document.querySelector('main.reader');
  const view = scroller.getBoundingClientRect();
  const selectedQuote = document.querySelector('[data-testid=claim-panel] blockquote.quote')?.textContent ?? null;
  const locate = (offset) => { let lo = 0, hi = blockStarts.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >>> 1; if (blockStarts[mid] <= offset) lo = mid; else hi = mid - 1; } return lo; };
  for (const c of candidates) {
    if (c.quote === selectedQuote) continue;
    const mid = Math.floor((c.start + c.end) / 2);
    const block = locate(mid);
    const node = document.querySelector('[data-testid=article-text] [data-block="' + block + '"]')?.firstChild;
    if (!node) continue;
    const range = new Range();
    range.setStart(node, mid - blockStarts[block]);
    range.setEnd(node, mid - blockStarts[block] + 1);
    const rect = range.getClientRects()[0];
    if (!rect || rect.width === 0) continue;
    if (rect.top < view.top + 10 || rect.bottom > view.bottom - 10) continue;
    return { id: c.id, quote: c.quote, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}`

/** Arms the probes for one click: click event → the claim panel shows that claim's words → double rAF. */
export const ARM_CLICK = `({ quote }) => {
  const B = window.__bench;
  const s = { clickAt: null, shownAt: null, frameAt: null, paintedAt: null };
  const shown = () => document.querySelector('[data-testid=claim-panel] blockquote.quote')?.textContent === quote;
  B.clickDone = new Promise((resolve) => {
    B.onClick = (at) => { if (s.clickAt === null) s.clickAt = at; };
    const observer = new MutationObserver(() => {
      if (s.shownAt !== null || !shown()) return;
      s.shownAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        s.frameAt = performance.now();
        requestAnimationFrame(() => { s.paintedAt = performance.now(); B.onClick = null; resolve(s); });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return true;
}`

/**
 * Scrolls `selector` (or the document) from top to bottom, one step of `stepFactor` × its height per frame,
 * and records the time between frames (rAF to rAF, read with performance.now()) and long animation frames.
 */
export const SCROLL_THROUGH = `async ({ selector, stepFactor }) => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const el = selector ? document.querySelector(selector) : document.scrollingElement;
  el.scrollTop = 0;
  for (let i = 0; i < 5; i++) await raf();
  const loafs = [];
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration }); });
    observer.observe({ type: 'long-animation-frame' });
  } catch {}
  const max = el.scrollHeight - el.clientHeight;
  const step = Math.max(1, Math.round(el.clientHeight * stepFactor));
  const deltas = [];
  const t0 = performance.now();
  await new Promise((resolve) => {
    let last = null;
    const tick = () => {
      const now = performance.now();
      if (last !== null) deltas.push(now - last);
      last = now;
      if (el.scrollTop >= max - 1) return resolve();
      el.scrollTop = Math.min(max, el.scrollTop + step);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const total = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  if (observer) { loafs.push(...observer.takeRecords().map((e) => ({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration }))); observer.disconnect(); }
  return { deltas, total, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, step, loafs: loafs.filter((l) => l.start >= t0) };
}`

/**
 * Jumps in the reading column (to each fraction of its height, from the top each time) and reads, in the first rAF
 * after the jump (the frame that shows it: the scroll event has run, its paint has not), whether every claim on screen
 * is registered; then the time until that frame's rendering is done (a task posted from the rAF).
 */
export const SCROLL_JUMP = `async ({ selector, fractions }) => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const task = () => new Promise((r) => setTimeout(r, 0));
  const el = document.querySelector(selector);
  const out = [];
  for (const fraction of fractions) {
    el.scrollTop = 0;
    for (let i = 0; i < 4; i++) await raf();
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * fraction);
    await raf();
    const coverage = window.__bench.viewportCoverage();
    await task();
    out.push({ fraction, inView: coverage ? coverage.inView : 0, missing: coverage ? coverage.missing : -1, renderedMs: performance.now() - t0 });
  }
  el.scrollTop = 0;
  return out;
}`

/** The peer's page module: loads @recogito/text-annotator and exposes window.__peer.run(label, mode). */
export const PEER_SCRIPT = `import { createTextAnnotator } from '/ta/text-annotator.es.js';

const COLOURS = { unreviewed: '#7b8494', verified: '#2e7d32', disputed: '#c62828', 'needs-context': '#e08a00', unverifiable: '#6a4c93' };
const raf = () => new Promise((r) => requestAnimationFrame(() => r()));

async function run(label, mode, timeoutMs) {
  const data = await (await fetch('/data/' + label + '.json')).json();
  // Converting the claims into the peer's input shape happens before t0 and is reported on its own.
  const c0 = performance.now();
  const verdictOf = new Map();
  const annotations = data.spans.map(([start, end, verdict, quote], i) => {
    const id = 'a' + i;
    verdictOf.set(id, data.verdicts[verdict]);
    return { id, bodies: [], target: { annotation: id, selector: [{ quote, start, end }] } };
  });
  const convertMs = performance.now() - c0;
  await raf(); await raf();

  const container = document.getElementById('text');
  const t0 = performance.now(); // just before the text goes into the DOM
  const fragment = document.createDocumentFragment();
  for (const text of data.paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    fragment.append(p);
  }
  container.append(fragment);
  const annotator = createTextAnnotator(container, {
    renderer: 'SPANS',
    style: (a) => ({ fill: COLOURS[verdictOf.get(a.id)] || '#888', fillOpacity: 0.25 }),
  });
  let rangesMs = null;
  const nodes = [...container.querySelectorAll('p')].map((p) => p.firstChild);
  const starts = [];
  { let acc = 0; for (const n of nodes) { starts.push(acc); acc += n.length; } }
  const locate = (offset) => { let lo = 0, hi = starts.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >>> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; } return lo; };
  const rangeOf = (start, end) => { const i = locate(start); const r = document.createRange(); r.setStart(nodes[i], start - starts[i]); r.setEnd(nodes[i], end - starts[i]); return r; };
  if (mode === 'range') {
    // Best case: Ranges supplied (one text node per paragraph, prefix sums + binary search), made after t0.
    const r0 = performance.now();
    for (const a of annotations) { const s = a.target.selector[0]; s.range = rangeOf(s.start, s.end); }
    rangesMs = performance.now() - r0;
  }
  let loaded = false;
  let redrawAt = null;
  let emptyRedraws = 0;
  const layer = () => container.querySelector('.r6o-span-highlight-layer');
  const done = new Promise((resolve) => {
    annotator.renderer.on('onRedraw', () => {
      if (!loaded || redrawAt !== null) return;
      if ((layer()?.childElementCount ?? 0) === 0 && annotations.length > 0) { emptyRedraws++; return; }
      redrawAt = performance.now();
      requestAnimationFrame(() => resolve(performance.now()));
    });
  });
  // setAnnotations(annos, true) does not turn offsets into Ranges in 4.1.1; on an empty annotator,
  // replace=false (bulk upsert) loads the same set and does.
  const s0 = performance.now();
  annotator.setAnnotations(annotations, false);
  const setMs = performance.now() - s0;
  loaded = true;
  const doneAt = await Promise.race([done, new Promise((r) => setTimeout(() => r(null), timeoutMs))]);
  if (doneAt === null) return { ok: false, why: 'no onRedraw with highlights within ' + timeoutMs + ' ms', convertMs, setMs, emptyRedraws };

  // Check (untimed): every annotation with a box in the first viewport is drawn.
  const drawn = new Set([...(layer()?.children ?? [])].map((s) => s.dataset.annotation));
  let expected = 0, missing = 0;
  for (const a of annotations) {
    const s = a.target.selector[0];
    const visible = [...rangeOf(s.start, s.end).getClientRects()].some((r) => r.width > 0 && r.bottom > 0 && r.top < innerHeight);
    if (visible) { expected++; if (!drawn.has(a.id)) missing++; }
  }
  return {
    ok: expected > 0 ? missing === 0 : annotations.length === 0,
    why: missing ? missing + ' of ' + expected + ' annotations in the viewport not drawn' : null,
    convertMs, rangesMs, setMs,
    viewportMs: doneAt - t0, redrawMs: redrawAt - t0,
    drawnIds: drawn.size, spans: layer()?.childElementCount ?? 0, expectedVisible: expected, missing, emptyRedraws,
    textLength: container.textContent.length,
  };
}

window.__peer = { run, ready: true };
`

/**
 * How long the main thread spends rendering one frame after a small change made in a task (not in a rAF):
 * an attribute on <body> that no style depends on, and a change of the text selection. rAF, then a task
 * posted from it: the task runs once that frame's style, layout, pre-paint and paint are done.
 */
export const FRAME_COSTS = `async () => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const task = () => new Promise((r) => setTimeout(r, 0));
  const node = document.querySelector('[data-testid=article-text] [data-block="1"]')?.firstChild;
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
  async function measure(change) {
    const xs = [];
    for (let i = 0; i < 7; i++) {
      await raf(); await task(); await new Promise((r) => setTimeout(r, 30)); await raf(); await task();
      change(i);
      await raf();
      const f = performance.now();
      await task();
      xs.push(performance.now() - f);
    }
    return median(xs);
  }
  const attribute = await measure((i) => document.body.setAttribute('data-bench', String(i)));
  const selection = node ? await measure((i) => getSelection().setBaseAndExtent(node, 10, node, Math.min(node.length, 40 + i))) : null;
  getSelection().removeAllRanges();
  document.body.removeAttribute('data-bench');
  await raf(); await task();
  return { attribute, selection };
}`

/**
 * Diagnostic: the same frame cost (an unrelated attribute change) with 0…all of the page's highlight ranges
 * registered, spread evenly over the article. Restores every highlight afterwards.
 */
export const RANGE_SCALING = `async ({ counts }) => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const task = () => new Promise((r) => setTimeout(r, 0));
  const saved = [...CSS.highlights].map(([name, h]) => [name, [...h]]);
  const all = saved.flatMap(([name, ranges]) => ranges.map((range) => [name, range]));
  const out = [];
  for (const wanted of [...counts, all.length]) {
    const n = Math.min(wanted, all.length);
    for (const [, h] of CSS.highlights) h.clear();
    for (let i = 0; i < n; i++) { const [name, range] = all[Math.floor((i * all.length) / Math.max(1, n))]; CSS.highlights.get(name).add(range); }
    await raf(); await raf(); await task();
    const xs = [];
    for (let i = 0; i < 5; i++) {
      await raf(); await task(); await new Promise((r) => setTimeout(r, 30)); await raf(); await task();
      document.body.setAttribute('data-bench', String(i));
      await raf();
      const f = performance.now();
      await task();
      xs.push(performance.now() - f);
    }
    xs.sort((a, b) => a - b);
    out.push({ ranges: n, ms: xs[2] });
  }
  for (const [, h] of CSS.highlights) h.clear();
  for (const [name, ranges] of saved) for (const range of ranges) CSS.highlights.get(name).add(range);
  document.body.removeAttribute('data-bench');
  return out;
}`
