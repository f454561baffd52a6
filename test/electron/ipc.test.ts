import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channels, type Handlers } from '../../src/core/api'
import { registerIpcHandlers } from '../../src/main/electron/ipc'
import { createHandlers } from '../../src/main/handlers'
import { openServices } from '../../src/main/services'
import { app, electronDouble, frameAt, invokeFromFrame, resetElectronDouble } from '../doubles/electron'
import { dataDir, tempDir } from '../helpers/temp-dir'

/** Handlers that record what reached them, for every channel. */
function recordingHandlers(): { handlers: Handlers; calls: { channel: string; arg: unknown }[] } {
  const calls: { channel: string; arg: unknown }[] = []
  const handlers = Object.fromEntries(
    channels.map((channel) => [channel, async (arg: unknown) => (calls.push({ channel, arg }), { ok: true, value: `${channel} ran` })])
  ) as unknown as Handlers
  return { handlers, calls }
}

let warn: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  resetElectronDouble()
  app.isPackaged = true
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  warn.mockRestore()
  delete process.env.ELECTRON_RENDERER_URL
})

describe('registerIpcHandlers', () => {
  it('registers exactly one ipcMain handler per channel of the contract', () => {
    registerIpcHandlers(recordingHandlers().handlers)
    expect([...electronDouble.ipcHandlers.keys()].sort()).toEqual([...channels].sort())
  })

  it('passes a call from the app window to its handler, with its argument, and returns what the handler answers', async () => {
    const { handlers, calls } = recordingHandlers()
    registerIpcHandlers(handlers)
    const arg = { id: 'belta-2017', title: 'New title' }
    expect(await invokeFromFrame('renameArticle', frameAt('app://factmark/index.html'), arg)).toEqual({ ok: true, value: 'renameArticle ran' })
    expect(calls).toEqual([{ channel: 'renameArticle', arg }])
  })

  it.each([
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://factmark.evil/index.html'],
    ['a file:// page', 'file:///opt/Factmark/resources/app/out/renderer/index.html'],
    ['a web page', 'https://evil.example/'],
    ['about:blank', 'about:blank'],
    ['the dev server, in a packaged app', 'http://localhost:5173/']
  ])('refuses a call from %s, in words, without calling the handler', async (_what, url) => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    const { handlers, calls } = recordingHandlers()
    registerIpcHandlers(handlers)
    const result = await invokeFromFrame('renameArticle', frameAt(url), { id: 'belta-2017', title: 'Pwned' })
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Factmark refused this request because it did not come from a Factmark window\.$/) } })
    expect(calls).toEqual([])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused a renameArticle call'))
  })

  it('refuses a call without a sender frame', async () => {
    const { handlers, calls } = recordingHandlers()
    registerIpcHandlers(handlers)
    expect(await invokeFromFrame('listArticles', null)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(calls).toEqual([])
  })

  it('reaches the real handlers and the real workspace from the packaged window (the frame address the app has)', async () => {
    const services = await openServices({
      workspaceDir: await tempDir(),
      dataDir,
      openExternal: async () => {},
      chooseSavePath: async () => null,
      printPdf: async () => new Uint8Array()
    })
    registerIpcHandlers(createHandlers(services))
    const listed = (await invokeFromFrame('listArticles', frameAt('app://factmark/index.html'))) as { ok: boolean; value: unknown[] }
    expect(listed.ok).toBe(true)
    expect(listed.value.length).toBeGreaterThan(0)
  })
})
