// The audit trail on the server: only members read a shared article; no one alters or deletes a change, or adds one
// under another's name (the design document's validate_doc_update); and what a compromised server hands out anyway
// is refused by main and reported, never applied.
import { describe, expect, it } from 'vitest'
import type { Operation } from '../../src/core/model'
import { article, claimOn, noteOn } from '../helpers/store'
import { bytes, reviewer, signIn, useCouch } from './desk-helpers'

const couch = useCouch()

async function deskOfTwo() {
  const dana = await reviewer('Dana', { admin: true })
  const sam = await reviewer('Sam')
  const eve = await reviewer('Eve')
  const { id } = await dana.workspace.createArticle(article())
  const { doc } = await dana.workspace.applyOperation(id, claimOn(dana.workspace.getArticle(id), 'soared almost 80%'))
  const claimId = doc.claims[0]!.id
  const { op: note } = await dana.workspace.applyOperation(id, noteOn(claimId, 'Belstat says 79.6%.'))
  const { database } = await dana.desk.share(id, couch().url, signIn(dana), [sam.user])
  await sam.desk.join(couch().url, database, signIn(sam))
  return { dana, sam, eve, id, claimId, note, database }
}

describe('the server keeps the audit trail', () => {
  it('lets only members read, and refuses a forged author, an edit and a deletion', async () => {
    const { sam, eve, note, database } = await deskOfTwo()
    const path = `/${database}`
    expect((await couch().request('GET', `${path}/_all_docs`, undefined, signIn(eve))).status).toBeOneOf([401, 403])
    expect((await couch().request('GET', `${path}/_all_docs`)).status).toBeOneOf([401, 403])
    await expect(eve.desk.join(couch().url, database, signIn(eve))).rejects.toThrow(/is not a member of this shared article/)
    expect(eve.workspace.listArticles()).toEqual([])

    // Sam adds a change saying it was added by the desk admin: refused.
    const forged = { ...note, id: `${note.id}-forged`, note: { ...(note as Extract<Operation, { type: 'claim.addNote' }>).note, id: 'note-forged', text: 'Not mine.' } }
    const asOther = await couch().request('PUT', `${path}/${forged.id}`, { author: 'desk-admin', op: forged }, signIn(sam))
    expect(asOther.status).toBeOneOf([401, 403])
    // Sam rewrites and deletes the admin's note: refused.
    const existing = await couch().request('GET', `${path}/${note.id}`, undefined, signIn(sam))
    expect(existing.status).toBe(200)
    const rev = existing.json._rev as string
    const edit = await couch().request('PUT', `${path}/${note.id}`, { ...existing.json, op: { ...note, note: { ...(note as Extract<Operation, { type: 'claim.addNote' }>).note, text: 'Rewritten.' } } }, signIn(sam))
    expect(edit).toMatchObject({ status: 403, json: { error: 'forbidden' } })
    const deletion = await couch().request('DELETE', `${path}/${note.id}?rev=${rev}`, undefined, signIn(sam))
    expect(deletion.status).toBe(403)
    // The admin too cannot rewrite history.
    const byAdmin = await couch().request('PUT', `${path}/${note.id}`, { ...existing.json, author: 'desk-admin', x: 1 }, { user: 'desk-admin', password: 'admin-secret' })
    expect(byAdmin.status).toBe(403)
  }, 60_000)

  it('refuses in main what a compromised server hands out: a forged author, an altered change, a change that breaks the article’s rules', async () => {
    const { dana, sam, id, claimId, note, database } = await deskOfTwo()
    const before = bytes(dana, id)
    const server = couch().backdoor(database)
    const addNote = note as Extract<Operation, { type: 'claim.addNote' }>
    // Written straight into the server's copy, past its checks.
    const forged = { ...addNote, id: `${note.id}-forged`, note: { ...addNote.note, id: 'note-forged', text: 'Dana never wrote this.' } }
    await server.bulkDocs([{ _id: forged.id, _rev: '1-0123456789abcdef0123456789abcdef', author: sam.user, op: forged }], { new_edits: false })
    const current = (await server.allDocs({ include_docs: true, keys: [note.id] })).rows[0]!
    await server.bulkDocs([{ ...(current.doc as object), _id: note.id, _rev: current.value.rev, op: { ...addNote, note: { ...addNote.note, text: 'Rewritten history.' } } }])
    const { note: _n, ...onClaim } = addNote
    const source = { id: 'source-evil', url: 'javascript:alert(1)', title: 'Click', publisher: '', excerpt: '', stance: 'supports', accessedAt: '2026-12-01', by: addNote.by, at: addNote.at }
    const outside = { ...onClaim, id: `${note.id}-unsafe`, type: 'claim.addSource', source }
    await server.bulkDocs([{ _id: outside.id, _rev: '1-1123456789abcdef0123456789abcdef', author: dana.user, op: outside }], { new_edits: false })

    const [counts] = await dana.desk.exchange(id)
    expect(counts!.received).toBe(0)
    expect(counts!.refused).toHaveLength(3)
    expect(bytes(dana, id)).toBe(before)
    const reasons = dana.workspace.problems().map((p) => p.reason)
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/from the server .* was refused: it says it is by Dana, whose changes come from the server user desk-admin, but it was added by sam-\d+: it is forged/),
        expect.stringMatching(/was refused: it has the id of a change already here, with other contents/),
        expect.stringMatching(/was refused: a source’s address is refused/)
      ])
    )
    expect(dana.workspace.getArticle(id).claims.find((c) => c.id === claimId)!.notes.map((n) => n.text)).toEqual(['Belstat says 79.6%.'])
  }, 60_000)
})
