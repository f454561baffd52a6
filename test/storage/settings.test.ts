// Settings that merge: two instances changing different settings both keep theirs (today's store reverted one),
// reviewers are ids with names, and notes belong to the id, whatever it is called.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STORE_MESSAGES } from '../../src/main/io-messages'
import { article, claimOn, noteOn, open } from '../helpers/store'
import { tempDir } from '../helpers/temp-dir'

const laptop = { host: 'laptop', user: 'dana' }
const desktop = { host: 'desktop', user: 'sam' }

describe('settings', () => {
  it('keeps both instances’ changes when they change different settings at the same time', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    const b = await open(dir)
    await Promise.all([a.updateSettings({ organisation: 'The Fact Desk' }), b.setMyName('Dana Petrova'), b.updateSettings({ claimReviewBaseUrl: 'https://desk.example/reports' })])
    await a.refresh()
    await b.refresh()
    for (const ws of [a, b]) {
      expect(ws.settings()).toMatchObject({ organisation: 'The Fact Desk', claimReviewBaseUrl: 'https://desk.example/reports' })
      expect(ws.settings().reviewers.map((r) => r.name)).toEqual(['Dana Petrova'])
    }
    await a.close()
    await b.close()
    const c = await open(dir)
    expect(c.settings()).toMatchObject({ organisation: 'The Fact Desk', claimReviewBaseUrl: 'https://desk.example/reports' })
    // workspace.json shows the merged settings (a readable copy; the settings logs are what count).
    expect(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))).toMatchObject({ format: 'factmark-workspace', version: 2, organisation: 'The Fact Desk', claimReviewBaseUrl: 'https://desk.example/reports' })
  })

  it('gives the same value everywhere when two instances set the same setting', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    const b = await open(dir)
    await a.updateSettings({ organisation: 'First' })
    await b.updateSettings({ organisation: 'Second' })
    await a.refresh()
    await b.refresh()
    expect(a.settings().organisation).toBe('Second')
    expect(b.settings().organisation).toBe('Second')
  })

  it('sees another instance’s settings change live', async () => {
    const dir = await tempDir()
    const a = await open(dir, { watch: true })
    const b = await open(dir)
    const changes: string[] = []
    a.onChange((change) => changes.push(change.kind))
    const started = Date.now()
    await b.updateSettings({ organisation: 'Live desk' })
    while (a.settings().organisation !== 'Live desk' && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10))
    expect(a.settings().organisation).toBe('Live desk')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(changes).toContain('settings')
  })

  it('sets aside a workspace.json edited by hand, says so, and writes the settings again', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    await a.updateSettings({ organisation: 'The Fact Desk' })
    await a.close()
    const path = join(dir, 'workspace.json')
    const edited = (await readFile(path, 'utf8')).replace('The Fact Desk', 'Hand-edited Desk')
    await writeFile(path, edited)
    const b = await open(dir)
    expect(b.settings().organisation).toBe('The Fact Desk')
    expect(b.problems()).toEqual([expect.objectContaining({ file: 'workspace.json', reason: STORE_MESSAGES.settingsSetAside('it was changed outside Factmark') })])
    const aside = (await readdir(dir)).find((n) => n.startsWith('workspace.corrupt-'))!
    expect(await readFile(join(dir, aside), 'utf8')).toBe(edited)
    await b.close()
    expect(JSON.parse(await readFile(path, 'utf8')).organisation).toBe('The Fact Desk')
  })

  it('keeps an unreadable workspace.json aside and starts with default settings', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'workspace.json'), 'not json at all')
    const ws = await open(dir)
    expect(ws.settings().organisation).toBe('')
    expect(ws.me()).toBeNull()
    expect(ws.problems()).toEqual([expect.objectContaining({ file: 'workspace.json', reason: expect.stringMatching(/not valid JSON/) })])
    expect((await readdir(dir)).some((n) => n.startsWith('workspace.corrupt-'))).toBe(true)
  })

  it('opens a workspace whose settings were written by a newer Factmark read-only', async () => {
    const dir = await tempDir()
    const a = await open(dir)
    const { id } = await a.createArticle(article())
    await a.close()
    const newer = JSON.stringify({ format: 'factmark-workspace', version: 3, somethingNew: true })
    await writeFile(join(dir, 'workspace.json'), newer)
    const ws = await open(dir)
    expect(ws.readOnlyReason()).toBe(STORE_MESSAGES.newerWorkspace)
    expect(ws.readOnlyReason(id)).toBe(STORE_MESSAGES.newerWorkspace)
    expect(ws.listArticles()).toHaveLength(1)
    await expect(ws.setMyName('Dana')).rejects.toMatchObject({ code: 'forbidden', message: STORE_MESSAGES.newerWorkspace })
    await expect(ws.updateSettings({ organisation: 'x' })).rejects.toThrow(STORE_MESSAGES.newerWorkspace)
    await expect(ws.createArticle(article())).rejects.toThrow(STORE_MESSAGES.newerWorkspace)
    await expect(ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))).rejects.toThrow(STORE_MESSAGES.newerWorkspace)
    await ws.close()
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(newer)
  })
})

