// The app's services and two loops of `factmark claim add`, each run a real CLI process, all marking claims on the same
// article at the same time: every claim every process reported is in each one's document, the app takes in the CLI's
// live (the events its window gets), and nothing is overwritten.
import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleDoc, Operation } from '../../src/core/model'
import { forwardWorkspaceEvents } from '../../src/main/events'
import { createHandlers, type Services } from '../../src/main/handlers'
import { openServices } from '../../src/main/services'
import { nodeArgsFor } from '../helpers/child'
import { logLines } from '../helpers/store'
import { claimOn } from '../helpers/store-bodies'
import { dataDir, tempDir } from '../helpers/temp-dir'

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts')
const EACH = 8

const opened: Services[] = []
afterEach(async () => {
  for (const services of opened.splice(0)) await services.workspace.close()
})

/** One `factmark` process: its exit code and output lines. */
async function factmark(args: string[]): Promise<{ code: number | null; out: string[]; err: string }> {
  const child = spawn(process.execPath, [...(await nodeArgsFor(CLI)), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { code, out: out.split('\n').filter(Boolean), err }
}

/** Words that occur exactly once in the text: a quote the CLI takes without --occurrence. */
function uniquePhrases(text: string, count: number): string[] {
  const words = text.match(/\p{L}[\p{L}-]{5,}/gu) ?? []
  const phrases = [...new Set(words)].filter((w) => text.split(w).length === 2)
  if (phrases.length < count) throw new Error(`only ${phrases.length} unique words in the sample`)
  return phrases.slice(0, count)
}

describe('the app and two CLI loops on one article', () => {
  it('keeps every claim each of them reported, the app shows the CLI’s live, and nothing is overwritten', async () => {
    const dir = await tempDir()
    const services = await openServices({ workspaceDir: dir, dataDir, openExternal: async () => {}, chooseSavePath: async () => null, printPdf: async () => new Uint8Array() })
    opened.push(services)
    const handlers = createHandlers(services)
    const seen: ArticleDoc[] = []
    forwardWorkspaceEvents(services.workspace, (event, payload) => {
      if (event === 'articleChanged') seen.push((payload as { doc: ArticleDoc }).doc)
    })
    const [sample] = services.workspace.listArticles()
    const id = sample!.id
    const quotes = uniquePhrases(services.workspace.getArticle(id).article.text, 3 * EACH)

    const loop = async (from: number) => {
      const ids: string[] = []
      for (const quote of quotes.slice(from, from + EACH)) {
        const run = await factmark(['claim', 'add', id, '--quote', quote, '--workspace', dir])
        expect(run, `claim add --quote ${quote}`).toMatchObject({ code: 0, err: '' })
        ids.push(run.out[0]!)
      }
      return ids
    }
    const app = async () => {
      const ids: string[] = []
      for (const quote of quotes.slice(2 * EACH)) {
        const result = await handlers.applyOperation({ articleId: id, op: claimOn(services.workspace.getArticle(id), quote) })
        if (!result.ok) throw new Error(result.error.message)
        ids.push(result.value.op.type === 'claim.create' ? result.value.op.claim.id : '')
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
      return ids
    }
    const [first, second, mine] = await Promise.all([loop(0), loop(EACH), app()])
    const everyId = [...first, ...second, ...mine]
    expect(new Set(everyId).size).toBe(3 * EACH)

    // The app, still open, takes in the CLI's claims by itself (its watch), and tells its window.
    const deadline = Date.now() + 3000
    const appIds = () => new Set(services.workspace.getArticle(id).claims.map((c) => c.id))
    while (everyId.some((c) => !appIds().has(c)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect([...appIds()].sort()).toEqual([...everyId].sort())
    const got = await handlers.getArticle({ id })
    expect(got.ok && got.value.claims.map((c) => c.id).sort()).toEqual([...everyId].sort())
    const lastSeen = new Set(seen.at(-1)?.claims.map((c) => c.id))
    for (const claimId of [...first, ...second]) expect(lastSeen.has(claimId)).toBe(true)
    // Each claim on its words.
    const doc = services.workspace.getArticle(id)
    for (const [i, claimId] of everyId.entries()) {
      const claim = doc.claims.find((c) => c.id === claimId)!
      expect(doc.article.text.slice(claim.position.start, claim.position.end)).toBe(quotes[i])
    }

    // A CLI process of its own sees them all too.
    const listed = await factmark(['claims', id, '--json', '--workspace', dir])
    expect(listed.code).toBe(0)
    expect(listed.out.map((line) => (JSON.parse(line) as { id: string }).id).sort()).toEqual([...everyId].sort())

    // On disk: the app's log and the CLI's (a CLI run takes a free replica, so runs one after another may share one),
    // each line in the log of the replica that wrote it, each operation once.
    const logDir = join(dir, 'articles', id, 'log')
    const logs = (await readdir(logDir)).filter((name) => name.endsWith('.jsonl'))
    expect(logs.length).toBeGreaterThanOrEqual(2)
    const lines = await Promise.all(logs.map(async (name) => ({ name, ops: (await logLines(join(logDir, name))).slice(1) as Operation[] })))
    for (const { name, ops } of lines) for (const op of ops) expect(`${op.replica}.jsonl`).toBe(name)
    const written = lines.flatMap((l) => l.ops.map((op) => op.id))
    expect(new Set(written).size).toBe(written.length)
    expect(doc.log.filter((op) => op.type === 'claim.create')).toHaveLength(3 * EACH)
  }, 120_000)
})
