// A stand-in for the 'electron' module under vitest (vitest.config.mts aliases 'electron' to this file): Electron's
// binary cannot be downloaded on these machines, so the glue in src/main/electron and src/preload runs against this.
// Each piece `implements`/`satisfies` the slice of Electron's own type that the glue uses, so a double whose
// signatures drift from Electron's fails `tsc -p tsconfig.node.json`. It records what the glue did; tests read
// `electronDouble` and call `resetElectronDouble()` before each test.
import { EventEmitter } from 'node:events'
import { readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type {
  App,
  BrowserWindow as RealBrowserWindow,
  BrowserWindowConstructorOptions,
  ContextBridge,
  CustomScheme,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  MenuItemConstructorOptions,
  Net,
  OpenExternalOptions,
  PrintToPDFOptions,
  Protocol,
  SaveDialogOptions,
  SaveDialogReturnValue,
  SafeStorage,
  Session,
  Shell,
  WebContents,
  WebFrameMain
} from 'electron'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown
type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0]
type ProtocolHandler = Parameters<Protocol['handle']>[1]
type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0]

/** What the glue did, for tests to inspect. */
export const electronDouble = {
  ipcHandlers: new Map<string, Handler>(),
  privilegedSchemes: [] as CustomScheme[],
  protocolHandlers: new Map<string, ProtocolHandler>(),
  permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
  permissionCheckHandler: undefined as PermissionCheckHandler | undefined,
  openedExternally: [] as { url: string; options?: OpenExternalOptions }[],
  windows: [] as BrowserWindowDouble[],
  applicationMenu: undefined as MenuDouble | null | undefined,
  errorBoxes: [] as { title: string; content: string }[],
  saveDialogs: [] as SaveDialogOptions[],
  /** What the next save dialog answers. */
  saveDialogResult: { canceled: true, filePath: '' } as SaveDialogReturnValue,
  exposedInMainWorld: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  /** What the preload listens to from main (ipcRenderer.on), by channel. */
  rendererListeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  exitCode: undefined as number | undefined,
  quitCalls: 0,
  /** Whether the OS keychain is there (a Linux desktop without one says no). */
  encryptionAvailable: true
}

export function resetElectronDouble(): void {
  electronDouble.ipcHandlers.clear()
  electronDouble.privilegedSchemes = []
  electronDouble.protocolHandlers.clear()
  electronDouble.permissionRequestHandler = undefined
  electronDouble.permissionCheckHandler = undefined
  electronDouble.openedExternally = []
  electronDouble.windows = []
  electronDouble.applicationMenu = undefined
  electronDouble.errorBoxes = []
  electronDouble.saveDialogs = []
  electronDouble.saveDialogResult = { canceled: true, filePath: '' }
  electronDouble.exposedInMainWorld.clear()
  electronDouble.invoked = []
  electronDouble.rendererListeners.clear()
  electronDouble.exitCode = undefined
  electronDouble.quitCalls = 0
  electronDouble.encryptionAvailable = true
  app.isPackaged = false
  app.removeAllListeners()
}

/** A frame as `event.senderFrame` gives it to an IPC handler; only its address matters to the glue. */
export function frameAt(url: string): WebFrameMain {
  return { url } satisfies Pick<WebFrameMain, 'url'> as unknown as WebFrameMain
}

/** Calls a channel registered with ipcMain.handle as the renderer would, from a frame at `frame`'s address. */
export async function invokeFromFrame(channel: string, frame: WebFrameMain | null, arg?: unknown): Promise<unknown> {
  const handler = electronDouble.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler registered for ${channel}`)
  return handler({ senderFrame: frame } as IpcMainInvokeEvent, arg)
}

// ---- app ----------------------------------------------------------------------------------------------------

// `on`/`once`/`emit` come from Node's EventEmitter, as Electron's own App's do (its typed overloads return App itself).
type AppUsed = Pick<App, 'isPackaged' | 'getPath' | 'getAppPath' | 'requestSingleInstanceLock' | 'whenReady' | 'quit' | 'exit'>

class AppDouble extends EventEmitter implements AppUsed {
  isPackaged = false
  readonly root = join(tmpdir(), 'factmark-electron-double')
  getPath(name: Parameters<App['getPath']>[0]): string {
    return join(this.root, name)
  }
  getAppPath(): string {
    return process.cwd()
  }
  requestSingleInstanceLock(): boolean {
    return true
  }
  whenReady(): Promise<void> {
    return Promise.resolve()
  }
  quit(): void {
    electronDouble.quitCalls++
  }
  exit(exitCode?: number): void {
    electronDouble.exitCode = exitCode ?? 0
  }
}
export const app = new AppDouble()

// ---- safeStorage: "encrypts" by reversing and marking the bytes, so a test can tell ciphertext from the secret ----
export const safeStorage = {
  isEncryptionAvailable: () => electronDouble.encryptionAvailable,
  encryptString: (plain: string) => Buffer.concat([Buffer.from('enc:'), Buffer.from(plain, 'utf8').reverse()]),
  decryptString: (encrypted: Buffer) => {
    if (!encrypted.subarray(0, 4).equals(Buffer.from('enc:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(encrypted.subarray(4)).reverse().toString('utf8')
  }
} satisfies Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>

// ---- ipcMain / ipcRenderer / contextBridge ------------------------------------------------------------------

export const ipcMain = {
  handle(channel: string, listener: Handler): void {
    if (electronDouble.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`) // as Electron does
    electronDouble.ipcHandlers.set(channel, listener)
  }
} satisfies Pick<IpcMain, 'handle'>

