// Five reviewers on one article with live sync: concurrent changes on the same claims reach everyone; the server goes
// away, everyone works on, it comes back, and every workspace ends with every operation and the same article.
import { describe, expect, it } from 'vitest'
import { hasDisagreement } from '../../src/core/disagreement'
import { article, claimOn, eventually, noteOn, verdictOn } from '../helpers/store'
import { bytes, reviewer, signIn, useCouch, type Reviewer } from './desk-helpers'

const couch = useCouch()
const VERDICTS = ['verified', 'disputed', 'needs-context', 'verified', 'unverifiable'] as const

const allSame = (desk: Reviewer[], id: string, ops: number) => desk.every((r) => r.workspace.getArticle(id).log.length === ops) && new Set(desk.map((r) => bytes(r, id))).size === 1

describe('five reviewers, live', () => {
  it('see each other’s changes within seconds, keep working offline, and converge when the server is back', async () => {
    const admin = await reviewer('Ana', { admin: true, live: true })
    const others = await Promise.all(['Ben', 'Chen', 'Dina', 'Emil'].map((name) => reviewer(name, { live: true })))
    const desk = [admin, ...others]
    const { id } = await admin.workspace.createArticle(article())
    const { doc } = await admin.workspace.applyOperation(id, claimOn(admin.workspace.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id
    const { database } = await admin.desk.share(id, couch().url, signIn(admin), others.map((r) => r.user))
    for (const r of others) await r.desk.join(couch().url, database, signIn(r))
    await eventually(() => allSame(desk, id, 2), 10_000, 'everyone has the article')

    // All at once, on the same claim.
    await Promise.all(desk.map((r, i) => r.workspace.applyOperation(id, verdictOn(r.workspace.getArticle(id), claimId, VERDICTS[i]!))))
    await Promise.all(desk.map((r) => r.workspace.applyOperation(id, noteOn(claimId, `${r.name} looked at Belstat.`))))
    await eventually(() => allSame(desk, id, 12), 15_000, 'every change on every side')
    expect(desk.every((r) => r.desk.list()[0]?.state !== 'refused')).toBe(true)

    // One more change appears on the other side by itself.
    await others[2]!.workspace.applyOperation(id, noteOn(claimId, 'Live from Chen.'))
    await eventually(() => admin.workspace.getArticle(id).claims[0]!.notes.some((n) => n.text === 'Live from Chen.'), 10_000, 'the live note')

    // The server goes away; everyone goes on.
    await couch().stop()
    for (const r of desk) await r.workspace.applyOperation(id, noteOn(claimId, `${r.name}, offline.`))
    await eventually(() => desk.some((r) => r.desk.list()[0]?.state === 'offline'), 15_000, 'someone sees they are offline')
    await couch().start()
    await eventually(() => allSame(desk, id, 18), 45_000, 'everything converged after the server came back')

    const final = admin.workspace.getArticle(id)
    expect(final.claims[0]!.notes).toHaveLength(11)
    expect(final.claims[0]!.verdicts).toHaveLength(5)
    expect(hasDisagreement(final.claims[0]!)).toBe(true)
    await eventually(() => desk.every((r) => r.desk.list()[0]?.state === 'synced'), 15_000, 'everyone synced')
  }, 120_000)
})
