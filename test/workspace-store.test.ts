import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArticleDoc } from '../src/core/model'
import { bodyFromPlainText } from '../src/core/plain-text'
import { loadSamples } from '../src/main/workspace/samples'
import { openWorkspace, type NewArticle } from '../src/main/workspace/workspace'
import { dataDir, tempDir } from './helpers/temp-dir'

const article = (title: string, text = 'First paragraph.\nSecond paragraph.'): NewArticle => ({
  title,
  body: bodyFromPlainText(text),
  origin: { kind: 'paste' }
})

describe('workspace store', () => {
  it('round-trips an article through its own pretty-printed JSON file', async () => {
    const dir = await tempDir()
    const workspace = await openWorkspace(dir)
    const created = await workspace.createArticle({ ...article('Budget vote', 'Café – “quoted”\nΖ̤͔ͧ̑ 👨‍👩‍👧‍👦'), byline: 'Desk' })
    const before = workspace.getArticle(created.id)

    const file = await readFile(join(dir, 'articles', `${created.id}.json`), 'utf8')
    expect(file.startsWith('{\n  "format": "factmark-article",\n  "version": 1,\n  "article": {')).toBe(true)

    const reopened = await openWorkspace(dir)
    expect(reopened.getArticle(created.id)).toEqual(before)
    expect(reopened.listArticles().map((a) => a.title)).toEqual(['Budget vote'])
    expect(reopened.problems()).toEqual([])
  })

  it('seeds a new workspace with the shipped samples, and only a new one', async () => {
    const dir = await tempDir()
    const samples = () => loadSamples(dataDir)
    const first = await openWorkspace(dir, { samples })
    expect(first.listArticles().map((a) => a.title)).toEqual([
      'Belarus aims to intensify trade and economic cooperation with Kazakhstan'
    ])
    const again = await openWorkspace(dir, { samples })
    expect(again.listArticles()).toHaveLength(1)
  })

  it('moves a corrupt article file aside, reports it, and still opens the others', async () => {
    const dir = await tempDir()
    const workspace = await openWorkspace(dir)
    const good = await workspace.createArticle(article('Good one'))
    const broken = '{ "format": "factmark-article", "vers'
    await writeFile(join(dir, 'articles', 'broken0001.json'), broken)
    const invalid = JSON.stringify({ format: 'factmark-article', version: 1, article: { id: 'invalid001' }, claims: [], log: [] })
    await writeFile(join(dir, 'articles', 'invalid001.json'), invalid)

    const reopened = await openWorkspace(dir, { now: () => new Date('2026-11-28T10:00:00.000Z') })
    expect(reopened.listArticles().map((a) => a.id)).toEqual([good.id])
    const problems = reopened.problems()
    expect(problems.map((p) => p.file).sort()).toEqual(['articles/broken0001.json', 'articles/invalid001.json'])
    expect(problems.find((p) => p.file === 'articles/broken0001.json')?.reason).toMatch(/not valid JSON/)
    expect(problems.find((p) => p.file === 'articles/invalid001.json')?.reason).toMatch(/not a valid Factmark file/)

    const names = await readdir(join(dir, 'articles'))
    expect(names).not.toContain('broken0001.json')
    expect(names).toContain('broken0001.corrupt-2026-11-28T10-00-00-000Z.json')
    // The moved-aside copy is byte for byte what was there, and is not opened (or moved again) next time.
    expect(await readFile(join(dir, 'articles', 'broken0001.corrupt-2026-11-28T10-00-00-000Z.json'), 'utf8')).toBe(broken)
    const third = await openWorkspace(dir)
    expect(third.problems()).toEqual([])
    expect(third.listArticles()).toHaveLength(1)
  })

  it('keeps an unreadable workspace.json aside and starts with default settings', async () => {
    const dir = await tempDir()
    await openWorkspace(dir)
    await writeFile(join(dir, 'workspace.json'), 'not json at all')
    const reopened = await openWorkspace(dir)
    expect(reopened.settings().reviewer).toBeNull()
    expect(reopened.problems()).toEqual([expect.objectContaining({ file: 'workspace.json', reason: expect.stringMatching(/not valid JSON/) })])
    expect((await readdir(dir)).some((n) => n.startsWith('workspace.corrupt-'))).toBe(true)
  })

  it('applies an operation, logs it, and has it back after reopening', async () => {
    const dir = await tempDir()
    const workspace = await openWorkspace(dir)
    const { id } = await workspace.createArticle(article('Old title'))
    const op = { type: 'article.rename' as const, by: 'Ana', at: '2026-11-28T10:00:00.000Z', title: 'New title', previous: 'Old title' }
    await workspace.applyOperation(id, op)
    const reopened = await openWorkspace(dir)
    const doc = reopened.getArticle(id)
    expect(doc.article.title).toBe('New title')
    expect(doc.log).toEqual([op])
    expect(ArticleDoc.safeParse(doc).success).toBe(true)
  })

  it('refuses an article with no text and writes nothing', async () => {
    const dir = await tempDir()
    const workspace = await openWorkspace(dir)
    await expect(workspace.createArticle(article('Empty', ' \n\n \n'))).rejects.toThrow(/no text/)
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })
})
