// The checklist's handlers as the built main installed them: navigation, new windows, webviews, permissions.
import type { HandlerDetails } from 'electron'
import { BrowserWindow, electronDouble, type WebContentsDouble } from '../../doubles/electron'
import type { BuiltMainResult, CancellableChecks } from './result'

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'] as const

function checks(contents: WebContentsDouble): CancellableChecks {
  const details = { url: 'https://evil.example/', frameName: '', features: '', disposition: 'new-window' } as HandlerDetails
  return {
    willNavigate: contents.emitCancellable('will-navigate', 'https://evil.example/'),
    willRedirect: contents.emitCancellable('will-redirect', 'https://evil.example/'),
    willAttachWebview: contents.emitCancellable('will-attach-webview', {}, {}),
    windowOpen: contents.windowOpenHandler?.(details) ?? 'no handler'
  }
}

export function probeSecurity(): Pick<BuiltMainResult, 'hardened' | 'permissions'> {
  const mainWindow = checks(electronDouble.windows[0]!.webContents)
  // Any later page (the PDF window, say) is announced by web-contents-created, where main must harden it too.
  const laterWindow = checks(new BrowserWindow({ show: false }).webContents)
  const requests: Record<string, boolean[]> = {}
  const permissionChecks: Record<string, boolean | undefined> = {}
  for (const permission of PERMISSIONS) {
    const answers: boolean[] = []
    electronDouble.permissionRequestHandler?.({} as never, permission, (granted) => answers.push(granted), {} as never)
    requests[permission] = answers
    permissionChecks[permission] = electronDouble.permissionCheckHandler?.(null, permission, 'app://factmark', {} as never)
  }
  return { hardened: { mainWindow, laterWindow }, permissions: { requests, checks: permissionChecks } }
}
