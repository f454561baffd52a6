// The Electron security checklist, one small named rule each.
import { app, session, type WebContents, type WebFrameMain } from 'electron'
import { isAppUrl } from './app-address'

/** The dev server `npm run dev` starts (ELECTRON_RENDERER_URL), only in an unpackaged app and only over http(s). */
export function devServerUrl(): URL | null {
  const dev = process.env.ELECTRON_RENDERER_URL
  if (!dev || app.isPackaged) return null
  const url = parseUrl(dev)
  return url && isWebUrl(url) ? url : null
}

/** A frame of the dev server: http(s) is a special scheme, so its origin is scheme + host + port. */
export function isDevServerUrl(url: URL): boolean {
  const dev = devServerUrl()
  return dev !== null && isWebUrl(url) && url.origin === dev.origin
}

/** May this frame call the IPC handlers? Only the app's own pages may. */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false
  let address: unknown
  try {
    address = frame.url // Electron throws when the frame is already gone
  } catch {
    return false
  }
  const url = typeof address === 'string' ? parseUrl(address) : null
  return url !== null && (isAppUrl(url) || isDevServerUrl(url))
}

function isWebUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:'
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/** The window only ever shows the app: any navigation or redirect is cancelled. */
export function blockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
}

/** No new windows: links meant for the browser go through the openExternal handler instead. */
export function denyNewWindows(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function blockWebviews(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Camera, microphone, notifications, geolocation…: the app needs none of them. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export function hardenWebContents(contents: WebContents): void {
  blockNavigation(contents)
  denyNewWindows(contents)
  blockWebviews(contents)
}
