import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

const made: string[] = []
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/** A fresh temporary folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'factmark-test-'))
  made.push(dir)
  return dir
}

export const fixturePath = (name: string) => join(import.meta.dirname, '..', 'fixtures', name)
export const dataDir = join(import.meta.dirname, '..', '..', 'data')
