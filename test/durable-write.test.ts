import { spawn } from 'node:child_process'
import { open, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileDurably } from '../src/main/workspace/durable-write'
import { tempDir } from './helpers/temp-dir'

describe('durable writes', () => {
  it('leaves the previous file intact, and no temporary file, when the rename fails', async () => {
    const dir = await tempDir()
    const target = join(dir, 'article.json')
    await writeFileDurably(target, '{"version":"old"}')
    const failingRename = (async () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    }) as unknown as typeof rename

    await expect(writeFileDurably(target, '{"version":"new"}', { open, rename: failingRename })).rejects.toThrow(
      'Could not save article.json: the disk is full. The previously saved version is unchanged.'
    )
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ version: 'old' })
    expect(await readdir(dir)).toEqual(['article.json'])
  })

  it('says nothing was written, rather than that an old version is intact, when there was none', async () => {
    const dir = await tempDir()
    const target = join(dir, 'Report.pdf')
    const failingOpen = (async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/x/.Report.pdf.abc.tmp'"), { code: 'EACCES' })
    }) as unknown as typeof open
    await expect(writeFileDurably(target, 'pdf', { open: failingOpen, rename })).rejects.toMatchObject({
      code: 'io',
      message: 'Could not save Report.pdf: permission was denied. Nothing was written.'
    })
    await expect(writeFileDurably(join(dir, 'missing', 'Report.pdf'), 'pdf')).rejects.toMatchObject({
      message: 'Could not save Report.pdf: its folder does not exist. Nothing was written.'
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('survives being killed at random moments in a write loop: the file is always one whole version', async () => {
    const dir = await tempDir()
    const target = join(dir, 'article.json')
    const script = join(dir, 'writer.mts')
    const module = new URL('../src/main/workspace/durable-write.ts', import.meta.url).href
    // Each version is large enough (about 2 MB) that a kill often lands mid-write.
    await writeFile(
      script,
      `import { writeFileDurably } from ${JSON.stringify(module)}
       const target = process.argv[2]
       for (let i = 0; ; i++) {
         await writeFileDurably(target, JSON.stringify({ i, filler: String(i % 10).repeat(2_000_000) }))
         process.stdout.write(i + '\\n')
       }`
    )
    await writeFileDurably(target, JSON.stringify({ i: -1, filler: '' }))

    let lastSeen = -1
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, target], { stdio: ['ignore', 'pipe', 'inherit'] })
      const written: number[] = []
      child.stdout.on('data', (chunk: Buffer) => written.push(...chunk.toString().trim().split('\n').map(Number)))
      // Wait until a couple of writes have landed, then kill at a random moment within the next ones.
      await new Promise<void>((resolve, reject) => {
        child.on('exit', (code) => reject(new Error(`writer exited early with code ${code}`)))
        const poll = setInterval(() => {
          if (written.length >= 2) {
            clearInterval(poll)
            setTimeout(resolve, Math.random() * 40)
          }
        }, 2)
      })
      child.kill('SIGKILL')
      await new Promise((resolve) => child.on('exit', resolve))

      const saved = JSON.parse(await readFile(target, 'utf8')) as { i: number; filler: string }
      expect(saved.filler).toBe(saved.i < 0 ? '' : String(saved.i % 10).repeat(2_000_000))
      // At least the last confirmed write is there (a later one may have landed before the kill).
      expect(saved.i).toBeGreaterThanOrEqual(Math.max(...written))
      lastSeen = saved.i
    }
    expect(lastSeen).toBeGreaterThanOrEqual(1)
  }, 60_000)
})
