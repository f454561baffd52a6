// `npm run bench` (last), or alone: `npx tsx bench/paste.ts [--reps N]`. Whether the window stays responsive while a
// 5 MB paste is imported and shown (issue 15): the paste is typed into the New article dialog of the app in Chromium
// (window.factmark bound to the real handlers, as the other benches), "Add article" pressed, and the renderer's frames
// watched until the new article's last words are on the page. A 50 KB paste is the reference. Writes
// bench/paste-results.{json,md}.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAppPage, openBenchServices, startHarness } from './app-harness'
import { sampleParagraphs } from './generate'
import { median, provenance } from './stats'

const REPS = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 3
const dataDir = join(import.meta.dirname, '..', 'data')

/**
 * In the page, from "Add article" until the new article is at rest: its last words shown (and painted) and its text
 * laid out (data-laid-out). (Its analysis is asked for only once the Suggestions or Numbers tab is open or a claim is
 * selected: not here.) Every frame (rAF to rAF), the long animation frames, and each answer
 * from main as it crossed (page-scripts.ts: delivered as a JSON string, then parsed).
 */
const WATCH = `({ last }) => new Promise((resolve) => {
  const loafs = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) loafs.push(e.duration); });
  observer.observe({ type: 'long-animation-frame' });
  const t0 = performance.now();
  let previous = t0;
  let shownAt = null;
  const frames = [];
  const settled = () => document.querySelector('[data-testid=article-text][data-laid-out]');
  const tick = () => {
    const now = performance.now();
    frames.push([previous, now]);
    previous = now;
    const text = document.querySelector('[data-testid=article-text]');
    const lastBlock = text && text.lastElementChild && text.lastElementChild.lastElementChild;
    // The frame after the one that first has them: the one that paints them.
    if (shownAt === null && lastBlock && lastBlock.textContent.endsWith(last)) shownAt = -1;
    else if (shownAt === -1) shownAt = now - t0;
    if (shownAt !== null && shownAt >= 0 && settled()) {
      observer.disconnect();
      resolve({ shownMs: shownAt, restMs: now - t0, loafs, frames, transport: window.__bench.transport.filter((t) => t.deliveredAt >= t0) });
      return;
    }
    if (now - t0 > 120000) { observer.disconnect(); resolve({ timedOut: true }); return; }
    requestAnimationFrame(tick);
  };
  document.querySelector('dialog[open] button[type=submit]').click();
  requestAnimationFrame(tick);
})`

interface Run {
  /** "Add article" → the article's last words painted. */
  shownMs: number
  /** → at rest: laid out. */
  restMs: number
  longestFrameMs: number
  /** Each frame less the bench's transport in it (from the frame's start until an answer that crossed in it was parsed). */
  longestOwnFrameMs: number
  ownFramesOver50: number
  /** Those frames: when each ended (from "Add article") and its length less the transport. */
  slowFrames: { endMs: number; ownMs: number }[]
  loafTotalMs: number
}

