import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels } from '../../src/core/api'
import { openInBrowser } from '../../src/main/electron/external-links'
import { installMenu } from '../../src/main/electron/menu'
import { printPdf } from '../../src/main/electron/print-pdf'
import { chooseSavePath } from '../../src/main/electron/save-dialog'
import { createMainWindow } from '../../src/main/electron/window'
import { app, electronDouble, resetElectronDouble } from '../doubles/electron'

beforeEach(() => {
  resetElectronDouble()
  delete process.env.ELECTRON_RENDERER_URL
})
afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL
})

describe('the main window', () => {
  it('writes out every security preference of the checklist', () => {
    createMainWindow('/opt/Factmark/out/preload/index.cjs')
    const [window] = electronDouble.windows
    expect(window!.options.webPreferences).toEqual({
      preload: '/opt/Factmark/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick'
    })
  })

  it('loads the packaged UI from app://factmark/index.html and shows itself once ready', () => {
    app.isPackaged = true
    const window = createMainWindow('/p.cjs') as unknown as (typeof electronDouble.windows)[number]
    expect(window.loaded).toEqual({ url: 'app://factmark/index.html' })
    expect(window.shown).toBe(false)
    window.emit('ready-to-show')
    expect(window.shown).toBe(true)
  })

  it('loads the dev server under `npm run dev`', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    createMainWindow('/p.cjs')
    expect(electronDouble.windows[0]!.loaded).toEqual({ url: 'http://localhost:5173/' })
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app: the variable cannot load another page beside the preload', () => {
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/'
    app.isPackaged = true
    createMainWindow('/p.cjs')
    expect(electronDouble.windows[0]!.loaded).toEqual({ url: 'app://factmark/index.html' })
  })
})

describe('the preload', () => {
  it('exposes window.factmark and nothing else: exactly one function per channel, each a plain invoke', async () => {
    await import('../../src/preload/index')
    expect([...electronDouble.exposedInMainWorld.keys()]).toEqual(['factmark'])
    const factmark = electronDouble.exposedInMainWorld.get('factmark') as Record<string, unknown>
    expect(Object.keys(factmark).sort()).toEqual([...channels, 'on'].sort())
    expect(Object.getPrototypeOf(factmark)).toBe(Object.prototype)
    for (const channel of channels) expect(typeof factmark[channel]).toBe('function')

    const rename = factmark.renameArticle as (arg: unknown, ...more: unknown[]) => Promise<unknown>
    await rename({ id: 'a', title: 'b' }, 'an extra argument the page slipped in')
    expect(electronDouble.invoked).toEqual([{ channel: 'renameArticle', args: [{ id: 'a', title: 'b' }] }])
    // Main's events: delivered to listeners of the contract's event names only, with their payload and nothing else.
    const on = factmark.on as (event: string, listener: (payload: unknown) => void) => () => void
    const heard: unknown[] = []
    const stop = on('articlesChanged', (payload) => heard.push(payload))
    on('not-an-event', (payload) => heard.push(['wrong', payload]))
    const deliver = electronDouble.rendererListeners.get('factmark:event')!
    deliver({ sender: 'main' }, { event: 'articlesChanged', payload: { articles: [], trash: [] } })
    deliver({ sender: 'main' }, { event: 'not-an-event', payload: 1 })
    stop()
    deliver({ sender: 'main' }, { event: 'articlesChanged', payload: 'after stopping' })
    expect(heard).toEqual([{ articles: [], trash: [] }])
  })
})

describe('openInBrowser', () => {
  it('hands a checked web link to the system browser', async () => {
    await openInBrowser('https://www.belstat.gov.by/en/')
    expect(electronDouble.openedExternally).toEqual([{ url: 'https://www.belstat.gov.by/en/', options: { activate: true } }])
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'https://user:pass@example.org/', 'ms-settings:'])(
    'refuses %s, even if a caller forgot to check it',
    async (url) => {
      await expect(openInBrowser(url)).rejects.toMatchObject({ code: 'unsafe-url' })
      expect(electronDouble.openedExternally).toEqual([])
    }
  )
})

describe('the menu', () => {
  const roles = () => JSON.stringify(electronDouble.applicationMenu?.template)

  it('leaves Undo and Redo to the page, and offers developer tools only when not packaged', () => {
    installMenu()
    expect(roles()).not.toMatch(/"role":"(undo|redo)"/)
    expect(roles()).toContain('"role":"toggleDevTools"')
    app.isPackaged = true
    installMenu()
    expect(roles()).not.toContain('toggleDevTools')
  })
})

describe('printing a PDF', () => {
  it('prints in a hidden window with JavaScript off, then destroys it and its temporary file', async () => {
    const before = (await readdir(tmpdir())).filter((name) => name.startsWith('factmark-print-')).length
    const pdf = await printPdf('<!doctype html><p>Report</p>')
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF/)
    const [window] = electronDouble.windows
    expect(window!.options.show).toBe(false)
    expect(window!.options.webPreferences).toEqual({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(window!.loaded.file).toMatch(/report\.html$/)
    expect(window!.destroyed).toBe(true)
    expect((await readdir(tmpdir())).filter((name) => name.startsWith('factmark-print-')).length).toBe(before)
  })
})

describe('the save dialog', () => {
  it('suggests the name in Documents with the format’s filter, and answers null when cancelled', async () => {
    expect(await chooseSavePath('Report.csv', 'csv')).toBeNull()
    expect(electronDouble.saveDialogs[0]).toMatchObject({
      defaultPath: `${app.getPath('documents')}/Report.csv`,
      filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }]
    })
    electronDouble.saveDialogResult = { canceled: false, filePath: '/home/r/Report.csv' }
    expect(await chooseSavePath('Report.csv', 'csv')).toBe('/home/r/Report.csv')
  })
})

