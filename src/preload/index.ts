// Exposes `window.factmark`: one function per channel of the contract, each a plain ipcRenderer.invoke.
import { contextBridge, ipcRenderer } from 'electron'
import { channels } from '../core/api'

const factmark = Object.fromEntries(channels.map((channel) => [channel, (arg?: unknown) => ipcRenderer.invoke(channel, arg)]))

contextBridge.exposeInMainWorld('factmark', factmark)
