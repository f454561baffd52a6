import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-dir'
import { article, claimOn, filesUnder, open, verdictOn } from '../helpers/store'

describe('smoke', () => {
  it('works', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    const { id } = await ws.createArticle(article())
    const claim = claimOn(ws.getArticle(id), 'soared almost 80%')
    await ws.applyOperation(id, claim)
    const claimId = ws.getArticle(id).claims[0]!.id
    await ws.applyOperation(id, (doc) => verdictOn(doc, claimId, 'disputed'))
    const before = ws.getArticle(id)
    await ws.close()
    console.log(await filesUnder(dir))
    const again = await open(dir)
    expect(again.getArticle(id)).toEqual(before)
    console.log(again.problems(), again.settings(), again.me(), again.replica)
  })
})
