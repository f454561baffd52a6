// Joining takes a moment (the server is asked, then the article's changes come in). Meanwhile the workspace may be
// looked over again (the window got focus, another article came in), and the desk with it; the article being joined,
// tracked but not in the workspace yet, must not be taken for one deleted there (that destroyed its replica mid-join,
// and the join failed with "database is destroyed").
import { describe, expect, it } from 'vitest'
import { article } from '../helpers/store'
import { bytes, reviewer, signIn, useCouch } from './desk-helpers'

const couch = useCouch()

describe('joining while the workspace is looked over again', () => {
  it('joins, every time, however often the workspace changes meanwhile', async () => {
    const dana = await reviewer('Dana', { admin: true })
    const sam = await reviewer('Sam')
    const { id } = await dana.workspace.createArticle(article())
    const shared = await dana.desk.share(id, couch().url, signIn(dana), [sam.user])

    // Sam's window keeps getting focus for as long as the join takes: each is a fresh look at the workspace.
    let joining = true
    let added = 0
    const adding = (async () => {
      while (joining) {
        await sam.workspace.refresh()
        added++
      }
    })()
    try {
      const joined = await sam.desk.join(couch().url, shared.database, signIn(sam))
      expect(joined.articleId).toBe(id)
    } finally {
      joining = false
      await adding
    }
    expect(added).toBeGreaterThan(0)
    expect(bytes(sam, id)).toBe(bytes(dana, id))
    expect(sam.desk.list().map((s) => s.articleId)).toEqual([id])
    expect(sam.desk.list()[0]).toMatchObject({ state: 'synced' })
  }, 60_000)
})
