import { app, BrowserWindow, dialog } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHandlers } from '../handlers'
import { resolveWorkspaceDir } from '../workspace/location'
import { openServices } from '../services'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { openInBrowser } from './external-links'
import { registerIpcHandlers } from './ipc'
import { installMenu } from './menu'
import { printPdf } from './print-pdf'
import { chooseSavePath } from './save-dialog'
import { denyAllPermissions, hardenWebContents } from './security'
import { createMainWindow } from './window'

const here = dirname(fileURLToPath(import.meta.url)) // out/main
const paths = {
  preload: join(here, '../preload/index.cjs'),
  renderer: join(here, '../renderer'),
  data: join(app.getAppPath(), 'data')
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.whenReady().then(start, (error: unknown) => fail(error))
}

async function start(): Promise<void> {
  try {
    const dir = resolveWorkspaceDir(process.argv, process.env, join(app.getPath('userData'), 'workspace'))
    const services = await openServices({
      workspaceDir: dir,
      dataDir: paths.data,
      openExternal: openInBrowser,
      chooseSavePath,
      printPdf,
      fallbackReviewer: process.env.USER ?? process.env.USERNAME
    })
    denyAllPermissions()
    serveRenderer(paths.renderer)
    registerIpcHandlers(createHandlers(services))
    installMenu()
    createMainWindow(paths.preload)
  } catch (error) {
    fail(error)
  }
}

function fail(error: unknown): void {
  dialog.showErrorBox('Factmark could not start', (error as Error)?.message ?? String(error))
  app.exit(1)
}
