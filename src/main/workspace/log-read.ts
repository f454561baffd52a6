import { open } from 'node:fs/promises'

/** A file's bytes from `offset` to its end now, with its size and identity; null when there is no such file. */
export async function readFrom(path: string, offset: number): Promise<{ bytes: Buffer; size: number; ino: number } | null> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const info = await handle.stat()
    const length = Math.max(0, info.size - offset)
    const bytes = Buffer.alloc(length)
    let read = 0
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, offset + read)
      if (bytesRead === 0) break // shorter than its size said (being replaced): the rest comes next time
      read += bytesRead
    }
    return { bytes: read === length ? bytes : bytes.subarray(0, read), size: offset + read, ino: info.ino }
  } finally {
    await handle.close()
  }
}
