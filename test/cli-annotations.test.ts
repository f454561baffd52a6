import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { openWorkspace } from '../src/main/workspace/workspace'
import { fixturePath, tempDir } from './helpers/temp-dir'

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: process.env })
  return { code, out, err }
}

const SAMPLE = fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt')
const TEXT = readFileSync(SAMPLE, 'utf8')

/** A W3C annotation quoting `exact` with 20 characters of the sample's text on each side, as another tool writes it. */
function annotation(id: string, exact: string, words = exact) {
  const start = TEXT.indexOf(words)
  if (start < 0) throw new Error(`not in the sample: ${words}`)
  const end = start + words.length
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    creator: 'acct:alice@hypothes.is',
    bodyValue: `About ${exact}.`,
    target: { source: 'https://www.belta.by/economics/view/kazakhstan', selector: { type: 'TextQuoteSelector', exact, prefix: TEXT.slice(start - 20, start), suffix: TEXT.slice(end, end + 20) } }
  }
}

/** A workspace with the sample article imported by the CLI, and a file of four annotations: two found, one changed, one gone. */
async function workspaceAndFile() {
  const dir = await tempDir()
  const imported = await cli(['import', SAMPLE, '--workspace', dir])
  expect(imported.code).toBe(0)
  const file = join(dir, 'annotations.jsonld')
  const gone = { ...annotation('urn:t:4', 'x'), target: { source: 'https://www.belta.by/economics/view/kazakhstan', selector: { type: 'TextQuoteSelector', exact: 'Minsk hopes to double the number of joint plants by 2020', prefix: 'Belarusian machinery. ', suffix: ' The premier' } } }
  await writeFile(file, JSON.stringify([
    annotation('urn:t:1', 'soared almost 80% to make up $294.6 million'),
    annotation('urn:t:2', 'eight joint plants'),
    annotation('urn:t:3', 'third among the CIS membr states', 'third among the CIS member states'),
    gone
  ]))
  return { dir, id: imported.out[0]!, file }
}

describe('factmark annotations import', () => {
  it('prints how the annotations were placed, and a second import adds nothing', async () => {
    const { dir, id, file } = await workspaceAndFile()
    expect(await cli(['annotations', 'import', id, file, '--workspace', dir])).toEqual({ code: 0, out: ['2 placed, 1 moved, 1 not found'], err: [] })
    expect(await cli(['annotations', 'import', id, file, '--workspace', dir])).toEqual({ code: 0, out: ['0 placed, 0 moved, 0 not found; 4 annotations already here'], err: [] })

    const ws = await openWorkspace(dir, { watch: false })
    try {
      const { claims } = ws.getArticle(id)
      expect(claims.map((c) => c.quote.exact).sort()).toEqual(['Minsk hopes to double the number of joint plants by 2020', 'eight joint plants', 'soared almost 80% to make up $294.6 million', 'third among the CIS member states'])
      expect(claims.find((c) => c.quote.exact === 'eight joint plants')!.notes.map((n) => [n.text, n.author])).toEqual([['About eight joint plants.', 'alice']])
    } finally {
      await ws.close()
    }
  })

  it('finds the article by words of its title', async () => {
    const { dir, file } = await workspaceAndFile()
    const result = await cli(['annotations', 'import', 'belta', file, '--workspace', dir])
    expect(result).toEqual({ code: 0, out: ['2 placed, 1 moved, 1 not found'], err: [] })
  })

  it('refuses a file that is not JSON in one line on stderr', async () => {
    const { dir, id } = await workspaceAndFile()
    const file = join(dir, 'notes.jsonld')
    await writeFile(file, 'Exports rose { not json')
    const result = await cli(['annotations', 'import', id, file, '--workspace', dir])
    expect(result.code).not.toBe(0)
    expect(result.out).toEqual([])
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).toMatch(/^factmark: The file is not JSON, so it is not an annotation export\./)
  })

  it('refuses bytes that are not text before opening the workspace', async () => {
    const { dir, id } = await workspaceAndFile()
    const file = join(dir, 'picture.png')
    await writeFile(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0xfd]))
    expect(await cli(['annotations', 'import', id, file, '--workspace', join(dir, 'never-made')])).toEqual({
      code: 1,
      out: [],
      err: ['factmark: The file is not text (or not in UTF-8), so it is not an annotation export.']
    })
    expect(existsSync(join(dir, 'never-made'))).toBe(false)
  })

  it('says a missing file is missing, in one line', async () => {
    const { dir, id } = await workspaceAndFile()
    const result = await cli(['annotations', 'import', id, join(dir, 'nowhere.jsonld'), '--workspace', dir])
    expect(result.code).toBe(1)
    expect(result.out).toEqual([])
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).toMatch(/^factmark: Could not read nowhere\.jsonld: /)
  })

  it('exits 2 for an unknown subcommand or a missing argument', async () => {
    const { dir, id, file } = await workspaceAndFile()
    const unknown = await cli(['annotations', 'export', id, file, '--workspace', dir])
    expect(unknown).toEqual({ code: 2, out: [], err: ['factmark: annotations takes import (factmark annotations import ARTICLE FILE)'] })
    expect((await cli(['annotations', 'import', id, '--workspace', dir])).code).toBe(2)
    expect((await cli(['annotations'])).code).toBe(2)
  })
})
