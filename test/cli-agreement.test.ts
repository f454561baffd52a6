import { describe, expect, it } from 'vitest'
import { NEEDS_TWO_REVIEWERS, agreementCommand } from '../src/cli/agreement'
import { UsageError, openedBy, type CliIo } from '../src/cli/common'
import type { Verdict } from '../src/core/model'
import { openWorkspace, type Workspace } from '../src/main/workspace/workspace'
import { article, claimOn, verdictOn } from './helpers/store'
import { tempDir } from './helpers/temp-dir'

async function agreement(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {} }
  try {
    const code = await agreementCommand(args, io)
    return { code, out, err }
  } finally {
    await Promise.all((openedBy.get(io) ?? []).map((ws) => ws.close()))
  }
}

const QUOTES = ['soared almost 80%', '$294.6 million', 'The exports totaled $252.6 million']

async function judge(ws: Workspace, id: string, verdicts: Verdict[]) {
  for (const [i, verdict] of verdicts.entries()) {
    const claimId = ws.getArticle(id).claims.find((c) => c.quote.exact === QUOTES[i])!.id
    await ws.applyOperation(id, (doc) => verdictOn(doc, claimId, verdict))
  }
}

/** A workspace with one article of three claims that Dana (this machine's account) judged. */
async function workspaceWithDana(verdicts: Verdict[]) {
  const dir = await tempDir()
  const ws = await openWorkspace(dir, { watch: false })
  try {
    await ws.setMyName('Dana')
    const { id } = await ws.createArticle(article('Trade talk'))
    for (const quote of QUOTES) await ws.applyOperation(id, (doc) => claimOn(doc, quote))
    await judge(ws, id, verdicts)
    return { dir, id }
  } finally {
    await ws.close()
  }
}

/** A colleague on another machine account, on the same folder, judging the same claims. */
async function colleague(dir: string, id: string, name: string, verdicts: Verdict[]) {
  const ws = await openWorkspace(dir, { watch: false, machine: { host: 'h2', user: 'sam' } })
  try {
    await ws.setMyName(name)
    await judge(ws, id, verdicts)
  } finally {
    await ws.close()
  }
}

describe('factmark agreement', () => {
  it('prints each pair’s Cohen’s κ and the overall Fleiss’ κ, with counts and words', async () => {
    const { dir, id } = await workspaceWithDana(['verified', 'disputed', 'needs-context'])
    await colleague(dir, id, 'Sam', ['verified', 'disputed', 'verified'])
    // Cohen: p_o = 2/3; Dana V1 D1 N1, Sam V2 D1: p_e = (1/3)(2/3) + (1/3)(1/3) = 1/3; κ = (1/3) / (2/3) = 0.5.
    // Fleiss: P_i = 1, 1, 0 → P̄ = 2/3; ratings V3 D2 N1 of 6: P_e = 14/36; κ = (10/36) / (22/36) = 0.4545….
    expect(await agreement(['Trade talk', '--workspace', dir])).toEqual({
      code: 0,
      out: [
        "Dana and Sam: 3 claims both judged, 2 agreed; Cohen's κ 0.50 (moderate)",
        "Overall: 3 claims judged by two or more of 2 reviewers, 2 agreed by all; Fleiss' κ 0.45 (moderate)"
      ],
      err: []
    })

    const json = await agreement([id, '--json', '--workspace', dir])
    expect(json.code).toBe(0)
    expect(json.out).toHaveLength(1)
    const parsed = JSON.parse(json.out[0]!)
    expect(parsed.reviewers.map((r: { name: string; claims: number }) => [r.name, r.claims])).toEqual([['Dana', 3], ['Sam', 3]])
    expect(parsed.pairs).toMatchObject([{ names: ['Dana', 'Sam'], claims: 3, agreed: 2, kappa: expect.closeTo(0.5, 12) }])
    expect(parsed.overall).toEqual({ kappa: expect.closeTo(10 / 22, 12), claims: 3, raters: 2, agreedClaims: 2 })
    expect(parsed.disagreements).toBe(1)
  })

  it('says why κ is undefined when every verdict is the same, and keeps names on one line', async () => {
    const { dir, id } = await workspaceWithDana(['verified', 'verified', 'verified'])
    await colleague(dir, id, 'Sam\u001b[31m\nRed', ['verified', 'verified'])
    const { code, out } = await agreement([id, '--workspace', dir])
    expect(code).toBe(0)
    expect(out).toHaveLength(2)
    expect(out[0]).toMatch(/^Dana and Sam \[31m Red: 2 claims both judged, 2 agreed; Cohen's κ undefined \(.*agreement is total.*\)$/)
    expect(out.join('\n')).not.toContain('\u001b')
    expect(out[1]).toMatch(/^Overall: 2 claims judged by two or more of 2 reviewers, 2 agreed by all; Fleiss' κ undefined \(/)
  })

  it('says that agreement needs two reviewers when there is only one', async () => {
    const { dir, id } = await workspaceWithDana(['verified', 'disputed', 'verified'])
    expect(await agreement([id, '--workspace', dir])).toEqual({ code: 0, out: [NEEDS_TWO_REVIEWERS], err: [] })
    const json = JSON.parse((await agreement([id, '--workspace', dir, '--json'])).out[0]!)
    expect(json).toMatchObject({ reviewers: [{ name: 'Dana', claims: 3 }], pairs: [], overall: { kappa: null, claims: 0 } })
  })

  it('needs one article', async () => {
    const dir = await tempDir()
    await expect(agreement(['--workspace', dir])).rejects.toThrow(UsageError)
    await expect(agreement(['a', 'b', '--workspace', dir])).rejects.toThrow(/one ARTICLE/)
    await expect(agreement(['a', '--workspace', dir, '--bogus'])).rejects.toThrow(UsageError)
  })
})