export const ipcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    electronDouble.invoked.push({ channel, args })
    return { ok: true, value: { channel, args } }
  },
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    electronDouble.rendererListeners.set(channel, listener)
    return ipcRenderer
  }
} satisfies Pick<IpcRenderer, 'invoke'> & { on: unknown }

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    electronDouble.exposedInMainWorld.set(apiKey, api)
  }
} satisfies Pick<ContextBridge, 'exposeInMainWorld'>

// ---- protocol / net -----------------------------------------------------------------------------------------

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    electronDouble.privilegedSchemes.push(...customSchemes)
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    electronDouble.protocolHandlers.set(scheme, handler)
  }
} satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

/** Like Electron's net.fetch for file: URLs: the file's bytes, or a rejection as Chromium's network stack gives it. */
export const net = {
  async fetch(input: string | Request): Promise<Response> {
    const url = new URL(typeof input === 'string' ? input : input.url)
    if (url.protocol !== 'file:') throw new Error(`the electron double's net.fetch serves file: URLs only, not ${url.protocol}`)
    const path = fileURLToPath(url)
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) throw new Error('net::ERR_FILE_NOT_FOUND')
    const type = MIME[extname(path)]
    return new Response(await readFile(path), { status: 200, headers: type ? { 'Content-Type': type } : {} })
  }
} satisfies Pick<Net, 'fetch'>

// ---- session / shell / dialog / Menu ------------------------------------------------------------------------

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      electronDouble.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      electronDouble.permissionCheckHandler = handler
    }
  } satisfies Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
}

export const shell = {
  async openExternal(url: string, options?: OpenExternalOptions): Promise<void> {
    electronDouble.openedExternally.push({ url, options })
  }
} satisfies Pick<Shell, 'openExternal'>

export const dialog = {
  showErrorBox(title: string, content: string): void {
    electronDouble.errorBoxes.push({ title, content })
  },
  // Electron's two overloads: (window, options) and (options).
  showSaveDialog: (async (...args: [RealBrowserWindow, SaveDialogOptions] | [SaveDialogOptions]) => {
    electronDouble.saveDialogs.push(args.length === 2 ? args[1] : args[0])
    return electronDouble.saveDialogResult
  }) as Dialog['showSaveDialog']
} satisfies Pick<Dialog, 'showErrorBox' | 'showSaveDialog'>

export class MenuDouble {
  constructor(readonly template: MenuItemConstructorOptions[]) {}
}
export const Menu = {
  buildFromTemplate(template: MenuItemConstructorOptions[]): MenuDouble {
    return new MenuDouble(template)
  },
  setApplicationMenu(menu: MenuDouble | null): void {
    electronDouble.applicationMenu = menu
  }
}

// ---- BrowserWindow / WebContents ----------------------------------------------------------------------------

type WebContentsUsed = Pick<WebContents, 'setWindowOpenHandler' | 'printToPDF' | 'send'>

export class WebContentsDouble extends EventEmitter implements WebContentsUsed {
  windowOpenHandler: WindowOpenHandler | undefined
  printed: PrintToPDFOptions[] = []
  /** What main sent the page (webContents.send), in order. */
  sent: { channel: string; args: unknown[] }[] = []
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  async printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    this.printed.push(options)
    return Buffer.from('%PDF-1.7 double')
  }
  /** Emits an event with a cancellable Electron event object, and says whether a listener cancelled it. */
  emitCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(name, { preventDefault: () => (prevented = true), defaultPrevented: false }, ...args)
    return prevented
  }
}

type BrowserWindowUsed = Pick<RealBrowserWindow, 'loadURL' | 'loadFile' | 'show' | 'isMinimized' | 'restore' | 'focus' | 'destroy' | 'isDestroyed'>

export class BrowserWindowDouble extends EventEmitter implements BrowserWindowUsed {
  readonly webContents = new WebContentsDouble()
  loaded: { url?: string; file?: string } = {}
  shown = false
  destroyed = false

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super()
    electronDouble.windows.push(this)
    // As in Electron, every new page's contents are announced, which is where main.ts hardens them.
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents)
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url }
  }
  async loadFile(filePath: string): Promise<void> {
    this.loaded = { file: filePath }
  }
  show(): void {
    this.shown = true
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
  destroy(): void {
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  static getAllWindows(): BrowserWindowDouble[] {
    return electronDouble.windows.filter((w) => !w.destroyed)
  }
  static getFocusedWindow(): BrowserWindowDouble | null {
    return null
  }
}
export { BrowserWindowDouble as BrowserWindow }
