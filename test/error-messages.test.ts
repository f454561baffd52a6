// Every error code the handlers can answer, produced through createHandlers on a real temporary workspace, and
// every message checked for what must never reach the UI: schema text, zod paths, Node error codes, raw paths.
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../src/core/api'
import type { ErrorCode, FactmarkErrorInfo } from '../src/core/errors'
import {
  MAX_CLAIMANT_CHARS,
  MAX_CONCLUSION_CHARS,
  MAX_EXCERPT_CHARS,
  MAX_NOTE_CHARS,
  MAX_PUBLISHER_CHARS,
  MAX_REVIEWER_NAME_CHARS,
  MAX_SOURCE_TITLE_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS
} from '../src/core/limits'
import type { ArticleDoc, Claim } from '../src/core/model'
import { createHandlers, type Services } from '../src/main/handlers'
import { openServices } from '../src/main/services'
import { dataDir, tempDir } from './helpers/temp-dir'

/** Every code of ErrorCode, so a new one fails to compile here until it is covered below. */
const ALL_CODES: Record<ErrorCode, true> = {
  'invalid-argument': true,
  'not-found': true,
  empty: true,
  'too-large': true,
  binary: true,
  encoding: true,
  'unsupported-type': true,
  io: true,
  forbidden: true,
  conflict: true,
  'unsafe-url': true,
  'invalid-operation': true,
  internal: true
}

const at = '2024-03-31T12:00:00.000Z'
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')
const choices = { includeUnreviewed: true, includeNotes: true, includeHistory: true, articleMode: 'full', csvBom: false }

interface World {
  dir: string
  handlers: Handlers
  articleId: string
  claim: Claim
  services: Services
  savePath: { value: string | null }
}

const opened: Services[] = []
afterEach(async () => {
  for (const services of opened.splice(0)) await services.workspace.close()
})

async function world(overrides: Partial<Services> = {}): Promise<World> {
  const dir = await tempDir()
  const savePath = { value: null as string | null }
  const services = await openServices({
    workspaceDir: dir,
    dataDir,
    openExternal: async () => {},
    chooseSavePath: async () => savePath.value,
    printPdf: async () => {
      throw new Error("EACCES: permission denied, open '/root/.config/chromium/SingletonLock'")
    }
  })
  opened.push(services)
  const all = { ...services, ...overrides }
  const handlers = createHandlers(all)
  const list = await handlers.listArticles(undefined)
  const articleId = (list as { value: { id: string }[] }).value[0]!.id
  await handlers.updateSettings({ reviewer: 'Ann' })
  const doc = (await handlers.getArticle({ id: articleId })) as { value: ArticleDoc }
  const text = doc.value.article.text
  const claim: Claim = {
    id: 'claim-walk',
    quote: { exact: text.slice(0, 20), prefix: '', suffix: text.slice(20, 52) },
    position: { start: 0, end: 20 },
    verdict: 'unreviewed',
    conclusion: '',
    claimant: '',
    tags: [],
    notes: [],
    sources: [],
    createdBy: 'Ann',
    createdAt: at,
    updatedAt: at
  }
  const created = await handlers.applyOperation({ articleId, op: { type: 'claim.create', by: 'Ann', at, claim } })
  expect(created.ok).toBe(true)
  return { dir, handlers, articleId, claim, services: all, savePath }
}

const op = (w: World, change: Record<string, unknown>) => ({ articleId: w.articleId, op: { by: 'Ann', at, claimId: w.claim.id, ...change } })
const note = (text: string) => ({ id: 'note-walk', text, by: 'Ann', at })
const source = (fields: Record<string, unknown> = {}) => ({
  id: 'source-walk',
  url: 'https://www.belstat.gov.by/en/',
  title: 'Belstat',
  publisher: 'National Statistical Committee',
  excerpt: '',
  stance: 'supports',
  accessedAt: '2024-03-31',
  by: 'Ann',
  at,
  ...fields
})

interface Case {
  what: string
  code: ErrorCode
  /** The field an invalid argument names, or null when it is not one a reviewer fills in. */
  field?: string | null
  message?: string | RegExp
  call: (w: World) => Promise<{ ok: boolean; error?: FactmarkErrorInfo }>
}

