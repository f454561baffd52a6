// The store on disk: every change a synced line in this process's log, the article's checkpoint rebuilt whenever it
// cannot be trusted, and nothing unreadable ever written over.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readlinkSync } from 'node:fs'
import { appendFile, readFile, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArticleDoc } from '../src/core/model'
import { checksumOf, withChecksum } from '../src/main/workspace/checksum'
import { STORE_MESSAGES } from '../src/main/io-messages'
import { article, claimOn, filesUnder, logLines, noteOn, open, verdictOn } from './helpers/store'
import { tempDir } from './helpers/temp-dir'

const when = () => new Date('2026-11-28T10:00:00.000Z')

/** A workspace with one article, one claim and a verdict on it, closed (so its checkpoint is written). */
async function written(dir: string) {
  const ws = await open(dir)
  const { id } = await ws.createArticle({ ...article('Budget vote', 'Café – “quoted”\n\nΖ̤͔ͧ̑ 👨‍👩‍👧‍👦 soared almost 80% in June.'), byline: 'Desk' })
  const { doc } = await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
  const claimId = doc.claims[0]!.id
  await ws.applyOperation(id, (latest) => verdictOn(latest, claimId, 'disputed'))
  const saved = ws.getArticle(id)
  await ws.close()
  const log = join(dir, 'articles', id, 'log', `${ws.replica}.jsonl`)
  return { id, claimId, saved, replica: ws.replica, log, checkpoint: join(dir, 'articles', id, 'article.json') }
}

