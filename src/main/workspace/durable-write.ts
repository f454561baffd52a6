import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { newId } from '../../core/ids'
import { FactmarkError } from '../../core/errors'

/** The file-system calls a durable write makes; tests swap one out to fail part-way. */
export interface WriteOps {
  open: typeof open
  rename: typeof rename
}
const nodeOps: WriteOps = { open, rename }

/**
 * Replace `target` with `data` so that a crash at any moment leaves either the old or the new file, whole:
 * write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileDurably(target: string, data: string | Uint8Array, ops: WriteOps = nodeOps): Promise<void> {
  const dir = dirname(target)
  const temp = join(dir, `.${basename(target)}.${newId(6)}.tmp`)
  try {
    const handle = await ops.open(temp, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await ops.rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {})
    throw saveError(error, target)
  }
  await syncFolder(dir)
}

async function syncFolder(dir: string): Promise<void> {
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

function saveError(error: unknown, target: string): FactmarkError {
  const code = (error as NodeJS.ErrnoException)?.code
  const why =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'permission was denied'
    : code === 'EROFS' ? 'the disk is read-only'
    : (error as Error)?.message ?? String(error)
  return new FactmarkError('io', `Could not save ${basename(target)}: ${why}. The previously saved version is unchanged.`)
}