const cases: Case[] = [
  // Each field with a limit, over it.
  {
    what: 'a note over its limit',
    code: 'invalid-argument',
    field: 'note',
    message: 'A note can be at most 20,000 characters; this one has 25,000.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.addNote', note: note('x'.repeat(25_000)) }))
  },
  {
    what: 'an edited note over its limit',
    code: 'invalid-argument',
    field: 'note',
    message: `A note can be at most 20,000 characters; this one has ${(MAX_NOTE_CHARS + 1).toLocaleString('en-US')}.`,
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.editNote', noteId: 'note-walk', text: 'x'.repeat(MAX_NOTE_CHARS + 1), previous: '' }))
  },
  {
    what: 'a conclusion over its limit',
    code: 'invalid-argument',
    field: 'conclusion',
    message: 'The conclusion can be at most 5,000 characters; this one has 6,000.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.setConclusion', conclusion: 'c'.repeat(MAX_CONCLUSION_CHARS + 1_000), previous: '' }))
  },
  {
    what: 'a claimant over its limit',
    code: 'invalid-argument',
    field: 'claimant',
    message: 'The claimant can be at most 500 characters; this one has 501.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.setClaimant', claimant: 'c'.repeat(MAX_CLAIMANT_CHARS + 1), previous: '' }))
  },
  {
    what: 'a tag over its limit',
    code: 'invalid-argument',
    field: 'tag',
    message: 'A tag can be at most 100 characters; this one has 120.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.setTags', tags: ['ok', 't'.repeat(MAX_TAG_CHARS + 20)], previous: [] }))
  },
  {
    what: 'an empty tag',
    code: 'invalid-argument',
    field: 'tag',
    message: 'A tag cannot be empty.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.setTags', tags: [''], previous: [] }))
  },
  {
    what: 'too many tags',
    code: 'invalid-argument',
    field: 'tags',
    message: 'A claim can have at most 50 tags; this one has 51.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.setTags', tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`), previous: [] }))
  },
  {
    what: 'a source address over its limit',
    code: 'invalid-argument',
    field: 'source.url',
    message: 'The source’s address can be at most 4,000 characters; this one has 4,020.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.addSource', source: source({ url: 'https://e.org/'.padEnd(MAX_URL_CHARS + 20, 'a') }) }))
  },
  {
    what: 'a source title over its limit',
    code: 'invalid-argument',
    field: 'source.title',
    message: 'The source’s title can be at most 1,000 characters; this one has 1,001.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.addSource', source: source({ title: 't'.repeat(MAX_SOURCE_TITLE_CHARS + 1) }) }))
  },
  {
    what: 'a source publisher over its limit',
    code: 'invalid-argument',
    field: 'source.publisher',
    message: 'The source’s publisher can be at most 500 characters; this one has 501.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.addSource', source: source({ publisher: 'p'.repeat(MAX_PUBLISHER_CHARS + 1) }) }))
  },
  {
    what: 'a source excerpt over its limit',
    code: 'invalid-argument',
    field: 'source.excerpt',
    message: 'The source’s excerpt can be at most 20,000 characters; this one has 20,001.',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.addSource', source: source({ excerpt: 'e'.repeat(MAX_EXCERPT_CHARS + 1) }) }))
  },
  {
    what: 'a source read on a date not written as a date',
    code: 'invalid-argument',
    field: 'source.accessedAt',
    message: /^The date the source was read must be written as YYYY-MM-DD/,
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.addSource', source: source({ accessedAt: 'last Tuesday' }) }))
  },
  {
    what: 'a new article title over its limit',
    code: 'invalid-argument',
    field: 'title',
    message: 'The article title can be at most 500 characters; this one has 600.',
    call: (w) => w.handlers.renameArticle({ id: w.articleId, title: 'T'.repeat(MAX_TITLE_CHARS + 100) })
  },
  {
    what: 'an empty article title',
    code: 'invalid-argument',
    field: 'title',
    message: 'The article title cannot be empty.',
    call: (w) => w.handlers.renameArticle({ id: w.articleId, title: '   ' })
  },
  {
    what: 'a renaming operation with a title over its limit',
    code: 'invalid-argument',
    field: 'title',
    call: (w) => w.handlers.applyOperation({ articleId: w.articleId, op: { type: 'article.rename', by: 'Ann', at, title: 'T'.repeat(501), previous: '' } })
  },
  {
    what: 'an imported article’s title over its limit',
    code: 'invalid-argument',
    field: 'title',
    call: (w) => w.handlers.importArticle({ kind: 'paste', text: 'Text.', title: 'T'.repeat(501) })
  },
  {
    what: 'an updated article’s pasted text missing',
    code: 'invalid-argument',
    field: 'text',
    message: 'The pasted text is missing.',
    call: (w) => w.handlers.updateArticle({ articleId: w.articleId, source: { kind: 'paste' } })
  },
  {
    what: 'a reviewer name over its limit',
    code: 'invalid-argument',
    field: 'reviewer',
    message: 'The reviewer name can be at most 100 characters; this one has 150.',
    call: (w) => w.handlers.updateSettings({ reviewer: 'R'.repeat(MAX_REVIEWER_NAME_CHARS + 50) })
  },
  {
    what: 'an empty reviewer name',
    code: 'invalid-argument',
    field: 'reviewer',
    message: 'The reviewer name cannot be empty.',
    call: (w) => w.handlers.updateSettings({ reviewer: '  ' })
  },
  {
    what: 'an organisation name over its limit',
    code: 'invalid-argument',
    field: 'organisation',
    message: 'The organisation name can be at most 200 characters; this one has 300.',
    call: (w) => w.handlers.updateSettings({ organisation: 'O'.repeat(300) })
  },
  {
    what: 'a report address over its limit',
    code: 'invalid-argument',
    field: 'claimReviewBaseUrl',
    message: 'The report address can be at most 2,000 characters; this one has 2,500.',
    call: (w) => w.handlers.updateSettings({ claimReviewBaseUrl: `https://r.org/${'a'.repeat(2_486)}` })
  },
  {
    what: 'a report address that is not a web address',
    code: 'invalid-argument',
    field: 'claimReviewBaseUrl',
    message: 'The report address must start with https:// or http://.',
    call: (w) => w.handlers.updateSettings({ claimReviewBaseUrl: 'ftp://reports.example/' })
  },
  {
    what: 'a web address over its limit',
    code: 'invalid-argument',
    field: 'url',
    message: 'The web address can be at most 4,000 characters; this one has 5,000.',
    call: (w) => w.handlers.importArticle({ kind: 'url', url: `https://e.org/${'a'.repeat(4_986)}` })
  },
  {
    what: 'an empty web address',
    code: 'invalid-argument',
    field: 'url',
    message: 'The web address cannot be empty.',
    call: (w) => w.handlers.importArticle({ kind: 'url', url: ' ' })
  },
  {
    what: 'a file name over its limit',
    code: 'invalid-argument',
    field: 'fileName',
    message: 'The file name can be at most 500 characters; this one has 604.',
    call: (w) => w.handlers.importArticle({ kind: 'file', name: `${'n'.repeat(600)}.txt`, base64: base64('Text.') })
  },
  // Malformed requests the reviewer did not type: plain words, no field.
  {
    what: 'an id that is a number',
    code: 'invalid-argument',
    field: null,
    message: 'Factmark could not use that request: the article’s id should be text, not a number.',
    call: (w) => w.handlers.renameArticle({ id: 42, title: 'x' })
  },
  { what: 'no argument object', code: 'invalid-argument', field: null, call: (w) => w.handlers.importArticle(null) },
  { what: 'an unknown kind of change', code: 'invalid-argument', field: null, call: (w) => w.handlers.applyOperation({ articleId: w.articleId, op: { type: 'claim.teleport' } }) },
  { what: 'an unknown report format', code: 'invalid-argument', field: null, call: (w) => w.handlers.exportReport({ articleId: w.articleId, format: 'docx', choices }) },
  // Invalid arguments the implementations find.
  {
    what: 'a claim that does not match the text',
    code: 'invalid-argument',
    call: (w) => w.handlers.applyOperation({ articleId: w.articleId, op: { type: 'claim.create', by: 'Ann', at, claim: { ...w.claim, id: 'claim-other', quote: { ...w.claim.quote, exact: 'not the text' } } } })
  },
  { what: 'a web address that is not one', code: 'invalid-argument', call: (w) => w.handlers.importArticle({ kind: 'url', url: 'javascript:alert(1)' }) },
  // The other codes.
  { what: 'an unknown article', code: 'not-found', call: (w) => w.handlers.renameArticle({ id: 'nosuchart', title: 'New' }) },
  {
    what: 'an unknown claim',
    code: 'not-found',
    call: (w) => w.handlers.applyOperation({ articleId: w.articleId, op: { type: 'claim.setConclusion', by: 'Ann', at, claimId: 'claim-gone', conclusion: 'x', previous: '' } })
  },
  { what: 'restoring what is not in the trash', code: 'not-found', call: (w) => w.handlers.restoreArticle({ id: 'nosuchart' }) },
  {
    what: 'a conclusion changed meanwhile',
    code: 'conflict',
    call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.setConclusion', conclusion: 'New', previous: 'what the reviewer saw long ago' }))
  },
  { what: 'restoring an article that is in the workspace', code: 'conflict', call: (w) => w.handlers.restoreArticle({ id: w.articleId }) },
  {
    what: 'changing another reviewer’s note',
    code: 'forbidden',
    call: async (w) => {
      expect((await w.handlers.applyOperation(op(w, { type: 'claim.addNote', note: note('Ann’s note') }))).ok).toBe(true)
      // Bob, a colleague on another machine account, sharing the workspace folder.
      const bob = await openServices({ workspaceDir: w.dir, dataDir, openExternal: async () => {}, chooseSavePath: async () => null, printPdf: async () => new Uint8Array(), machine: { host: 'bobs-laptop', user: 'bob' } })
      opened.push(bob)
      const handlers = createHandlers(bob)
      await handlers.updateSettings({ reviewer: 'Bob' })
      return handlers.applyOperation(op(w, { type: 'claim.deleteNote', note: note('Ann’s note') }))
    }
  },
  {
    what: 'a claim of nothing but a space',
    code: 'invalid-operation',
    message: 'That change was refused: a claim needs words, not only spaces.',
    call: async (w) => {
      const { value: doc } = (await w.handlers.getArticle({ id: w.articleId })) as { value: ArticleDoc }
      const start = doc.article.text.indexOf(' ')
      const claim = { ...w.claim, id: 'claim-space', quote: { exact: ' ', prefix: '', suffix: '' }, position: { start, end: start + 1 } }
      return w.handlers.applyOperation({ articleId: w.articleId, op: { type: 'claim.create', claim } })
    }
  },
  { what: 'opening a javascript: link', code: 'unsafe-url', call: (w) => w.handlers.openExternal({ url: 'javascript:alert(1)' }) },
  { what: 'a source with a file: link', code: 'unsafe-url', call: (w) => w.handlers.applyOperation(op(w, { type: 'claim.addSource', source: source({ url: 'file:///etc/passwd' }) })) },
  { what: 'pasting nothing', code: 'empty', call: (w) => w.handlers.importArticle({ kind: 'paste', text: '  \n ' }) },
  { what: 'an empty file', code: 'empty', call: (w) => w.handlers.importArticle({ kind: 'file', name: 'empty.txt', base64: '' }) },
  { what: 'a file over 20 MB', code: 'too-large', call: (w) => w.handlers.importArticle({ kind: 'file', name: 'huge.txt', base64: 'A'.repeat(28_000_000) }) },
  { what: 'a binary file', code: 'binary', call: (w) => w.handlers.importArticle({ kind: 'file', name: 'data.txt', base64: base64(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])) }) },
  { what: 'a file in no encoding Factmark reads', code: 'encoding', call: (w) => w.handlers.importArticle({ kind: 'file', name: 'odd.txt', base64: base64(new Uint8Array(64).fill(0xff)) }) },
  { what: 'a PDF to import', code: 'unsupported-type', call: (w) => w.handlers.importArticle({ kind: 'file', name: 'report.pdf', base64: base64('%PDF-1.7') }) },
  {
    what: 'saving a report into a folder that does not exist',
    code: 'io',
    message: 'Could not save report.md: its folder does not exist. Nothing was written.',
    call: (w) => {
      w.savePath.value = join(w.dir, 'no-such-folder', 'report.md')
      return w.handlers.exportReport({ articleId: w.articleId, format: 'md', choices })
    }
  },
  {
    what: 'saving a report over a folder',
    code: 'io',
    message: 'Could not save report.md: it is a folder, not a file. Nothing was written.',
    call: async (w) => {
      w.savePath.value = join(w.dir, 'report.md')
      await mkdir(w.savePath.value)
      return w.handlers.exportReport({ articleId: w.articleId, format: 'md', choices })
    }
  },
  {
    what: 'a PDF printer that fails unexpectedly',
    code: 'internal',
    message: 'Something went wrong while exporting the report; it was not saved.',
    call: (w) => {
      w.savePath.value = join(w.dir, 'report.pdf')
      return w.handlers.exportReport({ articleId: w.articleId, format: 'pdf', choices })
    }
  },
  {
    what: 'a store that fails unexpectedly while saving',
    code: 'internal',
    message: 'Something went wrong while saving; nothing was changed.',
    call: (w) => {
      const broken: Services = {
        ...w.services,
        workspace: {
          ...w.services.workspace,
          applyOperation: async () => {
            throw new TypeError("Cannot read properties of undefined (reading 'claims') at op.note.text")
          }
        }
      }
      return createHandlers(broken).applyOperation(op(w, { type: 'claim.setConclusion', conclusion: 'x', previous: '' }))
    }
  }
]

