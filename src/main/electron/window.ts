import { BrowserWindow } from 'electron'
import { APP_INDEX_URL } from './app-address'
import { devServerUrl } from './security'

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Factmark',
    backgroundColor: '#f7f5f0',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // Middle-click (auxclick) is one more way for a link to open a window; the app has no use for it.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(rendererUrl())
  return window
}

/**
 * The dev server under `npm run dev`, else the packaged UI. A packaged app ignores ELECTRON_RENDERER_URL: the variable
 * must not be a way to load some other page into a window that has the preload.
 */
export function rendererUrl(): string {
  return devServerUrl()?.href ?? APP_INDEX_URL
}
