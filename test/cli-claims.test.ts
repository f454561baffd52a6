import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { openWorkspace } from '../src/main/workspace/workspace'
import { fixturePath, tempDir } from './helpers/temp-dir'

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} })
  return { code, out, err }
}

async function workspaceWithArticle() {
  const dir = await tempDir()
  const { out } = await cli(['import', fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt'), '--workspace', dir, '--title', 'Trade talk'])
  return { dir, id: out[0]! }
}

async function docOf(dir: string, id: string) {
  const workspace = await openWorkspace(dir, { watch: false })
  try {
    return workspace.getArticle(id)
  } finally {
    await workspace.close()
  }
}

describe('factmark claim and claims', () => {
  it('marks a claim on quoted words with a verdict, a note and a source, and lists it', async () => {
    const { dir, id } = await workspaceWithArticle()
    const added = await cli([
      'claim', 'add', 'Trade', '--workspace', dir, '--quote', 'soared almost 80%', '--verdict', 'disputed',
      '--note', 'Belstat says 79.6%.', '--source', 'https://www.belstat.gov.by/en/', '--source-title', 'Belstat', '--stance', 'refutes'
    ])
    expect(added).toMatchObject({ code: 0, err: [] })
    const claimId = added.out[0]!
    const doc = await docOf(dir, id)
    const claim = doc.claims.find((c) => c.id === claimId)!
    expect(claim.quote.exact).toBe('soared almost 80%')
    expect(doc.article.text.slice(claim.position.start, claim.position.end)).toBe('soared almost 80%')
    expect(claim.verdict).toBe('disputed')
    expect(claim.notes.map((n) => n.text)).toEqual(['Belstat says 79.6%.'])
    expect(claim.sources.map((s) => [s.url, s.title, s.stance])).toEqual([['https://www.belstat.gov.by/en/', 'Belstat', 'refutes']])
    expect(doc.log.map((op) => op.type)).toEqual(['article.create', 'claim.create', 'claim.setVerdict', 'claim.addNote', 'claim.addSource'])

    expect(await cli(['claims', 'Trade', '--workspace', dir])).toEqual({ code: 0, out: [`${claimId}\tdisputed\tsoared almost 80%`], err: [] })
    const json = await cli(['claims', id, '--workspace', dir, '--json'])
    expect(JSON.parse(json.out[0]!)).toEqual({ id: claimId, verdict: 'disputed', quote: 'soared almost 80%' })
  })

  it('sets one field at a time and adds notes', async () => {
    const { dir, id } = await workspaceWithArticle()
    const claimId = (await cli(['claim', 'add', id, '--workspace', dir, '--quote', 'eight joint plants'])).out[0]!
    for (const args of [['--verdict', 'verified'], ['--conclusion', ' Eight, per the ministry. '], ['--claimant', 'Andrei Kobyakov'], ['--tags', 'industry, plants,industry']]) {
      expect(await cli(['claim', 'set', id, claimId, '--workspace', dir, ...args])).toEqual({ code: 0, out: [claimId], err: [] })
    }
    expect(await cli(['claim', 'note', id, claimId, 'Seen on the ministry site.', '--workspace', dir])).toMatchObject({ code: 0 })
    const claim = (await docOf(dir, id)).claims[0]!
    expect([claim.verdict, claim.conclusion, claim.claimant, claim.tags, claim.notes.length]).toEqual(['verified', 'Eight, per the ministry.', 'Andrei Kobyakov', ['industry', 'plants'], 1])
  })

  it('takes the Nth occurrence of words that occur more than once', async () => {
    const { dir, id } = await workspaceWithArticle()
    const text = (await docOf(dir, id)).article.text
    const second = text.indexOf('Kazakhstan', text.indexOf('Kazakhstan') + 1)
    const claimId = (await cli(['claim', 'add', id, '--workspace', dir, '--quote', 'Kazakhstan', '--occurrence', '2'])).out[0]!
    expect((await docOf(dir, id)).claims.find((c) => c.id === claimId)!.position.start).toBe(second)
  })

  it.each([
    [['--quote', 'not in this article at all'], 1, /^factmark: “not in this article at all” is not in the article's text/],
    [['--quote', 'Kazakhstan'], 1, /^factmark: “Kazakhstan” occurs \d+ times in the article; say which with --occurrence 1 to \d+$/],
    [['--quote', 'Kazakhstan', '--occurrence', '999'], 1, /^factmark: “Kazakhstan” occurs only \d+ times; --occurrence 999 is past them$/],
    [['--quote', 'eight joint plants', '--verdict', 'true'], 2, /^factmark: unknown verdict "true"; use one of unreviewed, verified/],
    [['--quote', 'eight joint plants', '--source', 'javascript:alert(1)'], 1, /^factmark: Only web links/],
    [[], 2, /^factmark: claim add needs --quote TEXT/]
  ])('claim add %j exits %i with one line, and adds nothing', async (args, code, message) => {
    const { dir, id } = await workspaceWithArticle()
    const result = await cli(['claim', 'add', id, '--workspace', dir, ...args])
    expect(result).toMatchObject({ code, out: [] })
    expect(result.err).toEqual([expect.stringMatching(message)])
    expect((await docOf(dir, id)).claims).toEqual([])
  })

  it('refuses an unknown claim in words', async () => {
    const { dir, id } = await workspaceWithArticle()
    const result = await cli(['claim', 'set', id, 'nosuchclaim', '--workspace', dir, '--verdict', 'verified'])
    expect(result).toEqual({ code: 1, out: [], err: ['factmark: no claim with the id "nosuchclaim" in that article (factmark claims ARTICLE lists them)'] })
  })
})
