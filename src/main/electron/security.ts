// The Electron security checklist, one small named rule each.
import { app, session, type WebContents, type WebFrameMain } from 'electron'
import { APP_ORIGIN } from './app-protocol'

/** Origins whose frames may call the IPC handlers: the packaged UI, and the dev server under `npm run dev`. */
export function trustedOrigins(): string[] {
  const dev = process.env.ELECTRON_RENDERER_URL
  return dev && !app.isPackaged ? [APP_ORIGIN, new URL(dev).origin] : [APP_ORIGIN]
}

export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false
  try {
    return trustedOrigins().includes(new URL(frame.url).origin)
  } catch {
    return false
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
