// Exposes `window.factmark`: one function per channel of the contract, each a plain ipcRenderer.invoke, and `on` for
// main's events (one channel; only the contract's event names reach a listener, and only their payload).
import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_CHANNEL, channels, eventNames, type EventName } from '../core/api'

const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
ipcRenderer.on(EVENT_CHANNEL, (_event, message: { event?: unknown; payload?: unknown }) => {
  for (const listener of listeners.get(message?.event as EventName) ?? []) listener(message.payload)
})

const factmark = {
  ...Object.fromEntries(channels.map((channel) => [channel, (arg?: unknown) => ipcRenderer.invoke(channel, arg)])),
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!eventNames.includes(event) || typeof listener !== 'function') return () => {}
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener)
    return () => void set.delete(listener)
  }
}

contextBridge.exposeInMainWorld('factmark', factmark)
