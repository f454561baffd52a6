import { app, BrowserWindow, dialog } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FactmarkError } from '../../core/errors'
import { EVENT_CHANNEL } from '../../core/api'
import { forwardWorkspaceEvents } from '../events'
import { createHandlers } from '../handlers'
import { resolveWorkspaceDir } from '../workspace/location'
import { openServices } from '../services'
import { keychainCredentials } from './keychain'
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
      fallbackReviewer: process.env.USER ?? process.env.USERNAME,
      credentials: keychainCredentials()
    })
    denyAllPermissions()
    serveRenderer(paths.renderer)
    registerIpcHandlers(createHandlers(services))
    installMenu()
    const window = createMainWindow(paths.preload)
    forwardWorkspaceEvents(
      services.workspace,
      (event, payload) => {
        if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, { event, payload })
      },
      services.desk
    )
    // Another writer may have changed something while the window was in the background; the watcher usually has it already.
    window.on('focus', () => void services.workspace.refresh())
    closeOnQuit(services)
  } catch (error) {
    fail(error)
  }
}

/** Final checkpoints written and the workspace's lock released before the app goes. */
function closeOnQuit(workspace: { close(): Promise<void> }): void {
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    void workspace.close().finally(() => app.quit())
  })
}

/** The reason in words when Factmark knows it (a FactmarkError); otherwise a sentence, with the details in the log. */
function fail(error: unknown): void {
  console.error('Factmark could not start:', error)
  const message =
    error instanceof FactmarkError ? error.message : 'Something unexpected went wrong while starting. Details are in the log; try starting Factmark again.'
  dialog.showErrorBox('Factmark could not start', message)
  app.exit(1)
}
