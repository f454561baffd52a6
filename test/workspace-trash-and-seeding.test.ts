import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSamples } from '../src/main/workspace/samples'
import { article, claimOn, filesUnder, noteOn, open } from './helpers/store'
import { dataDir, tempDir } from './helpers/temp-dir'

const samples = () => loadSamples(dataDir)
const SAMPLE_TITLE = 'Belarus aims to intensify trade and economic cooperation with Kazakhstan'

describe('seeding', () => {
  it('seeds a new workspace with the shipped samples, and only a new one', async () => {
    const dir = await tempDir()
    const first = await open(dir, { samples })
    expect(first.listArticles().map((a) => a.title)).toEqual([SAMPLE_TITLE])
    await first.close()
    const again = await open(dir, { samples })
    expect(again.listArticles()).toHaveLength(1)
    expect(again.settings().seeded).toBe(true)
  })

  it('seeds a workspace whose first start was interrupted before any sample was written', async () => {
    const dir = await tempDir()
    // What a start killed while seeding leaves: settings and an empty articles folder.
    await (await open(dir)).close()
    expect(await readdir(join(dir, 'articles'))).toEqual([])
    const next = await open(dir, { samples })
    expect(next.listArticles().map((a) => a.title)).toEqual([SAMPLE_TITLE])
  })

  it('never seeds again once seeded, even when every article has been deleted', async () => {
    const dir = await tempDir()
    const first = await open(dir, { samples })
    const [sample] = first.listArticles()
    await first.trashArticle(sample!.id)
    await first.purgeArticle(sample!.id)
    await first.close()
    const again = await open(dir, { samples })
    expect(again.listArticles()).toEqual([])
  })

  it('does not seed a workspace that already has articles of its own (made by the CLI)', async () => {
    const dir = await tempDir()
    const cli = await open(dir)
    await cli.createArticle(article('From the CLI'))
    await cli.close()
    const app = await open(dir, { samples })
    expect(app.listArticles().map((a) => a.title)).toEqual(['From the CLI'])
    expect(app.settings().seeded).toBe(true)
    await app.close()
    expect(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')).seeded).toBe(true)
  })
})

describe('trash', () => {
  it('moves a deleted article’s folder to the trash whole, lists it, and restores it with its claims and history', async () => {
    const dir = await tempDir()
    const ws = await open(dir, { now: () => new Date('2026-12-01T09:00:00.000Z') })
    const { id } = await ws.createArticle(article('Budget vote'))
    await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
    await ws.applyOperation(id, (doc) => ({ type: 'article.rename', title: 'Budget vote 2026', previous: doc.article.title }))
    const before = ws.getArticle(id)
    await ws.close()
    const filesBefore = (await filesUnder(join(dir, 'articles', id)))
    const logBefore = await readFile(join(dir, 'articles', id, 'log', `${ws.replica}.jsonl`), 'utf8')

    const second = await open(dir, { now: () => new Date('2026-12-01T09:00:00.000Z') })
    const trashed = await second.trashArticle(id)
    expect(trashed).toEqual({ id, title: 'Budget vote 2026', claims: 1, deletedAt: '2026-12-01T09:00:00.000Z' })
    expect(second.listArticles()).toEqual([])
    expect(() => second.getArticle(id)).toThrow(/No article/)
    expect(await readdir(join(dir, 'articles'))).toEqual([])
    // The same files, only in another folder (and a note of when it went there).
    expect(await filesUnder(join(dir, 'trash', id))).toEqual([...filesBefore, 'trashed.json'].sort())
    expect(await readFile(join(dir, 'trash', id, 'log', `${ws.replica}.jsonl`), 'utf8')).toBe(logBefore)
    await second.close()

    const reopened = await open(dir)
    expect(reopened.listArticles()).toEqual([])
    expect(await reopened.listTrash()).toEqual([trashed])
    const restored = await reopened.restoreArticle(id)
    expect(restored.title).toBe('Budget vote 2026')
    expect(reopened.getArticle(id)).toEqual(before)
    expect(await reopened.listTrash()).toEqual([])
    expect(await filesUnder(join(dir, 'articles', id))).toEqual(filesBefore)
    // And it takes changes again.
    await reopened.applyOperation(id, (doc) => ({ type: 'article.rename', title: 'Back', previous: doc.article.title }))
    expect(reopened.listArticles().map((a) => a.title)).toEqual(['Back'])
  })

  it('lists a trashed article whose note of it is missing, from the article itself', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    const { id } = await ws.createArticle(article('Noted'))
    await ws.trashArticle(id)
    await rm(join(dir, 'trash', id, 'trashed.json'))
    expect((await ws.listTrash()).map((t) => [t.id, t.title, t.claims])).toEqual([[id, 'Noted', 0]])
  })

  it('deletes for good only what is in the trash', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    const { id } = await ws.createArticle(article('Keep me'))
    await expect(ws.purgeArticle(id)).rejects.toThrow(/No article .* in the trash/)
    expect(ws.listArticles()).toHaveLength(1)
    await ws.trashArticle(id)
    await ws.purgeArticle(id)
    expect(await ws.listTrash()).toEqual([])
    expect(await readdir(join(dir, 'trash'))).toEqual([])
  })

  it('refuses ids that are not article ids (no path tricks) and skips unreadable trash entries', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    await expect(ws.restoreArticle('../workspace')).rejects.toThrow()
    await expect(ws.purgeArticle('../../etc/passwd')).rejects.toThrow()
    const { id } = await ws.createArticle(article('Fine'))
    await ws.trashArticle(id)
    await writeFile(join(dir, 'trash', 'broken0001.json'), '{ not json')
    await mkdir(join(dir, 'trash', 'empty00001'))
    expect((await ws.listTrash()).map((t) => t.id)).toEqual([id])
  })

  it('restores a version-1 article from the trash, migrated', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'trash'), { recursive: true })
    const v1 = JSON.parse(await readFile(join(import.meta.dirname, 'fixtures', 'v1-workspace', 'articles', '7jrh53aie4.json'), 'utf8'))
    await writeFile(join(dir, 'trash', '7jrh53aie4.json'), JSON.stringify(v1, null, 2))
    const ws = await open(dir)
    expect((await ws.listTrash()).map((t) => [t.id, t.title])).toEqual([['7jrh53aie4', 'Pasted story']])
    await ws.restoreArticle('7jrh53aie4')
    expect(ws.getArticle('7jrh53aie4').article.text).toBe(v1.article.text)
    expect(await readdir(join(dir, 'articles'))).toEqual(['7jrh53aie4', '7jrh53aie4.v1.json'])
  })

  it('another window sees an article trashed and restored', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    const b = await open(dir)
    const { id } = await a.createArticle(article('Shared'))
    await b.refresh()
    expect(b.listArticles().map((x) => x.id)).toEqual([id])
    await a.trashArticle(id)
    await b.refresh()
    expect(b.listArticles()).toEqual([])
    expect((await b.listTrash()).map((t) => t.id)).toEqual([id])
    await expect(b.applyOperation(id, noteOn('someclaim', 'Too late'))).rejects.toThrow(/No article/)
    await b.restoreArticle(id)
    await a.refresh()
    expect(a.listArticles().map((x) => x.id)).toEqual([id])
  })
})
