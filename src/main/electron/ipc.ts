import { ipcMain } from 'electron'
import type { Channel, Handlers } from '../../core/api'
import { isTrustedSender } from './security'

/** Registers every handler; a call from a frame that is not the app's own is refused before its argument is read. */
export function registerIpcHandlers(handlers: Handlers): void {
  for (const channel of Object.keys(handlers) as Channel[]) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: `${channel}: refused a call from an untrusted frame.` } }
      }
      return handlers[channel](arg)
    })
  }
}
