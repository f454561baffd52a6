import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bodyFromPlainText } from '../src/core/plain-text'
import { loadSamples } from '../src/main/workspace/samples'
import { openWorkspace, type NewArticle } from '../src/main/workspace/workspace'
import { dataDir, tempDir } from './helpers/temp-dir'

const article = (title: string): NewArticle => ({ title, body: bodyFromPlainText('One paragraph.\nAnother.'), origin: { kind: 'paste' } })
const samples = () => loadSamples(dataDir)
const SAMPLE_TITLE = 'Belarus aims to intensify trade and economic cooperation with Kazakhstan'

describe('seeding', () => {
  it('seeds a workspace whose first start was interrupted before any sample was written', async () => {
    const dir = await tempDir()
    // What a start killed while seeding leaves: the settings file and an empty articles folder.
    await openWorkspace(dir)
    expect(await readdir(join(dir, 'articles'))).toEqual([])
    const next = await openWorkspace(dir, { samples })
    expect(next.listArticles().map((a) => a.title)).toEqual([SAMPLE_TITLE])
  })

  it('never seeds again once seeded, even when every article has been deleted', async () => {
    const dir = await tempDir()
    const first = await openWorkspace(dir, { samples })
    const [sample] = first.listArticles()
    await first.trashArticle(sample!.id)
    await first.purgeArticle(sample!.id)
    const again = await openWorkspace(dir, { samples })
    expect(again.listArticles()).toEqual([])
  })

  it('does not seed a workspace that already has articles of its own (made by the CLI)', async () => {
    const dir = await tempDir()
    const cli = await openWorkspace(dir)
    await cli.createArticle(article('From the CLI'))
    const app = await openWorkspace(dir, { samples })
    expect(app.listArticles().map((a) => a.title)).toEqual(['From the CLI'])
    expect(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')).seeded).toBe(true)
  })
})

describe('trash', () => {
  it('moves a deleted article to the trash whole, lists it, and restores it with its claims and history', async () => {
    const dir = await tempDir()
    const workspace = await openWorkspace(dir, { now: () => new Date('2026-12-01T09:00:00.000Z') })
    const { id } = await workspace.createArticle(article('Budget vote'))
    await workspace.applyOperation(id, { type: 'article.rename', by: 'Ana', at: '2026-12-01T09:00:00.000Z', title: 'Budget vote 2026', previous: 'Budget vote' })
    const before = await readFile(join(dir, 'articles', `${id}.json`), 'utf8')

    const trashed = await workspace.trashArticle(id)
    expect(trashed).toEqual({ id, title: 'Budget vote 2026', claims: 0, deletedAt: '2026-12-01T09:00:00.000Z' })
    expect(workspace.listArticles()).toEqual([])
    expect(() => workspace.getArticle(id)).toThrow(/No article/)
    // Byte for byte the same file, only in another folder.
    expect(await readFile(join(dir, 'trash', `${id}.json`), 'utf8')).toBe(before)
    expect(await readdir(join(dir, 'articles'))).toEqual([])

    const reopened = await openWorkspace(dir)
    expect(reopened.listArticles()).toEqual([])
    expect(await reopened.listTrash()).toEqual([trashed])
    const restored = await reopened.restoreArticle(id)
    expect(restored.title).toBe('Budget vote 2026')
    expect(reopened.getArticle(id).log).toHaveLength(1)
    expect(await reopened.listTrash()).toEqual([])
    expect(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')).toBe(before)
  })

  it('deletes for good only what is in the trash', async () => {
    const dir = await tempDir()
    const workspace = await openWorkspace(dir)
    const { id } = await workspace.createArticle(article('Keep me'))
    await expect(workspace.purgeArticle(id)).rejects.toThrow(/not.*in the trash|No article/i)
    expect(workspace.listArticles()).toHaveLength(1)
    await workspace.trashArticle(id)
    await workspace.purgeArticle(id)
    expect(await workspace.listTrash()).toEqual([])
    expect(await readdir(join(dir, 'trash'))).toEqual([])
  })

  it('refuses ids that are not article ids (no path tricks) and skips unreadable trash files', async () => {
    const dir = await tempDir()
    const workspace = await openWorkspace(dir)
    await expect(workspace.restoreArticle('../workspace')).rejects.toThrow()
    await expect(workspace.purgeArticle('../../etc/passwd')).rejects.toThrow()
    const { id } = await workspace.createArticle(article('Fine'))
    await workspace.trashArticle(id)
    await writeFile(join(dir, 'trash', 'broken0001.json'), '{ not json')
    expect((await workspace.listTrash()).map((t) => t.id)).toEqual([id])
    await rm(join(dir, 'trash', 'broken0001.json'))
  })
})
