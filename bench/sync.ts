// `npm run bench` (after bench/run.ts), or alone: `npx tsx bench/sync.ts [--reps N]`. A desk's sync on loopback, in
// one Node process like main: 10,000 operations replicated to a fresh workspace (joining a shared article), against
// the same operations merged from a bundle (the same merge path, no server: the floor); one operation appearing on the
// other side with live sync; and the memory the replication holds in main. Writes bench/sync-results.{json,md}.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bodyFromPlainText } from '../src/core/plain-text'
import { newClaimOperation } from '../src/core/new-claim'
import { bundleOf, readBundle } from '../src/main/sync/bundle'
import { memoryCredentials } from '../src/main/sync/credentials'
import { Desk } from '../src/main/sync/desk'
import { openWorkspace, type Workspace } from '../src/main/workspace/workspace'
import { ADMIN, startCouch } from '../test/helpers/couch-server'
import { median, provenance } from './stats'

const REPS = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 5
const OPS = Number(process.env.BENCH_SYNC_OPS) || 10_000
const LIVE_REPS = 21

const gc = () => (globalThis as { gc?: () => void }).gc?.()
const heapMb = () => {
  gc()
  return process.memoryUsage().heapUsed / 1e6
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setImmediate(r))
  }
}

async function main() {
  const base = await mkdtemp(join(tmpdir(), 'factmark-bench-sync-'))
  const couch = await startCouch()
  await couch.addUser('sam', 'pw-sam')
  const open = async (name: string, user: string): Promise<Workspace> => {
    const ws = await openWorkspace(join(base, name), { watch: false, machine: { host: `${name}-host`, user } })
    await ws.setMyName(name)
    return ws
  }
  try {
    // The shared article: 1 creation and 9,999 changes (claims and notes), made by the desk admin.
    const dana = await open('dana', 'dana')
    const text = Array.from({ length: 2_500 }, (_, i) => `Paragraph ${i}: exports rose ${i % 90}% to $${i}.5 million in June, the ministry said.`).join('\n\n')
    const { id } = await dana.createArticle({ title: 'Bench trade', body: bodyFromPlainText(text), origin: { kind: 'paste' } })
    const claims: string[] = []
    let at = 0
    for (let i = 1; i < OPS; i++) {
      const doc = dana.getArticle(id)
      if (i % 4 === 1 && claims.length < 2_000) {
        at = doc.article.text.indexOf('exports rose', at + 1)
        const body = newClaimOperation(doc.article.text, { start: at, end: at + 12 }, { id: `claim-${i}`, by: 'x', at: '2000-01-01T00:00:00.000Z' })
        await dana.applyOperation(id, body)
        claims.push(`claim-${i}`)
      } else {
        await dana.applyOperation(id, { type: 'claim.addNote', claimId: (claims.length < 2_000 ? claims.at(-1) : claims[i % claims.length])!, note: { id: `note-${i}`, text: `Note ${i}.`, by: 'x', at: '2000-01-01T00:00:00.000Z' } })
      }
    }
    console.error(`made ${OPS} operations`)
    const danaDesk = await Desk.open(dana, memoryCredentials(), { live: false })
    const { database } = await danaDesk.share(id, couch.url, ADMIN, ['sam'])
    console.error('shared')
    const bundlePath = join(base, 'bench.bundle.json')
    await writeFile(bundlePath, bundleOf(dana.getArticle(id)))

    const joinMs: number[] = []
    const bundleMs: number[] = []
    const heapDelta: number[] = []
    for (let rep = 0; rep < REPS; rep++) {
      // Rotating which goes first.
      for (const kind of rep % 2 ? (['bundle', 'join'] as const) : (['join', 'bundle'] as const)) {
        const ws = await open(`${kind}-${rep}`, `sam${rep}`)
        if (kind === 'bundle') {
          const t0 = performance.now()
          const bundle = await readBundle(bundlePath)
          await ws.mergeOperations(bundle.articleId, bundle.operations, { origin: 'bench' })
          bundleMs.push(performance.now() - t0)
          console.error(`bundle ${Math.round(bundleMs.at(-1)!)} ms`)
        } else {
          const before = heapMb()
          const desk = await Desk.open(ws, memoryCredentials(), { live: false })
          const t0 = performance.now()
          await desk.join(couch.url, database, { user: 'sam', password: 'pw-sam' })
          joinMs.push(performance.now() - t0)
          console.error(`join ${Math.round(joinMs.at(-1)!)} ms`)
          heapDelta.push(heapMb() - before)
          if (ws.getArticle(id).log.length !== OPS) throw new Error(`joined with ${ws.getArticle(id).log.length} operations; server has ${(await couch.backdoor(database).info()).doc_count}; problems ${JSON.stringify(ws.problems()).slice(0, 600)}`)
          await desk.close()
        }
        await ws.close()
      }
    }

    // One change, live: made on one side, timed until the other side's workspace has it.
    const a = await open('live-a', 'live-a')
    const aDesk = await Desk.open(a, memoryCredentials(), { live: true })
    await aDesk.join(couch.url, database, ADMIN)
    const b = await open('live-b', 'live-b')
    const bDesk = await Desk.open(b, memoryCredentials(), { live: true })
    await bDesk.join(couch.url, database, { user: 'sam', password: 'pw-sam' })
    await until(() => aDesk.list()[0]?.state === 'synced' && bDesk.list()[0]?.state === 'synced', 30_000)
    const liveMs: number[] = []
    for (let i = 0; i < LIVE_REPS; i++) {
      const [from, to] = i % 2 ? [b, a] : [a, b]
      const noteId = `live-${i}`
      const t0 = performance.now()
      await from.applyOperation(id, { type: 'claim.addNote', claimId: claims[i]!, note: { id: noteId, text: `Live ${i}.`, by: 'x', at: '2000-01-01T00:00:00.000Z' } })
      await until(() => to.getArticle(id).claims.find((c) => c.id === claims[i])!.notes.some((n) => n.id === noteId), 30_000)
      liveMs.push(performance.now() - t0)
    }
    await aDesk.close()
    await bDesk.close()
    await Promise.all([a.close(), b.close(), danaDesk.close()])
    await dana.close()

    const { commit, machine, at: measuredAt } = provenance()
    const result = {
      commit,
      machine,
      at: measuredAt,
      operations: OPS,
      join_ms: joinMs.map(Math.round),
      bundle_merge_ms: bundleMs.map(Math.round),
      join_over_bundle: median(joinMs) / median(bundleMs),
      live_one_op_ms: liveMs.map((x) => Math.round(x)),
      replication_heap_mb: heapDelta.map((x) => Math.round(x * 10) / 10)
    }
    await writeFile(join(import.meta.dirname, 'sync-results.json'), JSON.stringify(result, null, 2) + '\n')
    const md = `# Sync benchmark (bench/sync.ts)

- Commit ${commit}, ${result.at}; ${machine}; heap measured ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'after a forced GC (--expose-gc)' : 'without a forced GC'}.
- Server: the tests' CouchDB-compatible server (express-pouchdb, in memory) in the same process on 127.0.0.1: its work (HTTP, validate_doc_update, memdown) runs on the same CPU inside these times; a real CouchDB is another process.

| measure | median | all runs |
|---|---|---|
| ${OPS.toLocaleString('en-US')} operations replicated to a fresh workspace (\`join\`: membership check, pull into the replica, checks, merge, saved to the log) | ${Math.round(median(joinMs))} ms | ${result.join_ms.join(', ')} |
| the same operations merged from a bundle (no server: the floor) | ${Math.round(median(bundleMs))} ms | ${result.bundle_merge_ms.join(', ')} |
| ratio join / bundle | ${result.join_over_bundle.toFixed(2)}× | |
| one operation made on one side until the other side's workspace has it (live sync) | ${Math.round(median(liveMs))} ms | ${result.live_one_op_ms.join(', ')} |
| heap held by a joined article's replication (${OPS.toLocaleString('en-US')} operations, in-memory replica) | ${median(heapDelta).toFixed(1)} MB | ${result.replication_heap_mb.join(', ')} |
`
    await writeFile(join(import.meta.dirname, 'sync-results.md'), md)
    console.log(md)
  } finally {
    await couch.close()
    await rm(base, { recursive: true, force: true })
  }
}

await main()
// The in-process server and the replicas' HTTP agents can keep sockets open after close; the results are written by
// now, so the process ends here rather than waiting for them (it hung, and `npm run bench` with it).
process.exit(0)
