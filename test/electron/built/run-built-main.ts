// Runs the BUILT main process (out/main/index.js) under Node's own loader with 'electron' mapped to the double, pokes
// the glue it set up, and prints one line: RESULT_MARKER + JSON (result.ts). built-app.test.ts starts it as
// `node --import tsx run-built-main.ts <out dir>`; it is a separate process because the module hook is process-wide.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { register } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, electronDouble, frameAt, invokeFromFrame } from '../../doubles/electron'
import { addresses } from './addresses'
import { APP_PAGE, probeIpc } from './probe-ipc'
import { probeProtocol } from './probe-protocol'
import { probeSecurity } from './probe-security'
import { RESULT_MARKER, type BuiltMainResult } from './result'

const outDir = resolve(process.argv[2] ?? 'out')
const unhandled: string[] = []
process.on('unhandledRejection', (reason) => void unhandled.push(String(reason)))

async function until(what: string, ready: () => boolean, ms = 15_000): Promise<void> {
  for (const start = Date.now(); !ready(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`)
  }
}

async function run(workspace: string): Promise<BuiltMainResult> {
  process.env.FACTMARK_WORKSPACE = workspace
  process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/' // left over in the environment: a packaged app ignores it
  app.isPackaged = true
  register('./electron-hook.mjs', import.meta.url)
  const mainUrl = pathToFileURL(join(outDir, 'main', 'index.js')).href
  await import(mainUrl)
  await until('the window', () => electronDouble.windows.length > 0 || electronDouble.errorBoxes.length > 0)

  const windows = electronDouble.windows.length // before the probes make one of their own
  const window = electronDouble.windows[0]!
  const beforeReady = window.shown
  window.emit('ready-to-show')
  const webPreferences = { ...window.options.webPreferences } as Record<string, unknown>
  const handler = electronDouble.protocolHandlers.get('app')
  const served = handler ? await probeProtocol(handler, addresses(join(outDir, 'renderer')).map((a) => a.url)) : []
  const ipc = await probeIpc()
  const security = probeSecurity()

  // Another writer removes an article; when the window regains focus main looks, and tells the page.
  const listed = (await invokeFromFrame('listArticles', frameAt(APP_PAGE))) as { value: { id: string }[] }
  const removedArticle = listed.value[0]!.id
  await rm(join(workspace, 'articles', removedArticle), { recursive: true, force: true })
  window.emit('focus')
  const sent = window.webContents.sent
  await until('an articlesChanged event', () => sent.some((m) => (m.args[0] as { event?: string })?.event === 'articlesChanged'))
  const events = sent.map(({ channel, args }) => {
    const message = args[0] as { event?: unknown; payload?: { articles?: { id: string }[] } }
    return { channel, event: message?.event, articleIds: (message?.payload?.articles ?? []).map((a) => a.id) }
  })

  let prevented = false
  app.emit('before-quit', { preventDefault: () => (prevented = true) })
  await until('the workspace to close and the app to quit', () => electronDouble.quitCalls > 0)

  return {
    mainUrl,
    workspace,
    windows,
    window: { webPreferences, loaded: window.loaded, shown: { beforeReady, afterReady: window.shown } },
    preloadExists: typeof webPreferences.preload === 'string' && existsSync(webPreferences.preload),
    privilegedSchemes: electronDouble.privilegedSchemes,
    protocolSchemes: [...electronDouble.protocolHandlers.keys()],
    served,
    ...ipc,
    ...security,
    menu: JSON.stringify(electronDouble.applicationMenu?.template ?? null),
    events,
    removedArticle,
    quit: { prevented, quitCalls: electronDouble.quitCalls },
    errorBoxes: electronDouble.errorBoxes,
    exitCode: electronDouble.exitCode,
    unhandled
  }
}

const workspace = await mkdtemp(join(tmpdir(), 'factmark-built-'))
try {
  const result = await run(workspace)
  process.stdout.write(RESULT_MARKER + JSON.stringify(result) + '\n', () => process.exit(0))
} catch (error) {
  console.error('run-built-main failed:', error, '\nerror boxes:', electronDouble.errorBoxes)
  process.exitCode = 1
} finally {
  await rm(workspace, { recursive: true, force: true })
}
