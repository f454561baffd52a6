// What a window (a renderer bug, a script that got into it) could make main store before main checked what a change
// does to the document: each is refused now, in words, and nothing saved is changed. Every article still opens from
// its files afterwards.
import { appendFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../src/core/api'
import { documentProblem } from '../../src/core/invariants'
import { MAX_NOTES_PER_CLAIM } from '../../src/core/limits'
import type { ArticleDoc, Claim } from '../../src/core/model'
import { fold, undoOf } from '../../src/core/ops'
import { createHandlers } from '../../src/main/handlers'
import { openServices } from '../../src/main/services'
import { articleLogDir } from '../../src/main/workspace/layout'
import { claimOn, noteOn } from '../helpers/store'
import { dataDir, tempDir } from '../helpers/temp-dir'

// Each test opens a workspace or two and imports through the worker: seconds on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

const TEXT = 'Exports rose 📈 by 80% in 2017, the minister said. Flags 🇧🇾🇰🇿 stand beside cafe\u0301.\n\nTrade reached $294.6 million.'
const at = '2024-03-31T12:00:00.000Z'
const source = (url: string, id = 'source-one') => ({ id, url, title: 'A source', publisher: '', excerpt: '', stance: 'supports', accessedAt: '2024-03-31', by: 'x', at })

async function desk(machine = { host: 'anns-laptop', user: 'ann' }, dir?: string) {
  const folder = dir ?? (await tempDir())
  const services = await openServices({ workspaceDir: folder, dataDir, openExternal: async () => {}, chooseSavePath: async () => null, printPdf: async () => new Uint8Array(), machine })
  opened.push(services)
  const handlers = createHandlers(services)
  return { dir: folder, handlers, services }
}
const opened: Awaited<ReturnType<typeof openServices>>[] = []
afterEach(async () => {
  for (const s of opened.splice(0)) await s.workspace.close()
})

async function withArticle() {
  const d = await desk()
  await d.handlers.updateSettings({ reviewer: 'Ann' })
  const made = await d.handlers.importArticle({ kind: 'paste', text: TEXT, title: 'Trade' })
  if (!made.ok) throw new Error(made.error.message)
  const id = made.value.id
  const doc = async () => ((await d.handlers.getArticle({ id })) as { value: ArticleDoc }).value
  const change = (op: unknown) => d.handlers.applyOperation({ articleId: id, op })
  const claimed = await change(claimOn(await doc(), '80%'))
  if (!claimed.ok) throw new Error(claimed.error.message)
  return { ...d, id, doc, change, claimId: (await doc()).claims[0]!.id }
}

/** The same workspace read again from its files by another writer: every article opens, valid, with the same log. */
async function expectReopens(dir: string, handlers: Handlers): Promise<void> {
  const again = await desk({ host: 'check', user: 'check' }, dir)
  expect(again.services.workspace.problems()).toEqual([])
  const list = await handlers.listArticles(undefined)
  for (const { id } of list.ok ? list.value : []) {
    const theirs = await again.handlers.getArticle({ id })
    const ours = await handlers.getArticle({ id })
    expect(theirs.ok && ours.ok).toBe(true)
    if (theirs.ok && ours.ok) {
      expect(documentProblem(theirs.value)).toBeNull()
      expect(theirs.value.log.map((op) => op.id)).toEqual(ours.value.log.map((op) => op.id))
    }
  }
}

describe('main refuses a change whose result is not a valid article', () => {
  it('a new text whose paragraphs lie outside it: refused, and the article still opens (it was set aside as corrupt before)', async () => {
    const w = await withArticle()
    const before = await w.doc()
    const result = await w.change({ type: 'article.revise', text: 'Short.', blocks: [{ kind: 'p', start: 0, end: 500 }], previous: { text: before.article.text, blocks: before.article.blocks }, anchors: [] })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-operation', message: 'That change was refused: a paragraph of the article lies outside its text.' } })
    expect((await w.doc()).log).toHaveLength(before.log.length)
    await expectReopens(w.dir, w.handlers)
  })

  it('a new text sent without placements for the claims: every claim is placed on it by main', async () => {
    const w = await withArticle()
    const before = await w.doc()
    const text = `Intro.\n\n${before.article.text}`
    const result = await w.change({ type: 'article.revise', text, blocks: [{ kind: 'p', start: 0, end: 6 }, { kind: 'p', start: 8, end: text.length }], previous: { text: before.article.text, blocks: before.article.blocks }, anchors: [] })
    expect(result.ok).toBe(true)
    const op = result.ok ? result.value.op : null
    expect(op?.type === 'article.revise' && op.anchors.map((a) => a.claimId)).toEqual([w.claimId])
    const claim = (await w.doc()).claims[0]!
    expect(text.slice(claim.position.start, claim.position.end)).toBe('80%')
  })

  it('a claim that splits a surrogate pair or a flag, or is only a space: refused', async () => {
    const w = await withArticle()
    const doc = await w.doc()
    const text = doc.article.text
    const base = (claimOn(doc, '80%') as { claim: Claim }).claim
    const rocket = text.indexOf('📈')
    const flags = text.indexOf('🇧🇾')
    const space = text.indexOf(' ')
    const claim = (start: number, end: number, id: string): Claim => ({ ...base, id, quote: { exact: text.slice(start, end), prefix: '', suffix: '' }, position: { start, end } })
    for (const [start, end, id] of [[rocket, rocket + 1, 'claim-half'], [flags, flags + 2, 'claim-half-flag'], [text.indexOf('cafe'), text.indexOf('cafe') + 4, 'claim-no-accent']] as const) {
      expect(await w.change({ type: 'claim.create', claim: claim(start, end, id) })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    expect(await w.change({ type: 'claim.create', claim: claim(space, space + 1, 'claim-space') })).toMatchObject({ ok: false, error: { code: 'invalid-operation', message: 'That change was refused: a claim needs words, not only spaces.' } })
    expect((await w.doc()).claims).toHaveLength(1)
  })

  it('a claim sent twice: the second is refused', async () => {
    const w = await withArticle()
    const body = claimOn(await w.doc(), '$294.6 million')
    expect((await w.change(body)).ok).toBe(true)
    expect(await w.change(body)).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('a claim that brings a javascript: source, notes by someone else, or two notes under one id: what it brings is checked and made the sender’s', async () => {
    const w = await withArticle()
    const body = claimOn(await w.doc(), 'Trade reached') as { type: 'claim.create'; claim: Claim }
    const unsafe = await w.change({ ...body, claim: { ...body.claim, sources: [source('javascript:alert(document.domain)')] } })
    expect(unsafe).toMatchObject({ ok: false, error: { code: 'unsafe-url' } })
    const twice = await w.change({ ...body, claim: { ...body.claim, notes: [{ id: 'note-same', text: 'One', by: 'x', at }, { id: 'note-same', text: 'Two', by: 'x', at }] } })
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid-operation', message: 'That change was refused: a claim has two notes or two sources under one id.' } })
    const forged = await w.change({ ...body, claim: { ...body.claim, notes: [{ id: 'note-forged', text: 'Signed by Bob', by: 'bob', at: '1999-01-01T00:00:00.000Z' }], sources: [source('www.belstat.gov.by/en/')] } })
    expect(forged.ok).toBe(true)
    const made = (await w.doc()).claims.find((c) => c.id === body.claim.id)!
    const me = w.services.workspace.me()!.id
    expect(made.notes[0]).toMatchObject({ by: me, text: 'Signed by Bob' })
    expect(made.notes[0]!.at).not.toBe('1999-01-01T00:00:00.000Z')
    expect(made.sources[0]).toMatchObject({ by: me, url: 'https://www.belstat.gov.by/en/' })
  })

  it('a conclusion of 10 MB in a new claim, a 10 MB link to open, a million paragraphs: refused at once, with a short message', async () => {
    const w = await withArticle()
    const body = claimOn(await w.doc(), 'Trade reached') as { type: 'claim.create'; claim: Claim }
    const big = 'x'.repeat(10 * 1024 * 1024)
    expect(await w.change({ ...body, claim: { ...body.claim, conclusion: big } })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'The conclusion can be at most 5,000 characters; this one has 10,485,760.' } })
    expect(await w.handlers.openExternal({ url: `https://example.org/${big}` })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const million = await w.change({ type: 'article.revise', text: 'x', blocks: Array.from({ length: 1_000_000 }, () => ({ kind: 'p', start: 0, end: 1 })), previous: { text: '', blocks: [] }, anchors: [] })
    expect(million).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'Factmark could not use that request: it holds too many values.' } })
  })
})

describe('main takes what it logs from its own document, never from the change', () => {
  it('deleting another reviewer’s note relabelled as one’s own is refused, and the note stays', async () => {
    const w = await withArticle()
    const bob = await desk({ host: 'bobs-laptop', user: 'bob' }, w.dir)
    await bob.handlers.updateSettings({ reviewer: 'Bob' })
    expect((await bob.handlers.applyOperation({ articleId: w.id, op: noteOn(w.claimId, 'Bob’s note', 'note-bob') })).ok).toBe(true)
    await w.services.workspace.refresh()
    const theNote = (await w.doc()).claims[0]!.notes.find((n) => n.id === 'note-bob')!
    const me = w.services.workspace.me()!.id
    const result = await w.change({ type: 'claim.deleteNote', claimId: w.claimId, note: { ...theNote, by: me } })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await w.doc()).claims[0]!.notes.map((n) => n.id)).toContain('note-bob')
  })

  it('deleting a claim with a made-up copy of it logs the claim as it was; undo brings back the real one', async () => {
    const w = await withArticle()
    const real = (await w.doc()).claims[0]!
    const result = await w.change({ type: 'claim.delete', claimId: real.id, claim: { ...real, conclusion: 'Fabricated', verdict: 'verified' } })
    expect(result.ok).toBe(true)
    const logged = result.ok ? result.value.op : null
    expect(logged?.type === 'claim.delete' && logged.claim).toEqual(real)
    expect((await w.change(undoOf(logged!))).ok).toBe(true)
    expect((await w.doc()).claims[0]).toMatchObject({ id: real.id, conclusion: real.conclusion, verdict: real.verdict })
  })
})

