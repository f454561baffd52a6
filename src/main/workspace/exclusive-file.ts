import { link, open, readFile, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { newId } from '../../core/ids'
import { syncFolder } from './durable-write'

/**
 * Creates `target` with `data` only if nothing is there yet, whole or not at all: written to a temporary file,
 * synced, then linked to its name (a link fails if the name is taken, so of two processes racing exactly one
 * wins, and no one ever reads a half-written file). Returns false when the name was taken.
 */
export async function createFileExclusively(target: string, data: string): Promise<boolean> {
  const dir = dirname(target)
  const temp = join(dir, `.${basename(target)}.${process.pid}-${newId(6)}.tmp`)
  const handle = await open(temp, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await link(temp, target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    // Some shared and synced file systems have no hard links: an exclusive create is the next best thing.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return createWithoutLink(target, data)
    throw error
  } finally {
    await rm(temp, { force: true }).catch(() => {})
  }
  await syncFolder(dir)
  return true
}

async function createWithoutLink(target: string, data: string): Promise<boolean> {
  let handle
  try {
    handle = await open(target, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return true
}

/** A small JSON file's content, or null when it is missing or not JSON. */
export async function readJsonOrNull(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return null
  }
}
