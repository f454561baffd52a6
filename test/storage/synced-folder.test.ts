// A workspace in a synced folder (Dropbox, Syncthing, a share): two machines change their copies independently,
// then the folders are copied into each other both ways. Both end with the same documents, nothing lost, and no
// conflict file, because each machine only ever appends to files no one else writes.
import { execFileSync, spawnSync } from 'node:child_process'
import { cp } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { article, claimOn, filesUnder, noteOn, open, verdictOn } from '../helpers/store'
import { tempDir } from '../helpers/temp-dir'

const dana = { host: 'dana-laptop', user: 'dana' }
const sam = { host: 'sam-desktop', user: 'sam' }
const hasRsync = spawnSync('rsync', ['--version']).status === 0

/** What a sync tool does: copy one folder's files over the other's (rsync -a if it is here; else a plain copy). */
async function sync(from: string, to: string): Promise<void> {
  if (hasRsync) execFileSync('rsync', ['-a', `${from}/`, `${to}/`])
  else await cp(from, to, { recursive: true, force: true, preserveTimestamps: true })
}

describe('a synced folder', () => {
  it(`converges after independent changes on two machines, copied both ways (${hasRsync ? 'rsync -a' : 'copy'})`, async () => {
    const one = await tempDir()
    const two = await tempDir()
    const start = await open(one, { machine: dana })
    await start.setMyName('Dana')
    const { id } = await start.createArticle(article())
    const { doc } = await start.applyOperation(id, claimOn(start.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id
    await start.close()
    await sync(one, two)

    // Independently: Dana on her copy, Sam on his (both change the same claim's verdict, without seeing each other's).
    const a = await open(one, { machine: dana })
    await a.applyOperation(id, (d) => verdictOn(d, claimId, 'verified'))
    await a.applyOperation(id, noteOn(claimId, 'Belstat confirms'))
    await a.applyOperation(id, claimOn(a.getArticle(id), 'The exports totaled $252.6 million'))
    await a.updateSettings({ organisation: 'The Fact Desk' })
    const b = await open(two, { machine: sam })
    await b.setMyName('Sam')
    await b.applyOperation(id, (d) => verdictOn(d, claimId, 'disputed'))
    await b.applyOperation(id, noteOn(claimId, 'Customs data say 79.6%'))
    await b.applyOperation(id, (d) => ({ type: 'article.rename', title: 'Trade with Kazakhstan', previous: d.article.title }))
    const other = await b.createArticle(article('Sam’s own'))
    await b.updateSettings({ claimReviewBaseUrl: 'https://desk.example/reports' })
    await a.close()
    await b.close()

    await sync(one, two)
    await sync(two, one)

    const [x, y] = [await open(one, { machine: dana }), await open(two, { machine: sam })]
    for (const ws of [x, y]) {
      expect(ws.problems()).toEqual([])
      expect(ws.listArticles().map((s) => s.id).sort()).toEqual([id, other.id].sort())
      const merged = ws.getArticle(id)
      expect(merged.article.title).toBe('Trade with Kazakhstan')
      expect(merged.claims).toHaveLength(2)
      expect(merged.claims.find((c) => c.id === claimId)!.notes.map((n) => n.text).sort()).toEqual(['Belstat confirms', 'Customs data say 79.6%'])
      // Neither saw the other's verdict: both stand, as a disagreement.
      expect(merged.claims.find((c) => c.id === claimId)!.verdicts?.map((v) => v.verdict).sort()).toEqual(['disputed', 'verified'])
      expect(ws.settings()).toMatchObject({ organisation: 'The Fact Desk', claimReviewBaseUrl: 'https://desk.example/reports' })
      expect(ws.settings().reviewers.map((r) => r.name)).toEqual(['Dana', 'Sam'])
    }
    expect(JSON.stringify(x.getArticle(id))).toBe(JSON.stringify(y.getArticle(id)))
    expect(JSON.stringify(x.getArticle(other.id))).toBe(JSON.stringify(y.getArticle(other.id)))
    expect(x.me()?.name).toBe('Dana')
    expect(y.me()?.name).toBe('Sam')
    await x.close()
    await y.close()
    for (const dir of [one, two]) expect((await filesUnder(dir)).filter((f) => /corrupt|conflict|\.tmp$/.test(f))).toEqual([])
  })

  it('takes in what a sync tool copies in while the app is open, live', async () => {
    const one = await tempDir()
    const two = await tempDir()
    const a = await open(one, { machine: dana, watch: true })
    const { id } = await a.createArticle(article())
    await a.close()
    await sync(one, two)
    const app = await open(one, { machine: dana, watch: true })
    const b = await open(two, { machine: sam })
    const { op } = await b.applyOperation(id, claimOn(b.getArticle(id), 'soared almost 80%'))
    await b.close()
    const arrived = new Promise<number>((resolve) => app.onChange((c) => c.kind === 'article' && c.ops.some((o) => o.id === op.id) && resolve(Date.now())))
    const copied = Date.now()
    await sync(two, one)
    expect((await arrived) - copied).toBeLessThan(1000)
    expect(app.getArticle(id).claims).toHaveLength(1)
  })
})
