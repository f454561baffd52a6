// Runs the BUILT preload (out/preload/index.cjs) in a fresh V8 context, as a sandboxed preload runs: its `require`
// knows only 'electron', here a fake contextBridge and ipcRenderer that record what the preload does with them.
import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'

export interface PreloadRun {
  /** Every module the preload asked for, in order. */
  required: string[]
  exposed: { key: string; api: unknown }[]
  invoked: { channel: string; args: unknown[] }[]
  listeners: Map<string, (event: unknown, ...args: unknown[]) => void>
  /** What the preload was handed; none of it may reach the page. */
  handed: unknown[]
  /** Object.prototype of the preload's context, to tell a plain object made there. */
  objectPrototype: object
  /** What the fake invoke answers, to see that a channel function returns it untouched. */
  answer: (channel: string) => unknown
}

export function runBuiltPreload(file: string): PreloadRun {
  const required: string[] = []
  const exposed: PreloadRun['exposed'] = []
  const invoked: PreloadRun['invoked'] = []
  const listeners: PreloadRun['listeners'] = new Map()
  const answers = new Map<string, Promise<unknown>>()
  const answer = (channel: string) => {
    if (!answers.has(channel)) answers.set(channel, Promise.resolve({ ok: true, value: channel }))
    return answers.get(channel)
  }
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]) {
      invoked.push({ channel, args })
      return answer(channel)
    },
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.set(channel, listener)
      return ipcRenderer
    }
  }
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.push({ key, api }) }
  const electron = { contextBridge, ipcRenderer }
  const require = (name: string) => {
    required.push(name)
    if (name === 'electron') return electron
    throw new Error(`a sandboxed preload cannot require '${name}'`)
  }
  const module = { exports: {} }
  const context = { require, module, exports: module.exports }
  runInNewContext(readFileSync(file, 'utf8'), context, { filename: file })
  const objectPrototype = runInNewContext('Object.prototype', context) as object
  return { required, exposed, invoked, listeners, handed: [electron, contextBridge, ipcRenderer, require, module], objectPrototype, answer }
}
