// Factmark's built renderer in Chromium with window.factmark bound to the real handlers over a workspace
// folder, as e2e/support/launch-app.ts does (without the Playwright test fixture), plus the bench's probes.

import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { channels } from '../src/core/api'
import { createHandlers, type Services } from '../src/main/handlers'
import { openServices } from '../src/main/services'
import { chromiumExecutable, projectRoot, CHROMIUM_ARGS } from '../e2e/support/mode'
import { serveRenderer } from '../e2e/support/static-server'
import { appInitScript } from './page-scripts'
import { sharedJson } from './shared-json'

export { CHROMIUM_ARGS }
export const VIEWPORT = { width: 1280, height: 860 }

export interface Harness {
  browser: Browser
  rendererUrl: string
  close(): Promise<void>
}

/** `rendererDir`: a snapshot of out/renderer, so that a rebuild by someone else mid-run changes nothing. */
export async function startHarness(rendererDir = join(projectRoot, 'out', 'renderer')): Promise<Harness> {
  const server = await serveRenderer(rendererDir)
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })
  return {
    browser,
    rendererUrl: server.url,
    close: async () => {
      await browser.close()
      await server.close()
    }
  }
}

export async function openBenchServices(workspaceDir: string): Promise<Services> {
  return openServices({
    workspaceDir,
    dataDir: join(projectRoot, 'data'),
    openExternal: async () => {},
    chooseSavePath: async () => null,
    printPdf: async () => {
      throw new Error('not in the bench')
    },
    fallbackReviewer: 'Bench Reviewer'
  })
}

export interface OpenedPage {
  page: Page
  context: BrowserContext
  errors: string[]
  close(): Promise<void>
}

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return errors
}

/** A fresh context and page of the app over `services`; the app starts loading at once. */
export async function openAppPage(harness: Harness, services: Services, expectedClaims: number, navigate = true): Promise<OpenedPage> {
  const handlers = createHandlers(services)
  const context = await harness.browser.newContext({ viewport: VIEWPORT })
  for (const channel of channels) {
    // Results cross as JSON text (parsed in the page), objects shared as a structured clone shares them (shared-json.ts).
    await context.exposeBinding(`__factmark_${channel}`, async (_source, arg: unknown) => sharedJson(await handlers[channel](arg)))
  }
  await context.addInitScript({ content: appInitScript(channels, expectedClaims) })
  const page = await context.newPage()
  const errors = watchErrors(page)
  if (navigate) await page.goto(harness.rendererUrl)
  return { page, context, errors, close: () => context.close() }
}

/** A fresh context and page of the peer's bare page, its module loaded. */
export async function openPeerPage(harness: Harness, url: string): Promise<OpenedPage> {
  const context = await harness.browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(url)
  await page.waitForFunction('window.__peer && window.__peer.ready === true', null, { timeout: 30_000 })
  return { page, context, errors, close: () => context.close() }
}

export interface HeapSample {
  jsUsedMB: number
  jsTotalMB: number
  /** Blink's (Oilpan/cppgc) heap as V8 reports it for the embedder; null if this Chromium does not say. */
  blinkUsedMB: number | null
  backingStorageMB: number | null
  nodes: number | null
  documents: number | null
  listeners: number | null
}

/** After a forced GC (DevTools protocol): the renderer's V8 heap and, where reported, Blink's heap. */
export async function heapAfterGc(opened: OpenedPage): Promise<HeapSample> {
  const cdp = await opened.context.newCDPSession(opened.page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const usage = (await cdp.send('Runtime.getHeapUsage')) as unknown as {
      usedSize: number
      totalSize: number
      embedderHeapUsedSize?: number
      backingStorageSize?: number
    }
    let counters: { nodes?: number; documents?: number; jsEventListeners?: number } = {}
    try {
      counters = (await cdp.send('Memory.getDOMCounters')) as typeof counters
    } catch {
      /* not available */
    }
    const mb = (bytes: number | undefined) => (bytes === undefined ? null : bytes / 1024 / 1024)
    return {
      jsUsedMB: usage.usedSize / 1024 / 1024,
      jsTotalMB: usage.totalSize / 1024 / 1024,
      blinkUsedMB: mb(usage.embedderHeapUsedSize),
      backingStorageMB: mb(usage.backingStorageSize),
      nodes: counters.nodes ?? null,
      documents: counters.documents ?? null,
      listeners: counters.jsEventListeners ?? null
    }
  } finally {
    await cdp.detach().catch(() => {})
  }
}

/** Evaluates `expression` (a function's source, called with `arg`) in the page, failing after `ms`. */
export async function evaluateWithin<T>(page: Page, source: string, arg: unknown, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([page.evaluate(`(${source})(${JSON.stringify(arg ?? null)})`) as Promise<T>, timeout])
  } finally {
    clearTimeout(timer)
  }
}
