import type { Services } from './handlers'
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
}): Promise<Services> {
  keepGcPausesShort()
  const workspace = await openWorkspace(options.workspaceDir, {
    samples: () => loadSamples(options.dataDir),
    fallbackReviewer: options.fallbackReviewer,
    ...(options.machine ? { machine: options.machine } : {})
  })
  return { workspace, openExternal: options.openExternal, chooseSavePath: options.chooseSavePath, printPdf: options.printPdf }
}
