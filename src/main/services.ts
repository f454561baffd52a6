import type { Services } from './handlers'
import { memoryCredentials, type Credentials } from './sync/credentials'
import { Desk } from './sync/desk'
import { keepGcPausesShort } from './short-gc-pauses'
import { loadSamples } from './workspace/samples'
import type { Machine } from './workspace/machine'
import { openWorkspace } from './workspace/workspace'

/** Everything the handlers need, for one workspace folder. The Electron app and the e2e fixture both start here. */
export async function openServices(options: {
  workspaceDir: string
  dataDir: string
  openExternal: Services['openExternal']
  chooseSavePath: Services['chooseSavePath']
  printPdf: Services['printPdf']
  fallbackReviewer?: string
  /** Which machine account this is (tests stand in for a colleague's); default: this host and OS user. */
  machine?: Machine
  /** Where the passwords of desks' servers are kept (the app: the OS keychain); default: for this run only. */
  credentials?: Credentials
  /** Replicate shared articles continuously (default true). */
  liveSync?: boolean
}): Promise<Services> {
  keepGcPausesShort()
  const workspace = await openWorkspace(options.workspaceDir, {
    samples: () => loadSamples(options.dataDir),
    fallbackReviewer: options.fallbackReviewer,
    ...(options.machine ? { machine: options.machine } : {})
  })
  const desk = await Desk.open(workspace, options.credentials ?? memoryCredentials(), { live: options.liveSync ?? true })
  return {
    workspace,
    desk,
    openExternal: options.openExternal,
    chooseSavePath: options.chooseSavePath,
    printPdf: options.printPdf,
    close: async () => {
      await desk.close()
      await workspace.close()
    }
  }
}
