import { rename } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { fileError } from '../io-messages'

const CORRUPT_MARK = '.corrupt-'

/**
 * Moves an unreadable file to `<name>.corrupt-<time>.json` beside it, so it is kept for the user and never
 * overwritten. Throws a FactmarkError in words when the move fails.
 */
export async function moveAside(path: string, now = new Date()): Promise<string> {
  const ext = extname(path)
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = join(dirname(path), `${basename(path, ext)}${CORRUPT_MARK}${stamp}${ext}`)
  try {
    await rename(path, target)
  } catch (error) {
    throw fileError(error, path, 'move aside')
  }
  return target
}

export function isMovedAside(fileName: string): boolean {
  return fileName.includes(CORRUPT_MARK)
}
