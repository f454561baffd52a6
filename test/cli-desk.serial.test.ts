// The desk's commands against a CouchDB-compatible server on 127.0.0.1: share, join, sync (and its failures, one line
// each), status with its approval check, and bundles merged without a server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli } from '../src/cli/run'
import { openWorkspace } from '../src/main/workspace/workspace'
import { ADMIN, startCouch, type CouchServer } from './helpers/couch-server'
import { fixturePath, tempDir } from './helpers/temp-dir'

let couch: CouchServer
beforeAll(async () => {
  couch = await startCouch()
  await couch.addUser('sam', 'pw-sam')
  await couch.addUser('eve', 'pw-eve')
})
afterAll(async () => {
  await couch.close()
})

const as = (user: string, password: string) => ({ FACTMARK_SERVER_USER: user, FACTMARK_SERVER_PASSWORD: password })

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env })
  return { code, out, err }
}

async function workspaceWithClaim() {
  const dir = await tempDir()
  const { out } = await cli(['import', fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt'), '--workspace', dir, '--title', 'Trade talk'])
  const claim = await cli(['claim', 'add', out[0]!, '--workspace', dir, '--quote', 'soared almost 80%'])
  return { dir, id: out[0]!, claimId: claim.out[0]! }
}

async function bytesOf(dir: string, id: string): Promise<string> {
  const workspace = await openWorkspace(dir, { watch: false })
  try {
    return JSON.stringify(workspace.getArticle(id))
  } finally {
    await workspace.close()
  }
}

describe('factmark share, join and sync', () => {
  it('shares an article, a member joins and both sync their verdicts both ways', async () => {
    const dana = await workspaceWithClaim()
    const shared = await cli(['share', dana.id, '--server', couch.url, '--members', 'sam', '--workspace', dana.dir], as(ADMIN.user, ADMIN.password))
    expect(shared).toMatchObject({ code: 0, err: [], out: [`factmark-${dana.id}`] })

    const sam = await tempDir()
    const joined = await cli(['join', `factmark-${dana.id}`, '--server', couch.url, '--workspace', sam], as('sam', 'pw-sam'))
    expect(joined).toMatchObject({ code: 0, err: [], out: [dana.id] })
    expect(await bytesOf(sam, dana.id)).toBe(await bytesOf(dana.dir, dana.id))

    await cli(['claim', 'set', dana.id, dana.claimId, '--verdict', 'verified', '--workspace', dana.dir])
    await cli(['claim', 'set', dana.id, dana.claimId, '--verdict', 'disputed', '--workspace', sam])
    expect(await cli(['sync', '--workspace', dana.dir], as(ADMIN.user, ADMIN.password))).toMatchObject({ code: 0, out: [`${dana.id}\tfactmark-${dana.id}\t1 sent, 0 received`] })
    expect(await cli(['sync', dana.id, '--workspace', sam], as('sam', 'pw-sam'))).toMatchObject({ code: 0, out: [`${dana.id}\tfactmark-${dana.id}\t1 sent, 1 received`] })
    expect(await cli(['sync', '--workspace', dana.dir], as(ADMIN.user, ADMIN.password))).toMatchObject({ code: 0, out: [`${dana.id}\tfactmark-${dana.id}\t0 sent, 1 received`] })
    expect(await bytesOf(sam, dana.id)).toBe(await bytesOf(dana.dir, dana.id))
    const claims = await cli(['claims', dana.id, '--workspace', sam])
    expect(claims.out[0]).toMatch(/\((?:.*: verified · .*: disputed|.*: disputed · .*: verified)\)$/)

    // Approving with reviewers in disagreement needs --yes.
    const refused = await cli(['status', dana.id, 'approved', '--workspace', dana.dir])
    expect(refused).toMatchObject({ code: 1, out: [], err: ['factmark: not approved: reviewers disagree on 1 claim; approve anyway with --yes'] })
    expect(await cli(['status', dana.id, 'approved', '--yes', '--workspace', dana.dir])).toMatchObject({ code: 0, out: ['Approved'] })
    expect((await cli(['status', dana.id, '--workspace', dana.dir])).out[0]).toMatch(/^Approved\t.+\t\d{4}-\d\d-\d\dT/)
  }, 60_000)

  it('fails in one line, with a non-zero exit: not a member, a wrong password, no server, not signed in, not an admin', async () => {
    const dana = await workspaceWithClaim()
    await cli(['share', dana.id, '--server', couch.url, '--workspace', dana.dir], as(ADMIN.user, ADMIN.password))
    const eve = await tempDir()
    const notMember = await cli(['join', `factmark-${dana.id}`, '--server', couch.url, '--workspace', eve], as('eve', 'pw-eve'))
    expect(notMember).toMatchObject({ code: 1, out: [] })
    expect(notMember.err).toEqual([expect.stringMatching(/^factmark: eve is not a member of this shared article \(factmark-.+\) on 127\.0\.0\.1:\d+\.$/)])
    const wrongPassword = await cli(['join', `factmark-${dana.id}`, '--server', couch.url, '--workspace', eve], as('eve', 'nope'))
    expect(wrongPassword.err).toEqual([expect.stringMatching(/did not accept the sign-in of eve: check the user name and password\.$/)])
    const notAdmin = await cli(['share', dana.id, '--server', couch.url, '--workspace', (await workspaceWithClaim()).dir], as('sam', 'pw-sam'))
    expect(notAdmin.code).toBe(1)
    const noServer = await cli(['join', 'factmark-x', '--server', 'http://127.0.0.1:9', '--workspace', eve], as('eve', 'pw-eve'))
    expect(noServer).toMatchObject({ code: 1, err: ['factmark: Could not reach the server 127.0.0.1:9: it could not be reached.'] })
    const signedOut = await cli(['sync', '--workspace', dana.dir])
    expect(signedOut.code).toBe(1)
    expect(signedOut.err).toEqual([expect.stringMatching(/^factmark: sign in as desk-admin with FACTMARK_SERVER_USER and FACTMARK_SERVER_PASSWORD/)])
    const noCredentials = await cli(['join', 'factmark-x', '--server', couch.url, '--workspace', eve])
    expect(noCredentials).toMatchObject({ code: 2, err: ['factmark: sign in to the server with FACTMARK_SERVER_USER and FACTMARK_SERVER_PASSWORD'] })
    // Nothing was added to Eve's workspace.
    expect((await cli(['list', '--workspace', eve])).out).toEqual([])
  }, 60_000)
})

describe('factmark bundle and merge', () => {
  it('two reviewers merge their changes by exchanging bundles, and end with the same article', async () => {
    const dana = await workspaceWithClaim()
    const bundle = join(await tempDir(), 'trade.factmark.json')
    expect((await cli(['bundle', dana.id, '--out', bundle, '--workspace', dana.dir])).code).toBe(0)
    const sam = await tempDir()
    expect((await cli(['merge', bundle, '--workspace', sam])).out).toEqual([`${dana.id}\tadded, 2 changes merged`])
    await cli(['claim', 'set', dana.id, dana.claimId, '--verdict', 'verified', '--workspace', dana.dir])
    await cli(['claim', 'note', dana.id, dana.claimId, 'Belstat: 79.6%.', '--workspace', sam])
    const back = join(await tempDir(), 'back.json')
    await cli(['bundle', dana.id, '--out', back, '--workspace', sam])
    expect((await cli(['merge', back, '--workspace', dana.dir])).out).toEqual([`${dana.id}\t1 change merged`])
    await cli(['bundle', dana.id, '--out', bundle, '--workspace', dana.dir])
    expect((await cli(['merge', bundle, '--workspace', sam])).out).toEqual([`${dana.id}\t1 change merged`])
    expect((await cli(['merge', bundle, '--workspace', sam])).out).toEqual([`${dana.id}\t0 changes merged`])
    expect(await bytesOf(sam, dana.id)).toBe(await bytesOf(dana.dir, dana.id))
  }, 30_000)

  it('refuses what is not a bundle, and an altered copy of a change, saying why; nothing saved changes', async () => {
    const dana = await workspaceWithClaim()
    const dir = await tempDir()
    const notJson = join(dir, 'x.json')
    await writeFile(notJson, '\u0000\u0001binary')
    expect(await cli(['merge', notJson, '--workspace', dana.dir])).toMatchObject({ code: 1, err: ['factmark: That file is not a Factmark article bundle (it is not JSON).'] })
    await writeFile(notJson, '{"rows": []}')
    expect(await cli(['merge', notJson, '--workspace', dana.dir])).toMatchObject({ code: 1, err: ['factmark: That file is not a Factmark article bundle (factmark bundle writes them).'] })
    const before = await bytesOf(dana.dir, dana.id)
    const bundle = join(dir, 'b.json')
    await cli(['bundle', dana.id, '--out', bundle, '--workspace', dana.dir])
    const { readFile } = await import('node:fs/promises')
    const parsed = JSON.parse(await readFile(bundle, 'utf8'))
    parsed.operations[1].claim.conclusion = 'rewritten history'
    await writeFile(bundle, JSON.stringify(parsed))
    const merged = await cli(['merge', bundle, '--workspace', dana.dir])
    expect(merged.out).toEqual([`${dana.id}\t0 changes merged, 1 refused: it has the id of a change already here, with other contents (an altered copy of it).`])
    expect(await bytesOf(dana.dir, dana.id)).toBe(before)
  }, 30_000)
})

describe('factmark claim assign', () => {
  it('gives a claim to a reviewer of the article by name, and to no one again; an unknown name is refused', async () => {
    const dana = await workspaceWithClaim()
    const workspace = await openWorkspace(dana.dir, { watch: false })
    const [reviewerId, name] = Object.entries(workspace.getArticle(dana.id).people)[0]!
    await workspace.close()
    expect(await cli(['claim', 'assign', dana.id, dana.claimId, name.toUpperCase(), '--workspace', dana.dir])).toMatchObject({ code: 0, out: [dana.claimId] })
    const assigned = await openWorkspace(dana.dir, { watch: false })
    expect(assigned.getArticle(dana.id).claims[0]!.assignee).toBe(reviewerId)
    await assigned.close()
    const unknown = await cli(['claim', 'assign', dana.id, dana.claimId, 'Nobody Here', '--workspace', dana.dir])
    expect(unknown).toMatchObject({ code: 1, out: [] })
    expect(unknown.err).toEqual([expect.stringMatching(/^factmark: no reviewer of this article is called "Nobody Here" \(reviewers: /)])
    expect((await cli(['claim', 'assign', dana.id, dana.claimId, '--none', '--workspace', dana.dir])).code).toBe(0)
    const cleared = await openWorkspace(dana.dir, { watch: false })
    expect(cleared.getArticle(dana.id).claims[0]!.assignee).toBeUndefined()
    await cleared.close()
  })
})