describe('reviewers', () => {
  it('has no reviewer until a name is given; the first name makes an id, a rename keeps it', async () => {
    const dir = await tempDir()
    const ws = await open(dir, { machine: laptop, fallbackReviewer: 'dana' })
    expect(ws.me()).toBeNull()
    const { id } = await ws.createArticle(article())
    // Before any name: recorded under the machine account's fallback name.
    const { op: early } = await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
    expect(early.name).toBe('dana')
    const me = await ws.setMyName('Dana Petrova')
    expect(ws.me()).toEqual(me)
    // What was made before the name is theirs: the same id.
    expect(early.by).toBe(me.id)
    const renamed = await ws.setMyName('  Dana P.  ')
    expect(renamed).toEqual({ id: me.id, name: 'Dana P.' })
    expect(ws.settings().reviewers).toEqual([{ id: me.id, name: 'Dana P.' }])
    await ws.close()
    const again = await open(dir, { machine: laptop })
    expect(again.me()).toEqual({ id: me.id, name: 'Dana P.' })
    await expect(again.setMyName('   ')).rejects.toMatchObject({ code: 'invalid-argument' })
  })

  it('keeps notes their author’s through a rename, and another machine account’s reviewer cannot change them', async () => {
    const dir = await tempDir()
    const dana = await open(dir, { machine: laptop })
    await dana.setMyName('Dana')
    const { id } = await dana.createArticle(article())
    const { doc } = await dana.applyOperation(id, claimOn(dana.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id
    const { op } = await dana.applyOperation(id, noteOn(claimId, 'Check the customs data'))
    const noteId = op.type === 'claim.addNote' ? op.note.id : ''
    await dana.setMyName('Dana Petrova')
    const edit = { type: 'claim.editNote' as const, claimId, noteId, text: 'Checked: customs data agree', previous: 'Check the customs data' }
    await dana.applyOperation(id, edit)
    expect(dana.getArticle(id).claims[0]!.notes[0]!.text).toBe('Checked: customs data agree')

    const sam = await open(dir, { machine: desktop })
    await sam.setMyName('Dana Petrova') // the same name is not the same person
    await expect(
      sam.applyOperation(id, { type: 'claim.deleteNote', claimId, note: sam.getArticle(id).claims[0]!.notes[0]! })
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/only its author can change it/) })
    expect(sam.settings().reviewers.map((r) => r.name)).toEqual(['Dana Petrova', 'Dana Petrova'])
    expect(new Set(sam.settings().reviewers.map((r) => r.id)).size).toBe(2)
  })

  it('gives each machine account its own identity in a shared folder', async () => {
    const dir = await tempDir()
    const a = await open(dir, { machine: laptop })
    const b = await open(dir, { machine: desktop })
    const da = await a.setMyName('Dana')
    const sb = await b.setMyName('Sam')
    expect(da.id).not.toBe(sb.id)
    await a.refresh()
    expect(a.me()).toEqual(da)
    expect(a.settings().reviewers.map((r) => r.name)).toEqual(['Dana', 'Sam'])
    expect((await readdir(join(dir, 'identities'))).length).toBe(2)
  })
})
