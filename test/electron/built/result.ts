// What the driver (run-built-main.ts) reports about the built main, as one JSON line: the test asserts on it.

export const RESULT_MARKER = 'FACTMARK_BUILT_MAIN_RESULT '

export interface ServedResponse {
  url: string
  status: number
  csp: string | null
  nosniff: string | null
  type: string | null
  sha256: string
  length: number
  /** Set when the protocol handler rejected instead of answering. */
  rejected?: string
}

export interface CancellableChecks {
  willNavigate: boolean
  willRedirect: boolean
  willAttachWebview: boolean
  windowOpen: unknown
}

export interface BuiltMainResult {
  /** Where the built main was imported from, so the test knows which file ran. */
  mainUrl: string
  workspace: string
  /** Windows main opened by itself. */
  windows: number
  window: { webPreferences: Record<string, unknown>; loaded: { url?: string; file?: string }; shown: { beforeReady: boolean; afterReady: boolean } }
  preloadExists: boolean
  privilegedSchemes: unknown[]
  protocolSchemes: string[]
  served: ServedResponse[]
  channels: string[]
  trusted: Record<string, unknown>
  untrusted: { frame: string; channel: string; result: unknown }[]
  settingsAfterRefusedCall: unknown
  hardened: { mainWindow: CancellableChecks; laterWindow: CancellableChecks }
  permissions: { requests: Record<string, boolean[]>; checks: Record<string, boolean | undefined> }
  menu: string
  /** What main sent the window after another writer removed an article: channel, event name, the articles listed. */
  events: { channel: string; event: unknown; articleIds: string[] }[]
  removedArticle: string
  quit: { prevented: boolean; quitCalls: number }
  errorBoxes: unknown[]
  exitCode: number | undefined
  unhandled: string[]
}