async function main(): Promise<void> {
  const paragraphs = sampleParagraphs(dataDir)
  const textOf = (bytes: number) => Array.from({ length: Math.ceil(bytes / 400) }, (_, i) => `${i}. ${paragraphs[i % paragraphs.length]!}`).join('\n\n').slice(0, bytes).trimEnd()
  const cases = [
    { label: '50 KB paste', text: textOf(50_000) },
    { label: '5 MB paste', text: textOf(5_000_000) }
  ]
  const harness = await startHarness()
  const results: Record<string, Run[]> = {}
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const c of cases) {
        const dir = await mkdtemp(join(tmpdir(), 'factmark-paste-'))
        const services = await openBenchServices(dir)
        const opened = await openAppPage(harness, services, 0)
        try {
          const { page } = opened
          await page.getByRole('button', { name: 'New article…' }).click()
          const field = page.getByRole('dialog', { name: 'New article' }).getByRole('textbox', { name: 'Text' })
          await field.evaluate((element, value) => {
            ;(element as HTMLTextAreaElement).value = value
            element.dispatchEvent(new Event('input', { bubbles: true }))
          }, c.text)
          await page.waitForTimeout(500)
          const last = c.text.slice(-30)
          const r = (await page.evaluate(`(${WATCH})(${JSON.stringify({ last })})`)) as {
            shownMs: number; restMs: number; loafs: number[]; frames: [number, number][]; timedOut?: boolean
            transport: { name: string; deliveredAt: number; parsedAt: number; chars: number }[]
          }
          if (r.timedOut) throw new Error('the article was not shown and at rest within 2 minutes')
          if (opened.errors.length) throw new Error(opened.errors.join('; '))
          const own = r.frames.map(([from, to]) => {
            const crossed = r.transport.filter((t) => t.deliveredAt >= from && t.parsedAt <= to)
            return to - from - (crossed.length ? Math.max(...crossed.map((t) => t.parsedAt)) - from : 0)
          })
          const run: Run = {
            shownMs: r.shownMs,
            restMs: r.restMs,
            longestFrameMs: Math.max(...r.frames.map(([from, to]) => to - from)),
            longestOwnFrameMs: Math.max(...own),
            ownFramesOver50: own.filter((d) => d > 50).length,
            slowFrames: own.flatMap((ownMs, i) => (ownMs > 50 ? [{ endMs: r.frames[i]![1] - r.frames[0]![0], ownMs }] : [])),
            loafTotalMs: r.loafs.reduce((sum, x) => sum + x, 0)
          }
          ;(results[c.label] ??= []).push(run)
          console.log(`rep ${rep + 1}/${REPS} ${c.label}: shown in ${run.shownMs.toFixed(0)} ms, at rest in ${run.restMs.toFixed(0)} ms; longest frame ${run.longestFrameMs.toFixed(0)} ms, ${run.longestOwnFrameMs.toFixed(0)} ms less the transport; ${run.ownFramesOver50} frames over 50 ms less the transport (${run.slowFrames.map((f) => `${f.ownMs.toFixed(0)} ms ending at ${f.endMs.toFixed(0)}`).join(', ')})`)
        } finally {
          await opened.close()
          await services.workspace.close()
          await rm(dir, { recursive: true, force: true })
        }
      }
    }
  } finally {
    await harness.close()
  }
  const med = (label: string, f: (r: Run) => number) => median((results[label] ?? []).map(f))
  const rows = cases.map((c) => `| ${c.label} (${(c.text.length / 1e6).toFixed(2)} M characters) | ${med(c.label, (r) => r.shownMs).toFixed(0)} | ${med(c.label, (r) => r.restMs).toFixed(0)} | ${med(c.label, (r) => r.longestFrameMs).toFixed(0)} | ${med(c.label, (r) => r.longestOwnFrameMs).toFixed(0)} | ${med(c.label, (r) => r.ownFramesOver50)} | ${med(c.label, (r) => r.loafTotalMs).toFixed(0)} |`)
  const at = provenance()
  const md = `# Paste benchmark

Produced by \`npx tsx bench/paste.ts\` (part of \`npm run bench\`): the app in Chromium, a paste typed into the New article
dialog, "Add article" pressed, and the window's frames (rAF to rAF) watched until the article is at rest: its last words
painted and its text laid out (the groups off screen, in idle frames; the analysis is asked for only once the
Suggestions or Numbers tab is open or a claim is selected, so not here).
Medians of ${REPS} runs. ${at.machine}; commit ${at.commit}; ${at.at}. Target (issue 15): the window stays responsive.

Part of some frames is the bench's transport, not the app: main's answers cross from Node into the page through
Playwright's binding as one JSON string (the article arrives as a 10 MB string at 5 MB: its text is in it twice, as the
text and in the log's first operation), which the page then parses; in Electron the same answer is a structured clone.
That part, from the frame's start until an answer that crossed in it was parsed, is set apart in "less the transport".

| paste | shown (ms) | at rest (ms) | longest frame (ms) | longest frame less the transport (ms) | frames over 50 ms, less the transport | long animation frames, total (ms) |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`
  await writeFile(join(import.meta.dirname, 'paste-results.md'), md)
  await writeFile(join(import.meta.dirname, 'paste-results.json'), JSON.stringify({ ...at, reps: REPS, results }, null, 2) + '\n')
  console.log(md)
}

await main()
process.exit(0)
