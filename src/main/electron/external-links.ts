import { shell } from 'electron'
import { FactmarkError } from '../../core/errors'
import { checkSourceUrl } from '../../core/links'

/**
 * The system browser opens source links. The handler checks the link first; this checks it again, because
 * shell.openExternal would as readily run a file:, smb: or custom-scheme link, and this is the last gate before it.
 */
export async function openInBrowser(url: string): Promise<void> {
  const link = checkSourceUrl(url)
  if (!link.ok) throw new FactmarkError('unsafe-url', link.message)
  await shell.openExternal(link.url, { activate: true })
}
