// shareTexts makes the equal versions of an article's text one string again after they were copied apart (read from log
// lines, or carried by a structured clone). What it must never do: change what the document says, or copy an article
// object that its creation shares (the clone would then send that text twice).
import { describe, expect, it } from 'vitest'
import type { ArticleDoc } from '../../src/core/model'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { shareTexts, shareUnchanged } from '../../src/core/share-unchanged'
import { act, created, writer } from './stamping'

const copied = (doc: ArticleDoc): ArticleDoc => JSON.parse(JSON.stringify(doc))

describe('shareTexts', () => {
  const ana = writer('desk-ana', 'r-ana', 'Ana')
  const body = (n: number) => bodyFromPlainText(`Exports rose ${n}% in June, the “ministry” said.\n\nImports fell.`)
  const first = body(12)
  const start = created(ana, { id: 'article01', title: 'T', text: first.text, blocks: first.blocks, origin: { kind: 'paste' } })

  it('changes nothing the document says, through two revisions and back to the first text', () => {
    let doc = start
    for (const n of [13, 14, 12]) doc = act(ana, doc, reviseArticle(doc, body(n)))
    const apart = copied(doc)
    const shared = shareTexts(apart)
    expect(shared).toEqual(doc)
    expect(shared.article.text).toBe(first.text)
    const revisions = shared.log.filter((op) => op.type === 'article.revise')
    expect(revisions.map((op) => op.type === 'article.revise' && op.previous.text)).toEqual([body(12).text, body(13).text, body(14).text])
  })

  it('keeps the creation’s own article object where the document holds that very object', () => {
    const apart = copied(act(ana, start, { type: 'article.rename', title: 'U', previous: 'T' }))
    const creation = apart.log[0]!
    // As shareUnchanged leaves a document whose article did not change since its creation: one object for both.
    const same: ArticleDoc = { ...apart, article: creation.type === 'article.create' ? creation.article : apart.article }
    expect(shareTexts(same)).toBe(same) // nothing to share: the very document back, its log not copied
    // A renamed article is its own object, with the creation's text.
    expect(shareTexts(apart).article).toEqual(apart.article)
    expect(shareUnchanged(apart)).toEqual(apart)
  })
})

describe('shareTexts, in memory', () => {
  it('frees a copy of the text in a document that came through a structured clone', async () => {
    const { spawn } = await import('node:child_process')
    const { nodeArgsFor } = await import('../helpers/child')
    const args = await nodeArgsFor(new URL('./share-texts-memory-child.ts', import.meta.url).pathname)
    const child = spawn(process.execPath, ['--expose-gc', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    await new Promise((resolve) => child.on('exit', resolve))
    const { freed, textBytes, sameArticleText } = JSON.parse(out) as { freed: number; textBytes: number; sameArticleText: boolean }
    expect(sameArticleText).toBe(true)
    // Two bytes a character (the curly quotes): the second copy of about 0.6 MB of text is gone.
    expect(freed).toBeGreaterThan(textBytes * 0.8)
  })
})
