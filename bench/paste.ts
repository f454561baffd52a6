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

/** In the page, from "Add article" until `last` is in the article: every frame interval, and long animation frames. */
const WATCH = `({ last }) => new Promise((resolve) => {
  const deltas = [];
  const loafs = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) loafs.push(e.duration); });
  observer.observe({ type: 'long-animation-frame' });
  const t0 = performance.now();
  let previous = t0;
  const tick = () => {
    const now = performance.now();
    deltas.push(now - previous);
    previous = now;
    const text = document.querySelector('[data-testid=article-text]');
    const shown = text && text.lastElementChild && text.lastElementChild.lastElementChild && text.lastElementChild.lastElementChild.textContent.endsWith(last);
    if (shown) {
      // One more frame: the one that paints it.
      requestAnimationFrame(() => {
        deltas.push(performance.now() - previous);
        observer.disconnect();
        resolve({ totalMs: performance.now() - t0, deltas, loafs });
      });
      return;
    }
    if (now - t0 > 120000) { observer.disconnect(); resolve({ totalMs: now - t0, deltas, loafs, timedOut: true }); return; }
    requestAnimationFrame(tick);
  };
  document.querySelector('dialog[open] button[type=submit]').click();
  requestAnimationFrame(tick);
})`

interface Run {
  totalMs: number
  longestFrameMs: number
  framesOver50: number
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
          const r = await page.evaluate(`(${WATCH})(${JSON.stringify({ last })})`) as { totalMs: number; deltas: number[]; loafs: number[]; timedOut?: boolean }
          if (r.timedOut) throw new Error('the article did not show within 2 minutes')
          if (opened.errors.length) throw new Error(opened.errors.join('; '))
          const run: Run = {
            totalMs: r.totalMs,
            longestFrameMs: Math.max(...r.deltas),
            framesOver50: r.deltas.filter((d) => d > 50).length,
            loafTotalMs: r.loafs.reduce((s, x) => s + x, 0)
          }
          ;(results[c.label] ??= []).push(run)
          console.log(`rep ${rep + 1}/${REPS} ${c.label}: shown in ${run.totalMs.toFixed(0)} ms; longest frame ${run.longestFrameMs.toFixed(0)} ms; ${run.framesOver50} frames over 50 ms`)
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
  const rows = cases.map((c) => `| ${c.label} (${(c.text.length / 1e6).toFixed(2)} M characters) | ${med(c.label, (r) => r.totalMs).toFixed(0)} | ${med(c.label, (r) => r.longestFrameMs).toFixed(0)} | ${med(c.label, (r) => r.framesOver50)} | ${med(c.label, (r) => r.loafTotalMs).toFixed(0)} |`)
  const at = provenance()
  const md = `# Paste benchmark

Produced by \`npx tsx bench/paste.ts\` (part of \`npm run bench\`): the app in Chromium, a paste typed into the New article
dialog, "Add article" pressed, and the renderer's frames (rAF to rAF) watched until the article's last words are on the
page and painted. Medians of ${REPS} runs. ${at.machine}; commit ${at.commit}; ${at.at}.

| paste | shown (ms) | longest frame (ms) | frames over 50 ms | long animation frames, total (ms) |
|---|---|---|---|---|
${rows.join('\n')}
`
  await writeFile(join(import.meta.dirname, 'paste-results.md'), md)
  await writeFile(join(import.meta.dirname, 'paste-results.json'), JSON.stringify({ ...at, reps: REPS, results }, null, 2) + '\n')
  console.log(md)
}

await main()
process.exit(0)
