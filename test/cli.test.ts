import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
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
    [['import', '--workspace', 'WS'], 2, 'factmark: import takes one FILE (factmark import FILE --workspace DIR)'],
    [['list', '--workspace', 'WS', '--colour'], 2, expect.stringMatching(/^factmark: Unknown option '--colour'/)],
    [['import', fixturePath('cp1251-russian.txt'), '--workspace', 'WS'], 1, 'factmark: cp1251-russian.txt is not UTF-8 text; save it as UTF-8 and import it again.']
  ])('%j exits %i with one line on stderr', async (args, code, line) => {
    const dir = await tempDir()
    const result = await cli(args.map((a) => (a === 'WS' ? dir : a)))
    expect(result).toEqual({ code, out: [], err: [line] })
  })

  it('a failed import leaves the workspace without a new article', async () => {
    const dir = await tempDir()
    await cli(['import', fixturePath('hostile-markup.html'), '--workspace', dir])
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })
})
