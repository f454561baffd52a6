// Start-up that fails: the user sees a sentence, never a stack or Node's error text, and the app exits.
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { app, electronDouble, resetElectronDouble } from '../doubles/electron'

let dir: string
const saved = process.env.FACTMARK_WORKSPACE
const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})

beforeAll(async () => {
  resetElectronDouble()
  app.isPackaged = true
  dir = await mkdtemp(join(tmpdir(), 'factmark-main-fails-'))
  const notAFolder = join(dir, 'workspace')
  await writeFile(notAFolder, 'a file where the workspace folder should be')
  process.env.FACTMARK_WORKSPACE = notAFolder
  await import('../../src/main/electron/main')
  await vi.waitFor(() => expect(electronDouble.exitCode).toBe(1), { timeout: 10_000 })
})
afterAll(async () => {
  consoleError.mockRestore()
  await rm(dir, { recursive: true, force: true })
  if (saved === undefined) delete process.env.FACTMARK_WORKSPACE
  else process.env.FACTMARK_WORKSPACE = saved
})

it('tells the user why it could not start, opens no window and exits with 1', () => {
  expect(electronDouble.windows).toEqual([])
  expect(electronDouble.errorBoxes).toHaveLength(1)
  expect(electronDouble.errorBoxes[0]!.title).toBe('Factmark could not start')
  expect(consoleError).toHaveBeenCalled()
})

it('says it in words, without Node’s error code or the full path', () => {
  const message = electronDouble.errorBoxes[0]!.content
  expect(message).not.toMatch(/\bE[A-Z]{3,}\b/)
  expect(message).not.toContain(dir)
})
