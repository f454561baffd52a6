import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebContents, WebFrameMain } from 'electron'
import { denyAllPermissions, hardenWebContents, isTrustedSender } from '../../src/main/electron/security'
import { app, electronDouble, frameAt, resetElectronDouble, WebContentsDouble } from '../doubles/electron'

const DEV_URL = 'http://localhost:5173/'

beforeEach(() => {
  resetElectronDouble()
  delete process.env.ELECTRON_RENDERER_URL
})
afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL
})

describe('isTrustedSender', () => {
  it.each([
    'app://factmark/index.html',
    'app://factmark/index.html?article=belta-2017#claim-3',
    'app://factmark/index.html#/review',
    'app://factmark/'
  ])('accepts the packaged window at %s', (url) => {
    app.isPackaged = true
    expect(isTrustedSender(frameAt(url))).toBe(true)
  })

  it.each([
    'app://evil/',
    'app://evil/index.html',
    'app://factmark.evil/index.html',
    'app://evil.factmark/index.html',
    'app://factmark:8080/index.html',
    'app://someone@factmark/index.html',
    'file:///opt/Factmark/resources/app/out/renderer/index.html',
    'about:blank',
    'data:text/html,<script>factmark.listArticles()</script>',
    'https://factmark/index.html',
    'http://factmark/index.html',
    'javascript:alert(1)',
    '',
    'not a url'
  ])('refuses a frame at %j', (url) => {
    app.isPackaged = true
    expect(isTrustedSender(frameAt(url))).toBe(false)
  })

  it('refuses a missing frame, and a frame without an address', () => {
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender({ url: null } as unknown as WebFrameMain)).toBe(false)
    expect(isTrustedSender({} as WebFrameMain)).toBe(false)
  })

  it('refuses a frame that throws when read (Electron does that for a frame already gone)', () => {
    const gone = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      }
    }
    expect(isTrustedSender(gone as unknown as WebFrameMain)).toBe(false)
  })

  it('accepts the dev server under `npm run dev`, with any path, query or hash', () => {
    process.env.ELECTRON_RENDERER_URL = DEV_URL
    app.isPackaged = false
    expect(isTrustedSender(frameAt('http://localhost:5173/'))).toBe(true)
    expect(isTrustedSender(frameAt('http://localhost:5173/index.html?x=1#y'))).toBe(true)
    // …and the packaged address too, which a dev build may load.
    expect(isTrustedSender(frameAt('app://factmark/index.html'))).toBe(true)
  })

  it('refuses other servers in dev: another port, another host, another scheme', () => {
    process.env.ELECTRON_RENDERER_URL = DEV_URL
    expect(isTrustedSender(frameAt('http://localhost:5174/'))).toBe(false)
    expect(isTrustedSender(frameAt('http://127.0.0.1:5173/'))).toBe(false)
    expect(isTrustedSender(frameAt('https://localhost:5173/'))).toBe(false)
    expect(isTrustedSender(frameAt('http://localhost.evil:5173/'))).toBe(false)
  })

  it('refuses the dev server address in a packaged app, even when the variable is set', () => {
    process.env.ELECTRON_RENDERER_URL = DEV_URL
    app.isPackaged = true
    expect(isTrustedSender(frameAt('http://localhost:5173/'))).toBe(false)
    expect(isTrustedSender(frameAt('http://localhost:5173'))).toBe(false)
  })

  it('refuses the dev server address when no dev server is configured', () => {
    expect(isTrustedSender(frameAt('http://localhost:5173/'))).toBe(false)
  })

  it('trusts no dev "server" that is not http(s), even when set', () => {
    process.env.ELECTRON_RENDERER_URL = 'file:///tmp/evil/index.html'
    expect(isTrustedSender(frameAt('file:///tmp/evil/index.html'))).toBe(false)
    process.env.ELECTRON_RENDERER_URL = 'not a url'
    expect(isTrustedSender(frameAt('app://factmark/index.html'))).toBe(true)
  })
})

describe('hardenWebContents', () => {
  function hardened(): WebContentsDouble {
    const contents = new WebContentsDouble()
    hardenWebContents(contents as unknown as WebContents)
    return contents
  }

  it('cancels every navigation and redirect, to anywhere', () => {
    const contents = hardened()
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.emitCancellable('will-navigate', 'app://factmark/index.html')).toBe(true)
    expect(contents.emitCancellable('will-redirect', 'https://evil.example/')).toBe(true)
  })

  it('refuses to attach a webview', () => {
    expect(hardened().emitCancellable('will-attach-webview', {}, {})).toBe(true)
  })

  it('denies every new window', () => {
    const contents = hardened()
    expect(contents.windowOpenHandler).toBeDefined()
    for (const url of ['https://example.org/', 'app://factmark/index.html', 'about:blank']) {
      const details = { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' }, postBody: undefined }
      expect(contents.windowOpenHandler!(details as never)).toEqual({ action: 'deny' })
    }
  })
})

describe('denyAllPermissions', () => {
  it('answers no to every permission request and every permission check', () => {
    denyAllPermissions()
    const request = electronDouble.permissionRequestHandler!
    const check = electronDouble.permissionCheckHandler!
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'] as const) {
      const answers: boolean[] = []
      request({} as WebContents, permission, (granted) => answers.push(granted), {} as never)
      expect(answers).toEqual([false])
      expect(check(null, permission, 'app://factmark', {} as never)).toBe(false)
    }
  })
})