describe('article files', () => {
  it('keeps each change as one line of this process’s log, and the article as a pretty checkpoint', async () => {
    const dir = await tempDir()
    const { id, saved, log, checkpoint, replica } = await written(dir)
    const lines = await logLines(log)
    expect(lines[0]).toEqual({ format: 'factmark-log', version: 2, replica })
    expect(lines.slice(1).map((l) => (l as { type: string }).type)).toEqual(['article.create', 'claim.create', 'claim.setVerdict'])
    const text = await readFile(checkpoint, 'utf8')
    expect(text.startsWith('{\n  "format": "factmark-article",\n  "version": 2,\n  "article": {')).toBe(true)
    const stored = JSON.parse(text)
    const bytes = await readFile(log)
    expect(stored.includes).toEqual({ [replica]: { lines: 4, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } })
    expect(stored.checksum).toMatch(/^sha256-[0-9a-f]{64}$/)
    expect(stored.log).toBeUndefined()

    const reopened = await open(dir)
    expect(reopened.getArticle(id)).toEqual(saved)
    expect(ArticleDoc.safeParse(reopened.getArticle(id)).success).toBe(true)
    expect(reopened.listArticles().map((a) => a.title)).toEqual(['Budget vote'])
    expect(reopened.problems()).toEqual([])
  })

  it('opens from the checkpoint and folds in only the changes after it', async () => {
    const dir = await tempDir()
    const { id, claimId, checkpoint, log } = await written(dir)
    // A checkpoint that says it holds the first three lines, with a mark that only it has: what opens shows the
    // mark (it came from the checkpoint) and the verdict of the fourth line (folded in after it).
    const stored = JSON.parse(await readFile(checkpoint, 'utf8'))
    const { checksum: _, ...body } = stored
    const firstThree = (await readFile(log, 'utf8')).split('\n').slice(0, 3).join('\n') + '\n'
    const replica = Object.keys(body.includes)[0]!
    body.includes = { [replica]: { lines: 3, bytes: Buffer.byteLength(firstThree), sha256: createHash('sha256').update(firstThree).digest('hex') } }
    body.article.byline = 'Only in the checkpoint'
    body.claims[0].verdict = 'unreviewed'
    const pieces = [JSON.stringify(body, null, 2)]
    await writeFile(checkpoint, withChecksum(pieces, await checksumOf(pieces)).join(''))

    const ws = await open(dir)
    const doc = ws.getArticle(id)
    expect(doc.article.byline).toBe('Only in the checkpoint')
    expect(doc.claims.find((c) => c.id === claimId)?.verdict).toBe('disputed')
    expect(doc.log.map((op) => op.type)).toEqual(['article.create', 'claim.create', 'claim.setVerdict'])
    expect(ws.problems()).toEqual([])
    // Brought up to date: it now includes the whole log.
    await ws.close()
    expect(JSON.parse(await readFile(checkpoint, 'utf8')).includes[replica].lines).toBe(4)
  })

  it('rebuilds a missing checkpoint from the logs, silently', async () => {
    const dir = await tempDir()
    const { id, saved, checkpoint } = await written(dir)
    await rm(checkpoint)
    const ws = await open(dir)
    expect(ws.getArticle(id)).toEqual(saved)
    expect(ws.problems()).toEqual([])
    await ws.close()
    expect(JSON.parse(await readFile(checkpoint, 'utf8')).article.title).toBe('Budget vote')
  })

  it('sets aside a checkpoint edited by hand, says so, and rebuilds the article from its history', async () => {
    const dir = await tempDir()
    const { id, saved, checkpoint } = await written(dir)
    const edited = (await readFile(checkpoint, 'utf8')).replace('"title": "Budget vote"', '"title": "Edited by hand"')
    await writeFile(checkpoint, edited)

    const ws = await open(dir, { now: when })
    expect(ws.getArticle(id).article.title).toBe('Budget vote')
    expect(ws.getArticle(id).claims).toEqual(saved.claims)
    const movedTo = `articles/${id}/article.corrupt-2026-11-28T10-00-00-000Z.json`
    expect(ws.problems()).toEqual([
      { file: `articles/${id}/article.json`, movedTo, reason: STORE_MESSAGES.setAside('it was changed outside Factmark') }
    ])
    expect(ws.problems()[0]!.reason).toBe('it was changed outside Factmark; it was set aside and the article rebuilt from its history of changes')
    // Kept byte for byte; a new checkpoint written in its place, which the next open trusts.
    expect(await readFile(join(dir, movedTo), 'utf8')).toBe(edited)
    await ws.close()
    expect(JSON.parse(await readFile(checkpoint, 'utf8')).article.title).toBe('Budget vote')
    expect((await open(dir)).problems()).toEqual([])
  })

  it('ignores and reports a torn last line, then cuts it off before its own next change', async () => {
    const dir = await tempDir()
    const { id, claimId, saved, log } = await written(dir)
    const whole = await readFile(log, 'utf8')
    // What a process killed in the middle of an append leaves: part of a line, no newline.
    await appendFile(log, '{"type":"claim.addNote","claimId":"' + claimId + '","note":{"id":"half')

    const ws = await open(dir)
    expect(ws.getArticle(id)).toEqual(saved)
    expect(ws.problems()).toEqual([{ file: `articles/${id}/log/${ws.replica}.jsonl`, movedTo: null, reason: STORE_MESSAGES.tornLine }])
    const { op } = await ws.applyOperation(id, noteOn(claimId, 'After the crash'))
    expect(await readFile(log, 'utf8')).toBe(`${whole}${JSON.stringify(op)}\n`)
    await ws.close()

    const again = await open(dir)
    expect(again.problems()).toEqual([])
    expect(again.getArticle(id).claims[0]!.notes.map((n) => n.text)).toEqual(['After the crash'])
  })

  it('never cuts or rewrites another writer’s log, even with a torn or unreadable line in it', async () => {
    const dir = await tempDir()
    const { id, claimId, log } = await written(dir)
    const first = await open(dir)
    const { op } = await first.applyOperation(id, noteOn(claimId, 'From the first'))
    // A second process (the first still holds its replica) takes its own.
    const second = await open(dir)
    expect(second.replica).not.toBe(first.replica)
    await first.close()
    const other = join(dir, 'articles', id, 'log', `${first.replica}.jsonl`)
    expect(other).toBe(log)
    const broken = `${await readFile(other, 'utf8')}not json at all\n{"torn":`
    await writeFile(other, broken)

    // Its replica is free again, and reused by the next open of this machine account: kept open, it is not ours.
    const holder = await open(dir)
    expect(holder.replica).toBe(first.replica)
    await second.refresh()
    const reader = await open(dir)
    expect([first.replica, second.replica]).not.toContain(reader.replica)
    expect(reader.getArticle(id).log.map((o) => o.id)).toContain(op.id)
    // While its writer is live, an unfinished last line may be one being written: only the bad line is reported.
    expect(reader.problems()).toEqual([{ file: `articles/${id}/log/${first.replica}.jsonl`, movedTo: null, reason: STORE_MESSAGES.badLine(6) }])
    await reader.applyOperation(id, noteOn(claimId, 'Written elsewhere'))
    await holder.close()
    const later = await open(dir, { watch: false })
    expect(later.problems().map((p) => p.reason).sort()).toEqual([STORE_MESSAGES.badLine(6), STORE_MESSAGES.tornLine].sort())
    await later.close()
    await reader.close()
    expect(await readFile(other, 'utf8')).toBe(broken)
  })

  it('removes temporary files left by a killed process, and leaves those of a live one', async () => {
    const dir = await tempDir()
    const { id } = await written(dir)
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    const folder = join(dir, 'articles', id)
    await writeFile(join(folder, `.article.json.${dead}-abc123.tmp`), '{"half":')
    await writeFile(join(folder, `.article.json.${process.pid}-def456.tmp`), '{"being written":')
    await writeFile(join(folder, 'log', `.x.jsonl.${dead}-ghi789.tmp`), '')
    await writeFile(join(dir, `.workspace.json.${dead}-jkl012.tmp`), '')
    // Version 1 named no process; an hour-old one is certainly left over.
    await writeFile(join(folder, '.article.json.mno345.tmp'), '')
    const hourAgo = new Date(Date.now() - 3_600_000)
    await utimes(join(folder, '.article.json.mno345.tmp'), hourAgo, hourAgo)

    await open(dir)
    const temps = (await filesUnder(dir)).filter((f) => f.endsWith('.tmp'))
    expect(temps).toEqual([`articles/${id}/.article.json.${process.pid}-def456.tmp`])
  })

  it('opens an article written by a newer Factmark read-only, and leaves its files as they are', async () => {
    const dir = await tempDir()
    const { id, claimId, checkpoint } = await written(dir)
    const newer = (await readFile(checkpoint, 'utf8')).replace('"version": 2', '"version": 3')
    await writeFile(checkpoint, newer)

    const ws = await open(dir)
    expect(ws.getArticle(id).claims).toHaveLength(1) // still shown, from its logs
    expect(ws.readOnlyReason(id)).toBe(STORE_MESSAGES.newerArticle)
    expect(ws.readOnlyReason(id)).toMatch(/^This article was saved by a newer version of Factmark, so it is open read-only here\./)
    await expect(ws.applyOperation(id, noteOn(claimId, 'No'))).rejects.toMatchObject({ code: 'forbidden', message: STORE_MESSAGES.newerArticle })
    await ws.close()
    expect(await readFile(checkpoint, 'utf8')).toBe(newer)
  })

  it('opens an article read-only when one of its logs was written by a newer Factmark', async () => {
    const dir = await tempDir()
    const { id, claimId } = await written(dir)
    await writeFile(join(dir, 'articles', id, 'log', 'future12345.jsonl'), '{"format":"factmark-log","version":3,"replica":"future12345"}\n{"type":"claim.somethingNew"}\n')
    const ws = await open(dir)
    expect(ws.readOnlyReason(id)).toBe(STORE_MESSAGES.newerArticle)
    await expect(ws.applyOperation(id, noteOn(claimId, 'No'))).rejects.toThrow(STORE_MESSAGES.newerArticle)
    expect(ws.problems()).toEqual([{ file: `articles/${id}/log/future12345.jsonl`, movedTo: null, reason: STORE_MESSAGES.newerLog }])
  })

  it('reports a file in a log folder that is not a log, and reads the rest', async () => {
    const dir = await tempDir()
    const { id, saved } = await written(dir)
    const stray = join(dir, 'articles', id, 'log', 'notes.jsonl')
    await writeFile(stray, 'my own notes\n')
    const ws = await open(dir)
    expect(ws.getArticle(id)).toEqual(saved)
    expect(ws.problems()).toEqual([{ file: `articles/${id}/log/notes.jsonl`, movedTo: null, reason: STORE_MESSAGES.notALog }])
    await ws.close()
    expect(await readFile(stray, 'utf8')).toBe('my own notes\n')
  })

  it('reports an article folder with nothing readable in it, and opens the others', async () => {
    const dir = await tempDir()
    const { id } = await written(dir)
    await writeFile(join(dir, 'articles', id, 'log', 'zzzz-broken.jsonl'), '')
    const ws0 = await open(dir)
    const broken = await ws0.createArticle(article('Broken soon'))
    await ws0.close()
    const logDir = join(dir, 'articles', broken.id, 'log')
    for (const name of await readdir(logDir)) await writeFile(join(logDir, name), '{"format":"factmark-log","version":2,"replica":"x"}\ngarbage\n')
    await rm(join(dir, 'articles', broken.id, 'article.json'))
    const ws = await open(dir)
    expect(ws.listArticles().map((a) => a.id)).toEqual([id])
    expect(ws.problems()).toContainEqual({ file: `articles/${broken.id}/log`, movedTo: null, reason: STORE_MESSAGES.noChanges })
  })

  it('refuses an article with no text and writes nothing', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    await expect(ws.createArticle(article('Empty', ' \n\n \n'))).rejects.toThrow(/no text/)
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })
})

