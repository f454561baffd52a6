// The watcher tells the store what changed, soon: with one recursive watcher, and with a watcher per folder (what a
// platform without recursive watching gets).
import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { watchWorkspace } from '../../src/main/workspace/watch'
import { STORE_MESSAGES } from '../../src/main/io-messages'
import { article, claimOn, eventually, open } from '../helpers/store'
import { tempDir } from '../helpers/temp-dir'
import { readFile } from 'node:fs/promises'

describe.each([true, false])('the watcher (recursive: %s)', (recursive) => {
  it('names the files that changed within a moment, articles that appear included', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'articles', 'abc123', 'log'), { recursive: true })
    await mkdir(join(dir, 'settings-log'))
    const heard = new Set<string>()
    let everything = 0
    const watcher = watchWorkspace(dir, (paths) => (paths ? paths.forEach((p) => heard.add(p)) : everything++), { recursive })
    watcher.addArticle('abc123')
    try {
      await appendFile(join(dir, 'articles', 'abc123', 'log', 'r1.jsonl'), 'x\n')
      await appendFile(join(dir, 'settings-log', 'r1.jsonl'), 'x\n')
      await mkdir(join(dir, 'articles', 'new456'))
      await eventually(() => ['articles/abc123/log/r1.jsonl', 'settings-log/r1.jsonl', 'articles/new456'].every((p) => heard.has(p)) || everything > 0, 1000, 'the events')
    } finally {
      watcher.close()
    }
  })
})

describe('live changes', () => {
  it('sets aside a checkpoint edited by hand while the article is open, says so, and writes it again', async () => {
    const dir = await tempDir()
    const first = await open(dir)
    const { id } = await first.createArticle(article('Open now'))
    await first.close() // its checkpoint written
    const ws = await open(dir, { watch: true })
    const path = join(dir, 'articles', id, 'article.json')
    await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
    const kinds: string[] = []
    ws.onChange((c) => kinds.push(c.kind))
    const started = Date.now()
    await writeFile(path, (await readFile(path, 'utf8')).replace('Open now', 'Edited while open'))
    await eventually(() => ws.problems().length > 0, 1000, 'the problem to be reported')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(kinds).toContain('problems')
    expect(ws.problems()[0]).toMatchObject({ file: `articles/${id}/article.json`, reason: STORE_MESSAGES.setAside('it was changed outside Factmark') })
    expect(ws.getArticle(id).article.title).toBe('Open now')
    // Rewritten from the article as it is now (with the claim made since), the edited copy kept beside it.
    await eventually(async () => JSON.parse(await readFile(path, 'utf8').catch(() => '{}')).claims?.length === 1, 3000, 'the rewrite')
    expect(ws.problems()[0]!.movedTo).toMatch(new RegExp(`^articles/${id}/article\\.corrupt-.*\\.json$`))
  }, 20_000)
})
