import { ipcMain, type WebFrameMain } from 'electron'
import type { Channel, Handlers } from '../../core/api'
import type { Result } from '../../core/errors'
import { isTrustedSender } from './security'

/** What a call from a frame that is not the app's own gets; the UI never sees it, a hostile page does. */
export const REFUSED_CALL: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Factmark refused this request because it did not come from a Factmark window.' }
}

/** Registers every handler; a call from a frame that is not the app's own is refused before its argument is read. */
export function registerIpcHandlers(handlers: Handlers): void {
  for (const channel of Object.keys(handlers) as Channel[]) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        console.warn(`Factmark refused a ${channel} call from ${describeFrame(event.senderFrame)}.`)
        return REFUSED_CALL
      }
      return handlers[channel](arg)
    })
  }
}

/** For the log: where a refused call came from, clipped (a data: URL can be megabytes). */
function describeFrame(frame: WebFrameMain | null): string {
  try {
    return frame ? JSON.stringify(String(frame.url).slice(0, 200)) : 'no frame'
  } catch {
    return 'a frame that is gone'
  }
}