describe('its own log replaced under it', () => {
  it('writes back what a sync tool’s older copy of its log lost, and goes on', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    const { id } = await ws.createArticle(article())
    const { doc } = await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
    const claimId = doc.claims[0]!.id
    const log = join(dir, 'articles', id, 'log', `${ws.replica}.jsonl`)
    const older = await readFile(log)
    const { op: lostOp } = await ws.applyOperation(id, noteOn(claimId, 'Only in the newer copy'))
    // A sync tool puts its older copy in place: a new file under the same name, without the last note.
    await writeFile(`${log}.synced`, older)
    await rename(`${log}.synced`, log)
    const { op } = await ws.applyOperation(id, noteOn(claimId, 'After the sync'))
    await ws.close()
    const ids = (await logLines(log)).slice(1).map((line) => (line as { id: string }).id)
    expect(ids.filter((x) => x === lostOp.id)).toHaveLength(1)
    expect(ids.at(-1)).toBe(op.id)
    const again = await open(dir)
    expect(again.getArticle(id).claims[0]!.notes.map((n) => n.text)).toEqual(['Only in the newer copy', 'After the sync'])
    expect(again.problems()).toEqual([])
  })
})

describe('many articles', () => {
  it('writes to more articles than it keeps files open for, each change still saved', async () => {
    const dir = await tempDir()
    const ws = await open(dir)
    const ids: string[] = []
    for (let i = 0; i < 70; i++) ids.push((await ws.createArticle(article(`Article ${i}`))).id)
    // Where the system shows them (Linux), at most 64 of the logs are open at once.
    if (existsSync('/proc/self/fd')) {
      const logsOpen = readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(join(dir, 'articles'))
        } catch {
          return false
        }
      })
      expect(logsOpen.length).toBeLessThanOrEqual(64)
    }
    // Back to the first ones, whose files were closed meanwhile (64 stay open).
    for (const id of ids.slice(0, 8)) await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
    await ws.close()
    const again = await open(dir)
    expect(ids.slice(0, 8).map((id) => again.getArticle(id).claims.length)).toEqual(Array(8).fill(1))
    expect(again.listArticles()).toHaveLength(70)
    expect(again.problems()).toEqual([])
  })
})
