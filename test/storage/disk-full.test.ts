// A full disk: the change is refused with a message, nothing saved is lost, the store's state equals the disk, and
// the same change succeeds once there is space again. The appends are made to fail as a full disk does: part of the
// line written, then ENOSPC.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeAppendOps, type AppendOps } from '../../src/main/workspace/log-writer'
import { article, claimOn, logLines, noteOn, open, verdictOn } from '../helpers/store'
import { tempDir } from '../helpers/temp-dir'

function fillableDisk(): { ops: AppendOps; full: boolean } {
  const disk = { full: false, ops: nodeAppendOps }
  disk.ops = {
    ...nodeAppendOps,
    async write(handle, bytes, position) {
      if (!disk.full) return nodeAppendOps.write(handle, bytes, position)
      if (bytes.length > 1) await nodeAppendOps.write(handle, bytes.subarray(0, bytes.length >> 1), position)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
  }
  return disk
}

describe('a full disk', () => {
  it('refuses the change in words, keeps everything saved, and takes the same change once there is space', async () => {
    const dir = await tempDir()
    const disk = fillableDisk()
    const ws = await open(dir, { appendOps: disk.ops })
    const { id } = await ws.createArticle(article())
    const { doc } = await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id
    await ws.applyOperation(id, noteOn(claimId, 'Saved before the disk filled'))
    const before = ws.getArticle(id)
    const logPath = join(dir, 'articles', id, 'log', `${ws.replica}.jsonl`)
    const logBefore = await readFile(logPath, 'utf8')

    disk.full = true
    const change = verdictOn(before, claimId, 'disputed')
    await expect(ws.applyOperation(id, change)).rejects.toMatchObject({
      code: 'io',
      message: 'Could not save this change: the disk is full. Nothing was changed; the article is as it was.'
    })
    // The store and the disk agree: nothing of the refused change in either, not even half a line.
    expect(ws.getArticle(id)).toEqual(before)
    expect(await readFile(logPath, 'utf8')).toBe(logBefore)
    const other = await open(dir)
    expect(other.getArticle(id)).toEqual(before)
    expect(other.problems()).toEqual([])
    await other.close()
    // Other refusals on the way, in words too.
    await expect(ws.createArticle(article('Another'))).rejects.toThrow('Could not save this change: the disk is full.')
    await expect(ws.updateSettings({ organisation: 'The Fact Desk' })).rejects.toThrow('Could not save the settings: the disk is full. They are as they were.')
    expect(ws.settings().organisation).toBe('')
    expect(ws.listArticles()).toHaveLength(1)
    expect(await readdir(join(dir, 'articles'))).toEqual([id])

    disk.full = false
    const { op } = await ws.applyOperation(id, change)
    expect(ws.getArticle(id).claims[0]!.verdict).toBe('disputed')
    expect((await logLines(logPath)).at(-1)).toEqual(op)
    await ws.updateSettings({ organisation: 'The Fact Desk' })
    await ws.close()
    const reopened = await open(dir)
    expect(reopened.getArticle(id).claims[0]!.verdict).toBe('disputed')
    expect(reopened.getArticle(id).claims[0]!.notes.map((n) => n.text)).toEqual(['Saved before the disk filled'])
    expect(reopened.settings().organisation).toBe('The Fact Desk')
    expect(reopened.problems()).toEqual([])
  })
})
