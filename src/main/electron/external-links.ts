import { shell } from 'electron'

/** The system browser opens source links; the handler has already checked the link is plain http(s). */
export async function openInBrowser(url: string): Promise<void> {
  await shell.openExternal(url, { activate: true })
}
