// Tells the store which parts of the workspace changed on disk, soon after they did: one recursive fs.watch where
// the platform has it (Linux with Node 20, macOS, Windows), else a watcher per folder that matters. Events come in
// bursts (an append is several), so they are gathered for a moment and handed over together, as paths relative to
// the workspace; `null` means "look at everything" (a watcher that cannot say what changed, or a periodic look for
// file systems that send no events, like some network shares).
import { watch, type FSWatcher } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { ARTICLES_DIR, IDENTITIES_DIR, SETTINGS_LOG_DIR, TRASH_DIR, LOG_DIR } from './layout'

const GATHER_MS = 30
const LOOK_EVERY_MS = 3000

export interface WorkspaceWatcher {
  /** Also watch this article's log folder (only needed without a recursive watcher). */
  addArticle(id: string): void
  removeArticle(id: string): void
  close(): void
}

/** `recursive: false` forces the watcher per folder (what platforms without a recursive watcher get; tests use it). */
export function watchWorkspace(dir: string, onChanges: (paths: Set<string> | null) => void, options: { recursive?: boolean } = {}): WorkspaceWatcher {
  let pending: Set<string> | null = new Set()
  let everything = false
  let timer: NodeJS.Timeout | null = null
  let closed = false
  const hand = () => {
    timer = null
    const paths = everything ? null : pending
    pending = new Set()
    everything = false
    if (!closed) onChanges(paths)
  }
  const heard = (path: string | null) => {
    if (closed) return
    if (path === null) everything = true
    else pending!.add(path.split(sep).join('/'))
    timer ??= setTimeout(hand, GATHER_MS)
  }

  const watchers = new Map<string, FSWatcher>()
  const add = (folder: string, recursive = false): boolean => {
    if (watchers.has(folder)) return true
    try {
      const watcher = watch(folder, { recursive, persistent: false }, (_event, name) => {
        heard(name ? relative(dir, join(folder, name.toString())) : null)
      })
      watcher.on('error', () => {
        watchers.delete(folder)
        heard(null)
      })
      watchers.set(folder, watcher)
      return true
    } catch {
      return false
    }
  }
  const recursive = options.recursive !== false && add(dir, true)
  if (!recursive) for (const folder of ['', ARTICLES_DIR, SETTINGS_LOG_DIR, IDENTITIES_DIR, TRASH_DIR]) add(join(dir, folder))
  const look = setInterval(() => heard(null), LOOK_EVERY_MS)
  look.unref()

  return {
    addArticle(id) {
      if (!recursive) add(join(dir, ARTICLES_DIR, id, LOG_DIR))
    },
    removeArticle(id) {
      const folder = join(dir, ARTICLES_DIR, id, LOG_DIR)
      watchers.get(folder)?.close()
      watchers.delete(folder)
    },
    close() {
      closed = true
      clearInterval(look)
      if (timer) clearTimeout(timer)
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    }
  }
}
