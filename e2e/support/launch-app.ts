import { test as base, chromium, expect, _electron, type Browser, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { channels } from '../../src/core/api'
import { forwardWorkspaceEvents } from '../../src/main/events'
import { createHandlers } from '../../src/main/handlers'
import { openServices } from '../../src/main/services'
import { CHROMIUM_ARGS, chromiumExecutable, detectMode, projectRoot, type AppMode } from './mode'
import { serveRenderer } from './static-server'

export interface LaunchedApp {
  page: Page
  mode: AppMode
  workspaceDir: string
  /** Uncaught errors and console errors in the page (a CSP violation shows up here). */
  pageErrors: string[]
  /** The links main handed to the system browser (recorded instead of opened). */
  openedExternally(): Promise<string[]>
  /** Where the save dialog "chooses" to put exported reports (the dialog is answered with this folder). */
  exportsDir: string
  close(): Promise<void>
}

export interface LaunchOptions {
  /** Defaults to the test's fresh temporary workspace. */
  workspaceDir?: string
}


type TestFixtures = {
  /** A fresh, empty temporary folder; the app seeds it on first launch. */
  workspaceDir: string
  launchApp: (options?: LaunchOptions) => Promise<LaunchedApp>
}
type WorkerFixtures = {
  appMode: AppMode
  chromiumMode: { browser: Browser; rendererUrl: string } | null
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  appMode: [async ({}, use) => use(detectMode().mode), { scope: 'worker' }],

  chromiumMode: [
    async ({ appMode }, use) => {
      if (appMode !== 'chromium') return use(null)
      const server = await serveRenderer(join(projectRoot, 'out', 'renderer'))
      const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })
      await use({ browser, rendererUrl: server.url })
      await browser.close()
      await server.close()
    },
    { scope: 'worker' }
  ],

  workspaceDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'factmark-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  launchApp: async ({ appMode, chromiumMode, workspaceDir }, use) => {
    const launched: LaunchedApp[] = []
    await use(async (options = {}) => {
      const dir = options.workspaceDir ?? workspaceDir
      const exportsDir = await mkdtemp(join(tmpdir(), 'factmark-exports-'))
      const app = chromiumMode ? await launchInChromium(chromiumMode, dir, exportsDir) : await launchElectron(dir, exportsDir)
      let closed: Promise<void> | null = null
      const once = { ...app, mode: appMode, close: () => (closed ??= app.close()) }
      launched.push(once)
      return once
    })
    for (const app of launched) await app.close()
    for (const app of launched) await rm(app.exportsDir, { recursive: true, force: true })
    for (const app of launched) expect(app.pageErrors, 'errors in the page').toEqual([])
  }
})

export { expect }

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return errors
}

/** The real app: out/main/index.js under the installed Electron binary. */
async function launchElectron(workspaceDir: string, exportsDir: string): Promise<LaunchedApp> {
  const args = [join(projectRoot, 'out', 'main', 'index.js'), '--workspace', workspaceDir]
  if (process.getuid?.() === 0) args.unshift('--no-sandbox') // Chromium refuses to run as root with its OS sandbox
  const electronApp = await _electron.launch({ args, cwd: projectRoot })
  // Record instead of opening a browser: replace shell.openExternal inside the main process.
  await electronApp.evaluate(({ shell }) => {
    const opened: string[] = []
    Object.assign(globalThis, { __factmarkOpened: opened })
    shell.openExternal = async (url: string) => void opened.push(url)
  })
  // Answer the save dialog with a file in exportsDir, under the name the app suggests.
  await electronApp.evaluate(({ dialog }, dir) => {
    const answer = async (...args: unknown[]) => {
      const options = args.at(-1) as { defaultPath?: string }
      const name = (options.defaultPath ?? 'report').split(/[\\/]/).at(-1)!
      return { canceled: false, filePath: `${dir}/${name}` }
    }
    dialog.showSaveDialog = answer as typeof dialog.showSaveDialog
  }, exportsDir)
  const page = await electronApp.firstWindow()
  const pageErrors = watchErrors(page)
  return {
    page,
    mode: 'electron',
    workspaceDir,
    pageErrors,
    openedExternally: () => electronApp.evaluate(() => [...(globalThis as unknown as { __factmarkOpened: string[] }).__factmarkOpened]),
    exportsDir,
    close: () => electronApp.close()
  }
}

/**
 * The built renderer in Chromium, with `window.factmark` built from the same contract and bound to
 * the same handlers over the same workspace files as in Electron.
 */
async function launchInChromium(
  chromiumMode: { browser: Browser; rendererUrl: string },
  workspaceDir: string,
  exportsDir: string
): Promise<LaunchedApp> {
  const openedExternally: string[] = []
  const services = await openServices({
    workspaceDir,
    dataDir: join(projectRoot, 'data'),
    openExternal: async (url) => void openedExternally.push(url),
    chooseSavePath: async (suggestedName) => join(exportsDir, suggestedName),
    // Electron prints with webContents.printToPDF; here the same Chromium prints the same HTML.
    printPdf: async (html) => {
      const printer = await chromiumMode.browser.newPage()
      try {
        await printer.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(await printer.pdf({ printBackground: true, preferCSSPageSize: true }))
      } finally {
        await printer.close()
      }
    },
    fallbackReviewer: 'E2E Reviewer'
  })
  const handlers = createHandlers(services)
  const context = await chromiumMode.browser.newContext({ viewport: { width: 1280, height: 860 } })
  for (const channel of channels) {
    await context.exposeBinding(`__factmark_${channel}`, (_source, arg: unknown) => handlers[channel](arg))
  }
  // The same window.factmark as the preload builds: the channels, and `on` for main's events (delivered below).
  await context.addInitScript((names: string[]) => {
    const bindings = window as unknown as Record<string, (arg: unknown) => Promise<unknown>>
    const listeners = new Map<string, Set<(payload: unknown) => void>>()
    Object.defineProperty(window, '__factmarkEmit', {
      value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload))
    })
    const api = {
      ...Object.fromEntries(names.map((name) => [name, (arg?: unknown) => bindings[`__factmark_${name}`]!(arg)])),
      on(event: string, listener: (payload: unknown) => void) {
        const set = listeners.get(event) ?? new Set()
        listeners.set(event, set)
        set.add(listener)
        return () => void set.delete(listener)
      }
    }
    Object.defineProperty(window, 'factmark', { value: Object.freeze(api), enumerable: true })
  }, channels)
  const page = await context.newPage()
  const pageErrors = watchErrors(page)
  const stopEvents = forwardWorkspaceEvents(
    services.workspace,
    (event, payload) => {
      void page.evaluate(({ event, payload }) => (window as unknown as { __factmarkEmit: (e: string, p: unknown) => void }).__factmarkEmit(event, payload), { event, payload }).catch(() => {})
    },
    services.desk
  )
  await page.goto(chromiumMode.rendererUrl)
  return {
    page,
    mode: 'chromium',
    workspaceDir,
    pageErrors,
    openedExternally: async () => [...openedExternally],
    exportsDir,
    close: async () => {
      stopEvents()
      await context.close()
      await services.close()
    }
  }
}
