// The BUILT app's Electron glue, without Electron's binary: out/main/index.js runs under Node's own loader with
// 'electron' mapped to the double (built/run-built-main.ts), and out/preload/index.cjs runs in a vm context.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { channels, EVENT_CHANNEL } from '../../src/core/api'
import { CONTENT_SECURITY_POLICY } from '../../src/main/content-security-policy'
import { REFUSED_CALL } from '../../src/main/electron/ipc'
import { createMainWindow } from '../../src/main/electron/window'
import { electronDouble, resetElectronDouble } from '../doubles/electron'
import { addresses } from './built/addresses'
import { runBuiltPreload, type PreloadRun } from './built/preload-sandbox'
import { UNTRUSTED_FRAMES } from './built/probe-ipc'
import type { BuiltMainResult, CancellableChecks } from './built/result'
import { runBuiltMain } from './built/spawn-driver'

const root = resolve(import.meta.dirname, '../..')
const out = join(root, 'out')
const preloadFile = join(out, 'preload', 'index.cjs')

function requireBuilt(): void {
  for (const file of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
    if (!existsSync(join(out, file))) throw new Error(`out/${file} is missing: run \`npx electron-vite build\` first (npm test builds before the unit tests).`)
  }
}

/** What the source's createMainWindow asks for, run here against vitest's own double. */
function sourceWebPreferences(preload: string): unknown {
  resetElectronDouble()
  createMainWindow(preload)
  const prefs = electronDouble.windows[0]!.options.webPreferences
  resetElectronDouble()
  return prefs
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('the built main process, run in Node with a double of electron', () => {
  let result: BuiltMainResult
  let stderr: string
  beforeAll(async () => {
    requireBuilt()
    ;({ result, stderr } = await runBuiltMain(root, out))
  }, 90_000)

  it('is out/main/index.js that ran, and it started without an error box, an exit or an unhandled rejection', () => {
    expect(result.mainUrl).toBe(pathToFileURL(join(out, 'main', 'index.js')).href)
    expect(result.errorBoxes).toEqual([])
    expect(result.exitCode).toBeUndefined()
    expect(result.unhandled).toEqual([])
  })

  it('opens one window with the checklist’s preferences, on the packaged UI, with the preload main names', () => {
    expect(result.windows).toBe(1)
    const prefs = result.window.webPreferences
    expect(prefs).toMatchObject({
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
    for (const risky of ['enableBlinkFeatures', 'experimentalFeatures', 'enableRemoteModule']) expect(prefs[risky]).toBeUndefined()
    // The rest (spellcheck, disableBlinkFeatures, …) as the source window sets them, which glue.test.ts pins.
    expect(prefs, 'the built window differs from src/main/electron/window.ts: run `npx electron-vite build`').toEqual(sourceWebPreferences(preloadFile))
    expect(result.preloadExists).toBe(true)
    // ELECTRON_RENDERER_URL is set in the driver: a packaged app must not load it.
    expect(result.window.loaded).toEqual({ url: 'app://factmark/index.html' })
    expect(result.window.shown).toEqual({ beforeReady: false, afterReady: true })
  })

  it('registers app: as a standard, secure scheme and serves it', () => {
    expect(result.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    expect(result.protocolSchemes).toEqual(['app'])
  })

  it('answers every app:// address with the CSP: the built files byte for byte, 404 outside the folder, 400 when malformed', () => {
    const expected = addresses(join(out, 'renderer'))
    const seen = (list: { url: string; status: number }[]) => list.map(({ url, status }) => `${status} ${url}`)
    expect(seen(result.served)).toEqual(seen(expected))
    for (const [i, served] of result.served.entries()) {
      const address = expected[i]!
      expect(served, address.why).toMatchObject({ csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff' })
      expect(served.rejected, address.why).toBeUndefined()
      if (address.file) {
        expect(served.sha256, address.url).toBe(sha256(join(out, 'renderer', address.file)))
      } else {
        expect(served.type, address.url).toBe('text/plain; charset=utf-8')
        expect(served.length, address.url).toBeLessThan(20) // a short reason, never a file's bytes
      }
    }
    expect(result.served.find((s) => s.url === 'app://factmark/')?.type).toBe('text/html; charset=utf-8')
  })

  it('registers exactly one handler per channel of the contract', () => {
    expect([...result.channels].sort()).toEqual([...channels].sort())
  })

  it('answers the app’s own window, with the real workspace, and checks the argument', () => {
    const { listArticles, getWorkspace, updateSettings, badArgument } = result.trusted as Record<string, { ok: boolean; value?: unknown; error?: unknown }>
    expect(listArticles).toMatchObject({ ok: true })
    expect((listArticles!.value as unknown[]).length).toBeGreaterThan(0)
    expect(getWorkspace).toMatchObject({ ok: true, value: { dir: result.workspace } })
    expect(updateSettings).toMatchObject({ ok: true, value: { me: { name: 'Ada' } } })
    expect(badArgument).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('refuses every channel from every untrusted frame, before the handler runs', () => {
    const frames = Object.keys(UNTRUSTED_FRAMES)
    expect(result.untrusted.map((c) => `${c.frame} ${c.channel}`)).toEqual(frames.flatMap((f) => result.channels.map((c) => `${f} ${c}`)))
    for (const call of result.untrusted) expect(call.result, `${call.channel} from ${call.frame}`).toEqual(REFUSED_CALL)
    // Mallory's updateSettings from those frames changed nothing.
    expect(result.settingsAfterRefusedCall).toMatchObject({ ok: true, value: { me: { name: 'Ada' } } })
    expect(stderr).toContain('Factmark refused a updateSettings call from "app://evil/index.html".')
  })

  it('cancels navigation, redirects and webviews and denies new windows, in its window and in any later one', () => {
    const denied: CancellableChecks = { willNavigate: true, willRedirect: true, willAttachWebview: true, windowOpen: { action: 'deny' } }
    expect(result.hardened).toEqual({ mainWindow: denied, laterWindow: denied })
  })

  it('denies every permission request and check', () => {
    const { requests, checks } = result.permissions
    expect(Object.keys(requests).length).toBeGreaterThan(0)
    for (const answers of Object.values(requests)) expect(answers).toEqual([false])
    for (const answer of Object.values(checks)) expect(answer).toBe(false)
  })

  it('installs a menu without developer tools, and leaves undo and redo to the page', () => {
    expect(result.menu).toContain('"role":"selectAll"')
    expect(result.menu).not.toMatch(/toggleDevTools|"role":"(undo|redo)"/)
  })

  it('tells the window, on its event channel, when another writer removed an article', () => {
    const changes = result.events.filter((e) => e.event === 'articlesChanged')
    expect(result.events.every((e) => e.channel === EVENT_CHANNEL)).toBe(true)
    expect(changes.at(-1)?.articleIds).not.toContain(result.removedArticle)
  })

  it('closes the workspace before it quits', () => {
    expect(result.quit).toEqual({ prevented: true, quitCalls: 1 })
  })
})

describe('the built preload, run in a vm context with a fake electron', () => {
  let run: PreloadRun
  let factmark: Record<string, unknown>
  beforeAll(() => {
    requireBuilt()
    run = runBuiltPreload(preloadFile)
    factmark = run.exposed[0]?.api as Record<string, unknown>
  })

  it('requires nothing but electron and exposes one plain object, window.factmark', () => {
    expect(run.required).toEqual(['electron'])
    expect(run.exposed.map((e) => e.key)).toEqual(['factmark'])
    expect(Object.getPrototypeOf(factmark)).toBe(run.objectPrototype)
  })

  it('offers exactly the contract’s channels and `on`, bare functions, and nothing of electron or Node', () => {
    expect(Reflect.ownKeys(factmark).sort()).toEqual([...channels, 'on'].sort())
    for (const [name, value] of Object.entries(factmark)) {
      expect(typeof value, name).toBe('function')
      expect(Reflect.ownKeys(value as object).sort(), name).toEqual(['length', 'name'])
      expect(run.handed, name).not.toContain(value)
    }
  })

  it('turns each channel into one ipcRenderer.invoke(channel, arg), dropping anything more, and returns its answer', () => {
    for (const channel of channels) {
      const call = factmark[channel] as (...args: unknown[]) => unknown
      const arg = { channel }
      expect(call(arg, 'an extra argument the page slipped in')).toBe(run.answer(channel))
    }
    expect(run.invoked).toEqual(channels.map((channel) => ({ channel, args: [{ channel }] })))
  })

  it('delivers main’s events to `on` listeners: the contract’s names only, and only their payload', () => {
    const on = factmark.on as (event: string, listener: (payload: unknown) => void) => () => void
    const heard: unknown[] = []
    const stop = on('articlesChanged', (payload) => heard.push(payload))
    on('not-an-event', (payload) => heard.push(['wrong', payload]))
    const deliver = run.listeners.get(EVENT_CHANNEL)!
    expect([...run.listeners.keys()]).toEqual([EVENT_CHANNEL])
    deliver({ sender: 'main' }, { event: 'articlesChanged', payload: { articles: [], trash: [] } })
    deliver({ sender: 'main' }, { event: 'not-an-event', payload: 1 })
    stop()
    deliver({ sender: 'main' }, { event: 'articlesChanged', payload: 'after stopping' })
    expect(heard).toEqual([{ articles: [], trash: [] }])
  })
})
