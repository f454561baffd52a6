// Two processes on one workspace, appending to the same article at the same time: each sees every change of the
// other, live (within a second, without a restart), and nothing is overwritten.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Operation } from '../../src/core/model'
import { article, claimOn, logLines, noteOn, open } from '../helpers/store'
import { confirmedIds, nodeArgsFor, startChild } from '../helpers/child'
import { tempDir } from '../helpers/temp-dir'

const CHILD = join(import.meta.dirname, 'writer-child.ts')
const EACH = 150

describe('two writers', () => {
  it('both see all of each other’s changes, live, and nothing is overwritten', async () => {
    await nodeArgsFor(CHILD)
    const dir = await tempDir()
    const app = await open(dir, { watch: true })
    const { id } = await app.createArticle(article())
    const { doc } = await app.applyOperation(id, claimOn(app.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id

    // When each of the child's operations reached the app, by the app's onChange.
    const arrived = new Map<string, number>()
    app.onChange((change) => {
      if (change.kind === 'article' && change.id === id) for (const op of change.ops) arrived.set(op.id, Date.now())
    })
    const child = await startChild(CHILD, [dir, id, claimId, String(EACH), '--until', String(2 * EACH), '--pause', '2'])
    const ready = await child.line('ready')
    expect(ready.split(' ')[1]).not.toBe(app.replica) // a CLI run and the app never share a log
    const mine: Operation[] = []
    for (let i = 0; i < EACH; i++) {
      mine.push((await app.applyOperation(id, noteOn(claimId, `note ${i} from the app`))).op)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    expect(await child.line('saw', 15_000)).toBe(`saw ${2 * EACH}`)
    await child.line('done')
    expect(await child.exited).toBe(0)

    const theirs = child.lines.filter((l) => l.startsWith('op ')).map((l) => ({ id: l.split(' ')[1]!, at: Number(l.split(' ')[2]) }))
    expect(theirs).toHaveLength(EACH)
    const started = Date.now()
    while (theirs.some((t) => !arrived.has(t.id)) && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10))
    const late = theirs.map((t) => (arrived.get(t.id) ?? Infinity) - t.at)
    expect(Math.max(...late)).toBeLessThan(1000)

    const notes = app.getArticle(id).claims[0]!.notes
    expect(notes).toHaveLength(2 * EACH)
    const ids = new Set(app.getArticle(id).log.map((op) => op.id))
    for (const op of [...mine.map((o) => o.id), ...confirmedIds(child)]) expect(ids.has(op)).toBe(true)

    // On disk: two logs, each written by one process only, each operation exactly once.
    await app.close()
    const logs = await Promise.all([app.replica, ready.split(' ')[1]!].map((r) => logLines(join(dir, 'articles', id, 'log', `${r}.jsonl`))))
    const all = logs.flatMap((lines) => lines.slice(1) as Operation[])
    expect(new Set(all.map((op) => op.id)).size).toBe(all.length)
    expect(logs.map((lines) => new Set((lines.slice(1) as Operation[]).map((op) => op.replica)).size)).toEqual([1, 1])
    const reader = await open(dir)
    expect(reader.getArticle(id).claims[0]!.notes.map((n) => n.id).sort()).toEqual(notes.map((n) => n.id).sort())
    console.log(`two writers: ${EACH} + ${EACH} notes, the child's reached the app within ${Math.max(...late)} ms (median ${late.sort((a, b) => a - b)[late.length >> 1]} ms)`)
  }, 30_000)

  it('checks for other writers’ changes before each change, so it is made against the latest state', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    const b = await open(dir)
    const { id } = await a.createArticle(article())
    await b.refresh()
    const { doc } = await a.applyOperation(id, claimOn(a.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id
    // b never refreshes nor watches: its change still sees a's claim, and a's verdict before its own.
    await a.applyOperation(id, (latest) => ({ type: 'claim.setVerdict', claimId, verdict: 'verified', previous: latest.claims[0]!.verdict }))
    const { op } = await b.applyOperation(id, (latest) => ({ type: 'claim.setVerdict', claimId, verdict: 'disputed', previous: latest.claims[0]!.verdict }))
    expect(op.type === 'claim.setVerdict' && op.previous).toBe('verified')
    expect(b.getArticle(id).claims[0]!.verdicts?.map((v) => v.verdict)).toEqual(['disputed']) // one reviewer in two processes: theirs replaced
  })

  it('notices an article another process imported, and one it trashed, live', async () => {
    const dir = await tempDir()
    const app = await open(dir, { watch: true })
    const cli = await open(dir)
    const kinds: string[] = []
    app.onChange((change) => kinds.push(change.kind))
    const { id } = await cli.createArticle(article('From the CLI'))
    const wait = async (check: () => boolean) => {
      const started = Date.now()
      while (!check() && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10))
      return Date.now() - started
    }
    expect(await wait(() => app.listArticles().some((a) => a.id === id))).toBeLessThan(1000)
    expect(kinds).toContain('articles')
    await cli.trashArticle(id)
    expect(await wait(() => app.listArticles().length === 0)).toBeLessThan(1000)
    expect((await app.listTrash()).map((t) => t.id)).toEqual([id])
  })
})