/** What must never reach the UI, with why. */
const FORBIDDEN: [RegExp, string][] = [
  [/✖/, 'zod’s pretty-printed marker'],
  [/→ at/, 'zod’s path arrow'],
  [/\bE[A-Z]{3,}\b/, 'a Node error code'],
  [/\b(?:op|source|note|claim|choices|article)\.[a-zA-Z]+/, 'a schema path'],
  [/Invalid input|expected (?:string|number|object|array)|received (?:string|number|undefined|null)|Too (?:big|small)|Invalid (?:discriminator|option)|Unrecognized key/i, 'zod’s wording'],
  [/^[a-z][A-Za-z]+:/, 'a channel name as prefix'],
  [/\n/, 'a line break'],
  [/Cannot read properties|TypeError|SyntaxError|at position \d/, 'a JavaScript error'],
  [new RegExp(tmpdir().replace(/[/\\]/g, '[/\\\\]')), 'a full path']
]

let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => consoleError.mockRestore())

describe('every error the handlers answer is a plain sentence', () => {
  it.each(cases.map((c) => [c.code, c.what, c] as const))('%s: %s', async (code, _what, c) => {
    const w = await world()
    const result = await c.call(w)
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false)
    const error = result.error!
    expect(error.code).toBe(code)
    if (c.message !== undefined) expect(error.message).toMatch(typeof c.message === 'string' ? new RegExp(`^${escape(c.message)}$`) : c.message)
    for (const [pattern, why] of FORBIDDEN) expect(error.message, `${why} in: ${error.message}`).not.toMatch(pattern)
    expect(error.message.length).toBeLessThan(300)
    expect(error.message).toMatch(/[.!?]$/) // a sentence, not a fragment
    if (c.field !== undefined) {
      if (c.field === null) expect(error).not.toHaveProperty('field')
      else expect(error.field).toBe(c.field)
    }
    if (code === 'internal') expect(consoleError).toHaveBeenCalled() // the raw error is logged, not lost
  }, 30_000)

  it('covers every error code there is', () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(Object.keys(ALL_CODES)))
  })

  it('logs the raw error of an internal failure with the channel, for whoever reads the log', async () => {
    const w = await world()
    w.savePath.value = join(w.dir, 'report.pdf')
    await w.handlers.exportReport({ articleId: w.articleId, format: 'pdf', choices })
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('exportReport'), expect.objectContaining({ message: expect.stringContaining('EACCES') }))
  })
})

// Known leaks outside this change's files, kept as failing expectations so they are fixed, not forgotten.
describe('network failures', () => {
  it('a web page that cannot be reached is said in words', async () => {
    const port = await closedPort()
    const w = await world()
    const result = await w.handlers.importArticle({ kind: 'url', url: `http://127.0.0.1:${port}/${'a'.repeat(400)}` })
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } })
    expect(result.ok || result.error.message).not.toMatch(/\bE[A-Z]{3,}\b/)
    expect(result.ok || result.error.message.length).toBeLessThan(300)
  })
})

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net')
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}


