// No two processes ever append to one log: each takes a replica whose lock it holds. A closed or crashed process's
// replica is taken again (so a workspace does not collect one per start); a live one's never is.
import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { thisMachine } from '../../src/main/workspace/machine'
import { article, claimOn, open } from '../helpers/store'
import { tempDir } from '../helpers/temp-dir'

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString())

describe('replicas and locks', () => {
  it('gives two instances at once different replicas, and reuses a closed one’s', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    const b = await open(dir)
    expect(a.replica).not.toBe(b.replica)
    expect((await readdir(join(dir, 'locks'))).sort()).toEqual([`${a.replica}.lock`, `${b.replica}.lock`].sort())
    await a.close()
    expect(await readdir(join(dir, 'locks'))).toEqual([`${b.replica}.lock`])
    const c = await open(dir)
    expect(c.replica).toBe(a.replica)
    expect(JSON.parse(await readFile(join(dir, 'replicas', `${a.replica}.json`), 'utf8'))).toMatchObject({ id: a.replica, ...thisMachine() })
  })

  it('takes over the lock of a process that is gone, and writes on after its last line', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    const { id } = await a.createArticle(article())
    await a.close()
    // What a killed process leaves: its lock, naming a pid that no longer runs.
    await writeFile(join(dir, 'locks', `${a.replica}.lock`), JSON.stringify({ pid: deadPid(), host: hostname(), token: 'stale', at: new Date().toISOString() }))
    const b = await open(dir)
    expect(b.replica).toBe(a.replica)
    await b.applyOperation(id, claimOn(b.getArticle(id), 'soared almost 80%'))
    expect(JSON.parse(await readFile(join(dir, 'locks', `${b.replica}.lock`), 'utf8')).pid).toBe(process.pid)
  })

  it('never takes a replica locked by a live process, nor one of another machine', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    await a.close()
    // A live process (our parent) holds it.
    await writeFile(join(dir, 'locks', `${a.replica}.lock`), JSON.stringify({ pid: process.ppid, host: hostname(), token: 'live', at: new Date().toISOString() }))
    const b = await open(dir)
    expect(b.replica).not.toBe(a.replica)
    await b.close()
    const other = await open(dir, { machine: { host: 'elsewhere', user: 'someone' } })
    expect([a.replica, b.replica]).not.toContain(other.replica)
  })

  it('lets exactly one of many instances opening at once take each replica', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'articles'), { recursive: true })
    const first = await Promise.all(Array.from({ length: 4 }, () => open(dir)))
    const replicas = first.map((ws) => ws.replica)
    expect(new Set(replicas).size).toBe(4)
    await Promise.all(first.map((ws) => ws.close()))
    // Four free replicas now; four more instances at once take exactly those, one each.
    const second = await Promise.all(Array.from({ length: 4 }, () => open(dir)))
    expect(second.map((ws) => ws.replica).sort()).toEqual([...replicas].sort())
  })
})