describe('a change another writer saved that would leave the article invalid', () => {
  it('is left out when the article is read, said as a problem, and the rest of the article opens', async () => {
    const w = await withArticle()
    const doc = await w.doc()
    const last = doc.log.at(-1)!
    // A line as a broken or forged copy of a log might hold it: a source no check let through, under a stamp that sorts last.
    const forged = { ...last, type: 'claim.addSource', claimId: w.claimId, source: { ...source('javascript:alert(1)', 'source-forged'), by: last.by }, id: 'forger.1', ts: `9999${last.ts.slice(4)}`, replica: 'forger' }
    delete (forged as Record<string, unknown>).claim
    const logs = articleLogDir(w.dir, w.id)
    const [log] = (await readdir(logs)).filter((name) => name.endsWith('.jsonl'))
    await appendFile(join(logs, log!), `${JSON.stringify(forged)}\n`)
    const again = await desk({ host: 'reader', user: 'reader' }, w.dir)
    const read = await again.handlers.getArticle({ id: w.id })
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.value.claims[0]!.sources).toEqual([])
    expect(documentProblem(read.value)).toBeNull()
    expect(read.value.log.map((op) => op.id)).toContain('forger.1') // kept in the log, without effect
    expect(fold(read.value.log)).toEqual(read.value)
    expect(again.services.workspace.problems().map((p) => p.reason)).toEqual([expect.stringMatching(/^a change Ann saved at .* was left out: a source’s address is refused\. Only web links/)])
  })
})

describe('limits, each with a message at the limit', () => {
  it('notes on one claim', async () => {
    const w = await withArticle()
    const claim = (await w.doc()).claims[0]!
    // As many as the limit allows, written straight into the document's claim through the fold's own check.
    const { claimProblem } = await import('../../src/core/invariants')
    const full = { ...claim, notes: Array.from({ length: MAX_NOTES_PER_CLAIM }, (_, i) => ({ id: `note-${i}x`, text: 'n', by: claim.createdBy, at })) }
    const doc = await w.doc()
    expect(claimProblem(doc.article.text, doc.people, full)).toBeNull()
    expect(claimProblem(doc.article.text, doc.people, { ...full, notes: [...full.notes, { id: 'note-over', text: 'n', by: claim.createdBy, at }] })).toBe('A claim can have at most 1,000 notes.')
  })
})

