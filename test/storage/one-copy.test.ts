// An article's state and its log share what they hold alike, so the document costs one copy of each unchanged claim
// (and of the parts of a changed one that did not change, and of the article's blocks), in memory and in the structured
// clone that carries it to the window (v8.serialize is the same serialiser: an object met twice is sent once). What
// changed since its creation keeps its own copy in the log: the history still shows the claim as it was marked.
import { rm } from 'node:fs/promises'
import { serialize } from 'node:v8'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleDoc } from '../../src/core/model'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { checkpointPath } from '../../src/main/workspace/layout'
import { openWorkspace, type Workspace } from '../../src/main/workspace/workspace'
import { claimOn, verdictOn } from '../helpers/store-bodies'
import { tempDir } from '../helpers/temp-dir'

const opened: Workspace[] = []
afterEach(async () => {
  for (const workspace of opened.splice(0)) await workspace.close()
})

async function open(dir: string): Promise<Workspace> {
  const workspace = await openWorkspace(dir, { watch: false })
  opened.push(workspace)
  return workspace
}

const paragraph = (i: number) => `Paragraph ${i}: the ministry reported a rise of ${i} per cent in exports to the region this year.`
const PARAGRAPHS = 2000

async function reviewedArticle(dir: string): Promise<{ id: string }> {
  const workspace = await open(dir)
  await workspace.setMyName('Ada Copies')
  const { id } = await workspace.createArticle({
    title: 'Exports',
    body: bodyFromBlocks(Array.from({ length: PARAGRAPHS }, (_, i) => ({ kind: 'p' as const, text: paragraph(i) }))),
    origin: { kind: 'paste' }
  })
  for (const n of [1, 2, 3]) await workspace.applyOperation(id, claimOn(workspace.getArticle(id), `a rise of ${n} per cent`))
  const second = workspace.getArticle(id).claims.find((c) => c.quote.exact === 'a rise of 2 per cent')!
  await workspace.applyOperation(id, verdictOn(workspace.getArticle(id), second.id, 'disputed'))
  return { id }
}

function expectOneCopy(doc: ArticleDoc): void {
  const creation = doc.log.find((op) => op.type === 'article.create')!
  expect(creation.type === 'article.create' && creation.article.blocks).toBe(doc.article.blocks)
  const created = new Map(doc.log.flatMap((op) => (op.type === 'claim.create' ? [[op.claim.id, op.claim] as const] : [])))
  const [first, second, third] = doc.claims
  expect(created.get(first!.id)).toBe(first)
  expect(created.get(third!.id)).toBe(third)
  // The disputed one changed: its creation is kept as it was, sharing the words it was marked on.
  expect(created.get(second!.id)).not.toBe(second)
  expect(created.get(second!.id)!.verdict).toBe('unreviewed')
  expect(second!.verdict).toBe('disputed')
  expect(created.get(second!.id)!.quote).toBe(second!.quote)
  // What crosses to the window: less than the same document with its log a copy apart, by about the blocks.
  const unshared = serialize({ ...doc, log: structuredClone(doc.log) }).length
  expect(serialize(doc).length).toBeLessThan(unshared - serialize(doc.article.blocks).length * 0.9)
}

describe('one copy of what the state and the log hold alike', () => {
  it('in an article made and marked in this process', async () => {
    const dir = await tempDir()
    const { id } = await reviewedArticle(dir)
    expectOneCopy(opened[0]!.getArticle(id))
  })

  it('in an article opened again from its checkpoint, and from its log alone', async () => {
    const dir = await tempDir()
    const { id } = await reviewedArticle(dir)
    await opened.pop()!.close() // writes the checkpoint
    const fromCheckpoint = await open(dir)
    expectOneCopy(fromCheckpoint.getArticle(id))
    await opened.pop()!.close()

    await rm(checkpointPath(dir, id))
    const fromLog = await open(dir)
    expectOneCopy(fromLog.getArticle(id))
  })

  it('but not of an article whose text was updated: the log keeps the text as it was first imported', async () => {
    const dir = await tempDir()
    const { id } = await reviewedArticle(dir)
    const workspace = opened[0]!
    const first = workspace.getArticle(id).article.text
    const revised = bodyFromBlocks(Array.from({ length: PARAGRAPHS }, (_, i) => ({ kind: 'p' as const, text: paragraph(i + 1) })))
    await workspace.applyOperation(id, (latest) => reviseArticle(latest, revised))
    const now = workspace.getArticle(id).article.text
    expect(now).not.toBe(first)
    await opened.pop()!.close()
    const doc = (await open(dir)).getArticle(id)
    const creation = doc.log.find((op) => op.type === 'article.create')!
    expect(creation.type === 'article.create' && creation.article.text).toBe(first)
    expect(doc.article.text).toBe(now)
  })
})
