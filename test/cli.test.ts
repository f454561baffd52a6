import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { createSelectors } from '../src/core/anchoring/selectors'
import { openWorkspace } from '../src/main/workspace/workspace'
import { fixturePath, tempDir } from './helpers/temp-dir'

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env })
  return { code, out, err }
}

describe('factmark CLI', () => {
  it('imports a text file, prints its id, and lists it', async () => {
    const dir = await tempDir()
    const imported = await cli(['import', fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt'), '--workspace', dir, '--title', 'Trade talk'])
    expect(imported).toMatchObject({ code: 0, err: [] })
    expect(imported.out).toEqual([expect.stringMatching(/^[a-z0-9]{10}$/)])
    const id = imported.out[0]

    const listed = await cli(['list', '--workspace', dir])
    expect(listed).toEqual({ code: 0, out: [`${id}\tTrade talk\t0 claims`], err: [] })
  })

  it('takes the workspace from FACTMARK_WORKSPACE', async () => {
    const dir = await tempDir()
    await cli(['import', fixturePath('unicode-mixed.txt')], { FACTMARK_WORKSPACE: dir })
    expect((await cli(['list'], { FACTMARK_WORKSPACE: dir })).out).toEqual([expect.stringMatching(/\tunicode mixed\t0 claims$/)])
  })

  it.each([
    [['frobnicate'], 2, 'factmark: unknown command "frobnicate" (try: factmark help)'],
    [['import', 'a.txt'], 2, 'factmark: no workspace: pass --workspace DIR or set FACTMARK_WORKSPACE'],
    [['import', '--workspace', 'WS'], 2, 'factmark: import takes one FILE or URL (factmark import FILE --workspace DIR)'],
    [['list', '--workspace', 'WS', '--colour'], 2, expect.stringMatching(/^factmark: Unknown option '--colour'/)],
    [['import', 'report.pdf', '--workspace', 'WS'], 1, expect.stringMatching(/^factmark: .*report\.pdf.*\.docx/)],
    [['import', 'ftp://example.org/story', '--workspace', 'WS'], 1, expect.stringMatching(/^factmark: .*ftp/)]
  ])('%j exits %i with one line on stderr', async (args, code, line) => {
    const dir = await tempDir()
    const result = await cli(args.map((a) => (a === 'WS' ? dir : a)))
    expect(result).toEqual({ code, out: [], err: [line] })
  })

  it('imports Markdown, HTML and Word, and updates an article from a new version, counting its claims', async () => {
    const dir = await tempDir()
    for (const name of ['sample.md', 'hostile-markup.html', 'sample.docx']) {
      expect((await cli(['import', fixturePath(name), '--workspace', dir])).code, name).toBe(0)
    }
    const { out } = await cli(['import', fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt'), '--workspace', dir, '--title', 'Trade'])
    const id = out[0]!
    const workspace = await openWorkspace(dir, { watch: false })
    const text = workspace.getArticle(id).article.text
    const at = '2026-11-28T10:00:00.000Z'
    for (const [n, exact] of [[1, 'soared almost 80%'], [2, 'eight joint plants'], [3, 'celebrate 25 years of diplomatic relations']] as const) {
      const start = text.indexOf(exact)
      await workspace.applyOperation(id, { type: 'claim.create', claim: {
        id: `claim00${n}`, ...createSelectors(text, start, start + exact.length), verdict: 'unreviewed', conclusion: '', claimant: '',
        tags: [], notes: [], sources: [], createdBy: 'Ana', createdAt: at, updatedAt: at } })
    }
    await workspace.close()
    const edited = join(dir, 'edited.txt')
    await writeFile(edited, text.replace('eight joint plants', 'nine joint plants').replace('to celebrate 25 years of diplomatic relations', 'of note'))
    expect(await cli(['update', 'Trade', edited, '--workspace', dir])).toEqual({ code: 0, out: ['1 claim in place, 1 moved, 1 not found'], err: [] })
    expect((await cli(['list', '--workspace', dir])).out).toHaveLength(4)
  })

  it('a failed import leaves the workspace without a new article', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'binary.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))
    expect((await cli(['import', join(dir, 'binary.txt'), '--workspace', dir])).code).toBe(1)
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })
})
