// The whole start-up of the Electron main process against the double: what the packaged app really wires together.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channels } from '../../src/core/api'
import { app, electronDouble, frameAt, invokeFromFrame, resetElectronDouble } from '../doubles/electron'

let workspace: string
const saved = { workspace: process.env.FACTMARK_WORKSPACE, renderer: process.env.ELECTRON_RENDERER_URL }

beforeAll(async () => {
  resetElectronDouble()
  app.isPackaged = true
  process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/' // left over in the environment: a packaged app must ignore it
  workspace = await mkdtemp(join(tmpdir(), 'factmark-main-')) // kept for the whole file, unlike tempDir()'s
  process.env.FACTMARK_WORKSPACE = workspace
  await import('../../src/main/electron/main')
  await vi.waitFor(() => expect(electronDouble.windows).toHaveLength(1), { timeout: 10_000 })
})
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true })
  for (const [key, value] of [['FACTMARK_WORKSPACE', saved.workspace], ['ELECTRON_RENDERER_URL', saved.renderer]] as const) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

describe('the packaged app, started', () => {
  it('opens one window on the packaged UI, with nothing reported as failed', () => {
    expect(electronDouble.windows[0]!.loaded).toEqual({ url: 'app://factmark/index.html' })
    expect(electronDouble.errorBoxes).toEqual([])
    expect(electronDouble.exitCode).toBeUndefined()
  })

  it('answers the window’s own calls: listing the workspace’s articles works from app://factmark/index.html', async () => {
    const window = electronDouble.windows[0]!
    const result = (await invokeFromFrame('listArticles', frameAt(window.loaded.url!))) as { ok: boolean; value: unknown[] }
    expect(result.ok).toBe(true)
    expect(result.value.length).toBeGreaterThan(0)
    const info = (await invokeFromFrame('getWorkspace', frameAt(window.loaded.url!))) as { ok: boolean; value: { dir: string } }
    expect(info).toMatchObject({ ok: true, value: { dir: workspace } })
  })

  it('refuses the same calls from any other frame', async () => {
    for (const url of ['app://evil/index.html', 'http://localhost:5173/', 'file:///index.html']) {
      expect(await invokeFromFrame('listArticles', frameAt(url))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })

  it('registers every channel, the app scheme, the renderer protocol and a deny-all permission handler', () => {
    expect([...electronDouble.ipcHandlers.keys()].sort()).toEqual([...channels].sort())
    expect(electronDouble.privilegedSchemes.map((s) => s.scheme)).toEqual(['app'])
    expect(electronDouble.protocolHandlers.has('app')).toBe(true)
    expect(electronDouble.permissionCheckHandler?.(null, 'media', 'app://factmark', {} as never)).toBe(false)
  })

  it('hardens the window it made: no navigation, no new windows, no webviews', () => {
    const contents = electronDouble.windows[0]!.webContents
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.emitCancellable('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.emitCancellable('will-attach-webview', {}, {})).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' })
  })
})
