// Calls the ipcMain handlers the built main registered, as the page would: from the app's own window, and from frames
// that are not it. A refused call must not reach its handler, so a refused change is looked for afterwards.
import type { WebFrameMain } from 'electron'
import { electronDouble, frameAt, invokeFromFrame } from '../../doubles/electron'
import type { BuiltMainResult } from './result'

export const APP_PAGE = 'app://factmark/index.html'

/** Frames that must be refused; the dev server address too, because the driver sets ELECTRON_RENDERER_URL to it. */
export const UNTRUSTED_FRAMES: Record<string, WebFrameMain | null> = {
  'app://evil/index.html': frameAt('app://evil/index.html'),
  'app://factmark.evil/index.html': frameAt('app://factmark.evil/index.html'),
  'file:///index.html': frameAt('file:///index.html'),
  'https://evil.example/': frameAt('https://evil.example/'),
  'about:blank': frameAt('about:blank'),
  'http://localhost:5173/': frameAt('http://localhost:5173/'),
  'no frame': null,
  'a frame that is gone': {
    get url(): string {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed')
    }
  } as unknown as WebFrameMain
}

export async function probeIpc(): Promise<Pick<BuiltMainResult, 'channels' | 'trusted' | 'untrusted' | 'settingsAfterRefusedCall'>> {
  const app = frameAt(APP_PAGE)
  const trusted = {
    listArticles: await invokeFromFrame('listArticles', app),
    getWorkspace: await invokeFromFrame('getWorkspace', app),
    updateSettings: await invokeFromFrame('updateSettings', app, { reviewer: 'Ada' }),
    badArgument: await invokeFromFrame('getArticle', app, { id: 42 })
  }
  const channels = [...electronDouble.ipcHandlers.keys()]
  const untrusted: BuiltMainResult['untrusted'] = []
  for (const [frame, sender] of Object.entries(UNTRUSTED_FRAMES)) {
    for (const channel of channels) {
      const arg = channel === 'updateSettings' ? { reviewer: 'Mallory' } : undefined
      untrusted.push({ frame, channel, result: await invokeFromFrame(channel, sender, arg) })
    }
  }
  const settingsAfterRefusedCall = await invokeFromFrame('getWorkspace', app)
  return { channels, trusted, untrusted, settingsAfterRefusedCall }
}
