import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { newId } from '../../core/ids'
import type { FactmarkError } from '../../core/errors'
import { fileError } from '../io-messages'

/** The file-system calls a durable write makes; tests swap one out to fail part-way. */
export interface WriteOps {
  open: typeof open
  rename: typeof rename
}
const nodeOps: WriteOps = { open, rename }

/**
 * Replace `target` with `data` (bytes, text, or text in pieces) so that a crash at any moment leaves either the old or the new file, whole:
 * write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileDurably(target: string, data: string | Uint8Array | readonly string[], ops: WriteOps = nodeOps): Promise<void> {
  const dir = dirname(target)
  // The process id lets an open elsewhere tell a leftover of a killed write from one in progress (temp-files.ts).
  const temp = join(dir, `.${basename(target)}.${process.pid}-${newId(6)}.tmp`)
  try {
    const handle = await ops.open(temp, 'wx')
    try {
      // Pieces are written one after another: turning a 10 MB string into bytes at once holds the event loop for ~40 ms.
      if (Array.isArray(data)) for (const piece of data as readonly string[]) await handle.writeFile(piece)
      else await handle.writeFile(data as string | Uint8Array)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await ops.rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {})
    throw await saveError(error, target)
  }
  await syncFolder(dir)
}

export async function syncFolder(dir: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) cannot open a folder for fsync; the rename is still atomic there.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* best effort */
  }
}

/** In words, naming the file; says the old version is intact only when there is one. */
async function saveError(error: unknown, target: string): Promise<FactmarkError> {
  const kept = await stat(target).then(
    (info) => info.isFile(),
    () => false
  )
  return fileError(error, target, 'save', kept ? 'The previously saved version is unchanged.' : 'Nothing was written.')
}
