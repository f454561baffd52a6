// Two reviewers share an article through a CouchDB-compatible server: both change the same claims while online, then
// while one is cut off; once they are back every operation is on both sides, the documents are byte-identical, and
// where they disagree is shown. Nothing is lost.
import { describe, expect, it } from 'vitest'
import { hasDisagreement } from '../../src/core/disagreement'
import { article, claimOn, noteOn, verdictOn } from '../helpers/store'
import { bytes, reviewer, signIn, useCouch } from './desk-helpers'

const couch = useCouch()

describe('two reviewers on one server', () => {
  it('share, join, change the same claims online and offline, and end with the same article', async () => {
    const dana = await reviewer('Dana', { admin: true })
    const sam = await reviewer('Sam')
    const { id } = await dana.workspace.createArticle(article())
    const { doc } = await dana.workspace.applyOperation(id, claimOn(dana.workspace.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id

    const shared = await dana.desk.share(id, couch().url, signIn(dana), [sam.user])
    expect(shared).toMatchObject({ database: `factmark-${id}`, state: 'synced' })
    const joined = await sam.desk.join(couch().url, shared.database, signIn(sam))
    expect(joined.articleId).toBe(id)
    expect(bytes(sam, id)).toBe(bytes(dana, id))

    // Online, at the same time: each sets a verdict on the same claim, each adds a note.
    await dana.workspace.applyOperation(id, verdictOn(dana.workspace.getArticle(id), claimId, 'verified'))
    await sam.workspace.applyOperation(id, verdictOn(sam.workspace.getArticle(id), claimId, 'disputed'))
    await dana.workspace.applyOperation(id, noteOn(claimId, 'Belstat says 79.6%.'))
    await sam.workspace.applyOperation(id, noteOn(claimId, 'The ministry rounds up.'))
    const [sent] = await dana.desk.exchange(id)
    expect(sent).toMatchObject({ sent: 2, received: 0 })
    const [got] = await sam.desk.exchange()
    expect(got).toMatchObject({ sent: 2, received: 2 })
    await dana.desk.exchange()
    expect(bytes(sam, id)).toBe(bytes(dana, id))
    expect(hasDisagreement(dana.workspace.getArticle(id).claims[0]!)).toBe(true)

    // The server goes away: both go on working, and syncing says why it cannot.
    await couch().stop()
    await dana.workspace.applyOperation(id, (latest) => ({ type: 'claim.setConclusion', claimId, conclusion: 'Close: 79.6%.', previous: latest.claims[0]!.conclusion }))
    await sam.workspace.applyOperation(id, (latest) => ({ type: 'claim.setConclusion', claimId, conclusion: 'Rounded, fair.', previous: latest.claims[0]!.conclusion }))
    await sam.workspace.applyOperation(id, noteOn(claimId, 'Written on the train.'))
    await expect(dana.desk.exchange(id)).rejects.toThrow(/Could not reach the server 127\.0\.0\.1:\d+: it could not be reached\./)
    expect(dana.desk.list()[0]).toMatchObject({ state: 'offline', message: expect.stringMatching(/Could not reach/) })

    // Back: everything goes both ways.
    await couch().start()
    await dana.desk.exchange()
    await sam.desk.exchange()
    await dana.desk.exchange()
    const a = dana.workspace.getArticle(id)
    expect(bytes(sam, id)).toBe(bytes(dana, id))
    expect(a.log).toHaveLength(1 + 1 + 4 + 3)
    expect(a.claims[0]!.notes.map((n) => n.text).sort()).toEqual(['Belstat says 79.6%.', 'The ministry rounds up.', 'Written on the train.'])
    expect(a.claims[0]!.verdicts!.map((v) => `${a.people[v.by]}: ${v.verdict}`).sort()).toEqual(['Dana: verified', 'Sam: disputed'])
    expect(dana.desk.list()[0]).toMatchObject({ state: 'synced' })
  }, 60_000)
})

describe('signing in again', () => {
  it('a workspace reopened without the password is signed out, and syncs again once the reviewer signs in', async () => {
    const dana = await reviewer('Dana', { admin: true })
    const sam = await reviewer('Sam')
    const { id } = await dana.workspace.createArticle(article())
    const { database } = await dana.desk.share(id, couch().url, signIn(dana), [sam.user])
    await sam.desk.join(couch().url, database, signIn(sam))
    // Sam's app starts again with an empty keychain: signed out, nothing lost.
    const { Desk } = await import('../../src/main/sync/desk')
    const { memoryCredentials } = await import('../../src/main/sync/credentials')
    await sam.desk.close()
    const again = await Desk.open(sam.workspace, memoryCredentials(), { live: false })
    expect(again.list()).toEqual([expect.objectContaining({ articleId: id, state: 'signed-out', message: expect.stringMatching(/^Sign in to http:\/\/127\.0\.0\.1:\d+ as sam-\d+ to sync this article\.$/) })])
    await expect(again.exchange(id)).rejects.toThrow(/Not signed in/)
    await dana.workspace.applyOperation(id, claimOn(dana.workspace.getArticle(id), 'soared almost 80%'))
    await dana.desk.exchange()
    await again.join(couch().url, database, signIn(sam))
    expect(again.list()[0]).toMatchObject({ state: 'synced' })
    expect(bytes(sam, id)).toBe(bytes(dana, id))
    await again.close()
  }, 30_000)
})
