// A version-1 workspace written by version-1 main (test/fixtures/v1-workspace) opens with everything it held, and
// is migrated once: opening it again changes nothing on disk.
import { cp, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviewerIdForName } from '../../src/core/migrate-v1'
import { ArticleDoc, type Claim } from '../../src/core/model'
import { ArticleDocV1 } from '../../src/core/model-v1'
import { article, filesUnder, open, verdictOn } from '../helpers/store'
import { fixturePath, tempDir } from '../helpers/temp-dir'

const FIXTURE = fixturePath('v1-workspace')
const REVIEWED = '99rb2cajmr'
const PASTED = '7jrh53aie4'
const v1Of = async (id: string) => ArticleDocV1.parse(JSON.parse(await readFile(join(FIXTURE, 'articles', `${id}.json`), 'utf8')))

async function copy(): Promise<string> {
  const dir = await tempDir()
  await cp(FIXTURE, dir, { recursive: true })
  return dir
}

const asV2 = (claim: Claim): Claim => ({
  ...claim,
  createdBy: reviewerIdForName(claim.createdBy),
  notes: claim.notes.map((n) => ({ ...n, by: reviewerIdForName(n.by) })),
  sources: claim.sources.map((s) => ({ ...s, by: reviewerIdForName(s.by) }))
})

/** Every file's bytes and time: what "nothing changed on disk" means. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of await filesUnder(dir)) out[file] = `${(await stat(join(dir, file))).mtimeMs} ${await readFile(join(dir, file), 'utf8')}`
  return out
}

describe('a version-1 workspace', () => {
  it('opens with both articles and every claim, verdict, note, source and history entry', async () => {
    const dir = await copy()
    const ws = await open(dir)
    expect(ws.problems()).toEqual([])
    expect(ws.listArticles().map((a) => a.id).sort()).toEqual([PASTED, REVIEWED].sort())
    for (const id of [PASTED, REVIEWED]) {
      const v1 = await v1Of(id)
      const doc = ws.getArticle(id)
      expect(ArticleDoc.safeParse(doc).success).toBe(true)
      const { createdBy: _a, ...articleNow } = doc.article
      const { createdBy: _b, ...articleThen } = v1.article
      expect(articleNow).toEqual(articleThen)
      expect(doc.claims.map(({ verdicts: _v, ...c }) => c)).toEqual(v1.claims.map(asV2))
      // The history: the creation, then each version-1 change with who made it and when.
      expect(doc.log).toHaveLength(v1.log.length + 1)
      expect(doc.log.slice(1).map((op) => [op.type, op.name, op.at])).toEqual(v1.log.map((op) => [op.type, op.by, op.at]))
      for (const claim of doc.claims) for (const note of claim.notes) expect(doc.people[note.by]).toBeTruthy()
    }
    expect(ws.getArticle(REVIEWED).claims.map((c) => c.verdict).sort()).toEqual(['disputed', 'needs-context', 'verified'])
  })

  it('keeps its settings, and makes its reviewer this machine account’s', async () => {
    const dir = await copy()
    const ws = await open(dir)
    expect(ws.settings()).toMatchObject({ organisation: 'The Fact Desk', claimReviewBaseUrl: '', seeded: true, createdAt: '2026-12-02T02:51:36.839Z' })
    const bashir = { id: reviewerIdForName('Bashir Haddad'), name: 'Bashir Haddad' }
    expect(ws.settings().reviewers).toEqual([bashir])
    expect(ws.me()).toEqual(bashir)
    // Changes from here are Bashir's, under the same id as his version-1 notes: his notes stay his.
    const year = ws.getArticle(REVIEWED).claims.find((c) => c.id === 'claim-year')!
    const { op } = await ws.applyOperation(REVIEWED, (doc) => verdictOn(doc, 'claim-year', year.verdict === 'verified' ? 'disputed' : 'verified'))
    expect(op.by).toBe(year.notes[0]!.by)
    await ws.applyOperation(REVIEWED, { type: 'claim.editNote', claimId: 'claim-year', noteId: year.notes[0]!.id, text: 'Edited after the migration', previous: year.notes[0]!.text })
  })

  it('keeps the version-1 files as they were, and migrates nothing twice', async () => {
    const dir = await copy()
    const first = await open(dir)
    await first.close()
    for (const id of [PASTED, REVIEWED]) {
      expect(await readFile(join(dir, 'articles', `${id}.v1.json`), 'utf8')).toBe(await readFile(join(FIXTURE, 'articles', `${id}.json`), 'utf8'))
    }
    expect(await readFile(join(dir, 'workspace.v1.json'), 'utf8')).toBe(await readFile(join(FIXTURE, 'workspace.json'), 'utf8'))
    const files = await filesUnder(dir)
    expect(files).toEqual(expect.arrayContaining([`articles/${REVIEWED}/log/version-1.jsonl`, `articles/${REVIEWED}/article.json`, 'settings-log/version-1.jsonl', 'workspace.json']))
    expect(files.filter((f) => /^articles\/[^/]+\.json$/.test(f))).toEqual([`articles/${PASTED}.v1.json`, `articles/${REVIEWED}.v1.json`])

    const before = await snapshot(dir)
    const docs = first.listArticles().map((a) => first.getArticle(a.id))
    const second = await open(dir)
    expect(second.listArticles().map((a) => second.getArticle(a.id))).toEqual(docs)
    expect(second.settings()).toEqual(first.settings())
    await second.close()
    expect(await snapshot(dir)).toEqual(before)
  })

  it('finishes a migration that was interrupted, to the same result', async () => {
    const dir = await copy()
    const first = await open(dir)
    const docs = [PASTED, REVIEWED].map((id) => first.getArticle(id))
    await first.close()
    const log = await readFile(join(dir, 'articles', REVIEWED, 'log', 'version-1.jsonl'), 'utf8')
    // Stopped after the log was written, before the original was renamed: the original is still under its v1 name.
    await rename(join(dir, 'articles', `${REVIEWED}.v1.json`), join(dir, 'articles', `${REVIEWED}.json`))
    await rename(join(dir, 'workspace.v1.json'), join(dir, 'workspace.json'))
    const again = await open(dir)
    expect(again.problems()).toEqual([])
    expect([PASTED, REVIEWED].map((id) => again.getArticle(id))).toEqual(docs)
    expect(await readFile(join(dir, 'articles', REVIEWED, 'log', 'version-1.jsonl'), 'utf8')).toBe(log)
    expect((await filesUnder(dir)).filter((f) => f.includes('.v1'))).toEqual([`articles/${PASTED}.v1.json`, `articles/${REVIEWED}.v1.json`, 'workspace.v1.json'])
    expect(again.settings().reviewers).toHaveLength(1)
  })

  it('migrates a version-1 file another Factmark drops in later, while open', async () => {
    const dir = await tempDir()
    const ws = await open(dir, { watch: true })
    await ws.createArticle(article('Here already'))
    await cp(join(FIXTURE, 'articles', `${PASTED}.json`), join(dir, 'articles', `${PASTED}.json`))
    const started = Date.now()
    while (!ws.listArticles().some((a) => a.id === PASTED) && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 10))
    expect(ws.getArticle(PASTED).article.title).toBe('Pasted story')
  })
})
