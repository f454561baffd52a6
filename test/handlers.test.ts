import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { channels } from '../src/core/api'
import { createHandlers, type Services } from '../src/main/handlers'
import { openServices } from '../src/main/services'
import { dataDir, tempDir } from './helpers/temp-dir'

/**
 * What the workspace has recorded: its logs (every change is a line in one) and which articles exist where. Checkpoints
 * (article.json, workspace.json) are rewritten in the background from the logs, so they are left out.
 */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) files[join(entry.parentPath, entry.name)] = 'folder'
    if (entry.isFile() && entry.name.endsWith('.jsonl')) {
      const path = join(entry.parentPath, entry.name)
      files[path] = await readFile(path, 'utf8')
    }
  }
  return files
}

const services: Services[] = []
afterEach(async () => {
  for (const opened of services.splice(0)) await opened.close()
})

async function setup() {
  const dir = await tempDir()
  const opened: string[] = []
  const handlers = createHandlers(await track(openServices({ workspaceDir: dir, dataDir, openExternal: async (url) => void opened.push(url), chooseSavePath: async () => null, printPdf: async () => new Uint8Array() })))
  const [sample] = (await handlers.listArticles(undefined)).ok ? ((await handlers.listArticles(undefined)) as { value: { id: string }[] }).value : []
  return { dir, handlers, opened, sampleId: sample!.id }
}

async function track(pending: Promise<Services>): Promise<Services> {
  const opened = await pending
  services.push(opened)
  return opened
}

describe('handlers', () => {
  it('offers exactly one handler per channel of the contract', async () => {
    const { handlers } = await setup()
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort())
  })

  it.each([
    ['renameArticle', { id: 42, title: 'x' }, /^Factmark could not use that request: the article’s id should be text, not a number\.$/],
    ['renameArticle', { title: 'No id' }, /^Factmark could not use that request: the article’s id is missing\.$/],
    ['renameArticle', 'just a string', /^Factmark could not use that request: it should be a set of values, not text\.$/],
    ['importArticle', { kind: 'url' }, /^The web address is missing\.$/],
    ['importArticle', { kind: 'ftp', url: 'ftp://x' }, /^Factmark could not use that request: the kind of source is not one Factmark knows\.$/],
    ['importArticle', null, /^Factmark could not use that request: it was empty\.$/],
    ['updateArticle', { articleId: 'x', source: { kind: 'paste' } }, /^The pasted text is missing\.$/],
    ['getArticle', {}, /^Factmark could not use that request: the article’s id is missing\.$/]
  ] as const)('%s given a malformed argument (%j) answers ok:false with a clear message and writes nothing', async (channel, arg, message) => {
    const { dir, handlers } = await setup()
    const before = await snapshot(dir)
    const result = await handlers[channel](arg)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument')
      expect(result.error.message).toMatch(message)
      expect(result.error.message).not.toMatch(/\n/)
    }
    expect(await snapshot(dir)).toEqual(before)
  })

  it('answers not-found for an unknown article, and writes nothing', async () => {
    const { dir, handlers } = await setup()
    const before = await snapshot(dir)
    expect(await handlers.renameArticle({ id: 'nosuchart', title: 'New' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No article with id "nosuchart" in this workspace.' }
    })
    expect(await snapshot(dir)).toEqual(before)
  })

  it('renames an article through the operation log, recording who and when', async () => {
    const { handlers, sampleId } = await setup()
    const renamed = await handlers.renameArticle({ id: sampleId, title: '  Trade with Kazakhstan  ' })
    expect(renamed).toMatchObject({ ok: true, value: { id: sampleId, title: 'Trade with Kazakhstan' } })
    const doc = await handlers.getArticle({ id: sampleId })
    expect(doc.ok && doc.value.log).toEqual([
      expect.objectContaining({ type: 'article.create' }),
      expect.objectContaining({ type: 'article.rename', title: 'Trade with Kazakhstan', previous: 'Belarus aims to intensify trade and economic cooperation with Kazakhstan' })
    ])
  })

  it('creates an article from pasted text', async () => {
    const { handlers } = await setup()
    const created = await handlers.importArticle({ kind: 'paste', title: 'Pasted', text: 'One.\r\nTwo.' })
    expect(created).toMatchObject({ ok: true, value: { title: 'Pasted', claims: 0 } })
    const list = await handlers.listArticles(undefined)
    expect(list.ok && list.value.map((a) => a.title)).toContain('Pasted')
  })
})
