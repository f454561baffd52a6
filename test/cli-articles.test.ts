import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { openWorkspace } from '../src/main/workspace/workspace'
import { fixturePath, tempDir } from './helpers/temp-dir'

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env })
  return { code, out, err }
}

async function articleIn(dir: string, id: string) {
  const workspace = await openWorkspace(dir, { watch: false })
  try {
    return workspace.getArticle(id)
  } finally {
    await workspace.close()
  }
}

async function imported(dir: string, title: string): Promise<string> {
  const { out } = await cli(['import', fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt'), '--workspace', dir, '--title', title])
  return out[0]!
}

describe('factmark rename, delete, trash, restore, purge', () => {
  it('renames an article by id or by words of its title, logged as a change', async () => {
    const dir = await tempDir()
    const id = await imported(dir, 'Trade talk')
    expect(await cli(['rename', 'trade', 'Belarus and Kazakhstan trade', '--workspace', dir])).toEqual({ code: 0, out: [`${id}\tBelarus and Kazakhstan trade`], err: [] })
    const doc = await articleIn(dir, id)
    expect(doc.article.title).toBe('Belarus and Kazakhstan trade')
    expect(doc.log.map((op) => op.type)).toEqual(['article.create', 'article.rename'])
  })

  it('deletes to the trash, lists the trash, restores, and purges only as a second step', async () => {
    const dir = await tempDir()
    const id = await imported(dir, 'Trade talk')
    const other = await imported(dir, 'Other story')

    const deleted = await cli(['delete', id, '--workspace', dir])
    expect(deleted.code).toBe(0)
    expect(deleted.out[0]).toMatch(new RegExp(`^${id}\\tTrade talk\\tmoved to the trash`))
    expect((await cli(['list', '--workspace', dir])).out).toEqual([`${other}\tOther story\t0 claims`])
    const trash = await cli(['trash', '--workspace', dir])
    expect(trash.out).toEqual([expect.stringMatching(new RegExp(`^${id}\\tTrade talk\\t0 claims\\tdeleted \\d{4}-\\d\\d-\\d\\dT`))])

    expect(await cli(['restore', 'trade', '--workspace', dir])).toEqual({ code: 0, out: [`${id}\tTrade talk`], err: [] })
    expect((await cli(['list', '--workspace', dir])).out).toHaveLength(2)

    await cli(['delete', 'Trade', '--workspace', dir])
    expect(await cli(['purge', id, '--workspace', dir])).toEqual({ code: 0, out: [`${id}\tTrade talk\tdeleted for good`], err: [] })
    expect(await readdir(join(dir, 'trash'))).toEqual([])
    expect((await cli(['trash', '--workspace', dir])).out).toEqual([])
  })

  it.each([
    [['rename', 'nope', 'Title'], 1, /^factmark: no article in the workspace with the id or title "nope" \(factmark list shows them\)$/],
    [['rename', 'Trade'], 2, /^factmark: rename takes an ARTICLE and its new TITLE/],
    [['rename', 'Trade', '   '], 2, /^factmark: the new title is empty$/],
    [['rename', 'Trade', 'x'.repeat(501)], 2, /^factmark: a title can be at most 500 characters; this one has 501$/],
    [['delete'], 2, /^factmark: delete takes one ARTICLE/],
    [['purge', 'Trade'], 1, /^factmark: no article in the trash with the id or title "Trade" \(factmark trash shows them\)$/],
    [['restore', 'Trade'], 1, /^factmark: no article in the trash/]
  ])('%j exits %i with one line on stderr, and changes nothing', async (args, code, message) => {
    const dir = await tempDir()
    const id = await imported(dir, 'Trade talk')
    const result = await cli([...args, '--workspace', dir])
    expect(result.code).toBe(code)
    expect(result.out).toEqual([])
    expect(result.err).toEqual([expect.stringMatching(message)])
    expect((await articleIn(dir, id)).article.title).toBe('Trade talk')
  })

  it('takes an address without a scheme as a web page, and a missing notes.txt as a missing file', async () => {
    const dir = await tempDir()
    const page = await cli(['import', 'www.example.invalid/story', '--workspace', dir])
    expect(page.code).toBe(1)
    expect(page.err).toEqual([expect.stringMatching(/^factmark: .*www\.example\.invalid/)])
    expect(page.err[0]).not.toMatch(/file type|no such file/)
    const missing = await cli(['import', 'notes.txt', '--workspace', dir])
    expect(missing).toMatchObject({ code: 1, err: [expect.stringMatching(/notes\.txt/)] })
    expect(missing.err[0]).not.toMatch(/web site|https:/)
  })

  it('help lists every command', async () => {
    const { code, out } = await cli(['help'])
    expect(code).toBe(0)
    for (const command of ['import', 'update', 'list', 'rename', 'delete', 'trash', 'restore', 'purge', 'export']) {
      expect(out.join('\n')).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
    }
  })
})
