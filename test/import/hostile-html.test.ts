import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleDoc } from '../../src/core/model'
import { createHandlers, type Services } from '../../src/main/handlers'
import { IMPORT_TIME_LIMIT_MS } from '../../src/main/import/parse-in-worker'
import { openServices } from '../../src/main/services'
import { hostilePages, type HostilePage } from '../fixtures/hostile/pages'
import { dataDir } from '../helpers/temp-dir'

// "Main trusts nothing it is sent": hostile pages imported the way the window imports them (the importArticle handler:
// a file's bytes as base64, or an address main fetches), then read back from the workspace. Nothing active may reach the
// stored article, no request may leave for any address the page names, and every import ends, imported or refused in
// words, by the importer's own time limits (no timing is asserted here; the benchmarks measure speed).

/** The importer's limits: a fetch gets 15 s (url.ts's default), parsing gets IMPORT_TIME_LIMIT_MS. Vitest waits past both. */
const URL_FETCH_LIMIT_MS = 15_000
const PER_PAGE_MS = 2 * (URL_FETCH_LIMIT_MS + IMPORT_TIME_LIMIT_MS) + 10_000

/** A local server that records every connection and request; it answers everything, so a request would succeed. */
interface Recorder {
  origin: string
  server: Server
  requests: string[]
  connections: number
}

async function recorder(serve: (path: string) => HostilePage | undefined): Promise<Recorder> {
  const recorded: Recorder = { origin: '', server: createServer(), requests: [], connections: 0 }
  recorded.server.on('connection', () => recorded.connections++)
  recorded.server.on('request', (req, res) => {
    recorded.requests.push(req.url ?? '')
    const page = serve(req.url ?? '')
    if (!page) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('recorded')
    res.writeHead(200, {
      'content-type': page.contentType,
      // the same vectors in HTTP headers: a fetch must not follow them
      refresh: `0; url=${other.origin}/sub/header/refresh`,
      link: `<${same.origin}/sub/header/preload.css>; rel=preload; as=style, <${other.origin}/sub/header/prefetch>; rel=prefetch`
    })
    res.end(page.html)
  })
  await new Promise<void>((resolve) => recorded.server.listen(0, '127.0.0.1', resolve))
  recorded.origin = `http://127.0.0.1:${(recorded.server.address() as AddressInfo).port}`
  return recorded
}

let same: Recorder
let other: Recorder
let pages: HostilePage[]
let services: Services
let handlers: ReturnType<typeof createHandlers>
let workspaceDir: string

beforeAll(async () => {
  same = await recorder((path) => pages.find((page) => path === `/page/${page.name}`))
  other = await recorder(() => undefined)
  pages = hostilePages(same.origin, other.origin)
  workspaceDir = await mkdtemp(join(tmpdir(), 'factmark-hostile-'))
  services = await openServices({ workspaceDir, dataDir, openExternal: async () => {}, chooseSavePath: async () => null, printPdf: async () => new Uint8Array() })
  handlers = createHandlers(services)
})

afterAll(async () => {
  await services?.workspace.close()
  for (const recorded of [same, other]) {
    recorded?.server.closeAllConnections()
    await new Promise<void>((resolve) => (recorded ? recorded.server.close(() => resolve()) : resolve()))
  }
  if (workspaceDir) await rm(workspaceDir, { recursive: true, force: true })
})

/** What active content would leave behind: the marker its scripts set, the paths it asks for, the schemes it uses. */
const ACTIVE = /pwned|\/beacon\/|\/sub\/|javascript:|vbscript:|\bdata:/i

type Outcome = { ok: true; doc: ArticleDoc } | { ok: false; code: string; message: string }

async function importAs(source: { kind: 'file'; name: string; base64: string } | { kind: 'url'; url: string }): Promise<Outcome> {
  const result = await handlers.importArticle(source)
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message }
  const stored = await handlers.getArticle({ id: result.value.id })
  if (!stored.ok) throw new Error(`an imported article could not be read back: ${stored.error.message}`)
  return { ok: true, doc: stored.value }
}

/** A refusal the window can show as it is: a sentence, not a stack, an exception name or an error code. */
function expectRefusalInWords(outcome: Extract<Outcome, { ok: false }>): void {
  expect(outcome.code).not.toBe('internal') // an importer that crashed has not refused anything: that is a bug
  expect(outcome.message).toMatch(/^\S.{10,498}[.?]$/s)
  expect(outcome.message).not.toMatch(/\n|\bat \S+:\d+|\b[A-Z][a-z]+Error\b|\bERR_[A-Z_]+|\bundefined\b|\[object/)
}

function expectNothingActive(page: HostilePage, { article }: ArticleDoc): void {
  const { origin: _origin, ...stored } = article // the origin is the page's own address, which the user typed
  expect(JSON.stringify(stored).match(ACTIVE)?.[0], 'active content in the stored article').toBeUndefined()
  for (const link of article.links ?? []) {
    if ('block' in link) continue
    const url = new URL(link.url)
    expect(['http:', 'https:'], link.url).toContain(url.protocol)
    expect(url.username + url.password, link.url).toBe('')
  }
  for (const words of page.says) expect(article.text, `"${words.slice(0, 60)}" as text`).toContain(words)
  for (const [text, url] of page.links ?? []) {
    expect((article.links ?? []).map((link) => [article.text.slice(link.start, link.end), 'url' in link ? link.url : link.block])).toContainEqual([text, url])
  }
}

describe('the recording servers (control)', () => {
  it('hear a page that is let run: its scripts and subresources would be recorded', async () => {
    // The same corpus in a DOM that runs scripts and loads resources (what the importer must never configure): the
    // beacons arrive, so their absence below means nothing ran, not that nothing could have been heard.
    const { JSDOM, VirtualConsole } = await import('jsdom')
    const page = pages.find((p) => p.name === 'script')!
    const dom = new JSDOM(page.html, { url: `${same.origin}/page/script`, runScripts: 'dangerously', resources: 'usable', virtualConsole: new VirtualConsole() })
    try {
      await expect.poll(() => same.requests, { timeout: 5_000 }).toContain('/beacon/script')
      await expect.poll(() => same.requests, { timeout: 5_000 }).toContain('/sub/script/src.js')
    } finally {
      dom.window.close()
      await new Promise((resolve) => setTimeout(resolve, 200))
      same.requests.length = 0
      other.requests.length = 0
      other.connections = 0
    }
  })
})

describe('hostile HTML, imported as a file and as a web page', () => {
  // what each test heard, kept for the last test: a request may land after the test that caused it
  const seen: string[] = []
  beforeEach(() => {
    seen.push(...same.requests.filter((path) => !path.startsWith('/page/')), ...other.requests)
    if (other.connections > 0) seen.push(`${other.connections} connection(s) to the other server`)
    same.requests.length = 0
    other.requests.length = 0
    other.connections = 0
  })

  // one test per page, listed here by name so that a failure names its vector
  const names = hostilePages('http://same', 'http://other').map((page) => page.name)
  it.each(names)('%s', { timeout: PER_PAGE_MS }, async (name) => {
    const page = pages.find((p) => p.name === name)!
    const outcomes = [
      await importAs({ kind: 'file', name: page.file, base64: Buffer.from(page.html).toString('base64') }),
      await importAs({ kind: 'url', url: `${same.origin}/page/${page.name}` })
    ]
    for (const outcome of outcomes) {
      if (outcome.ok) {
        expect(page.expect, 'imported, though it should have been refused').not.toHaveProperty('refused')
        expectNothingActive(page, outcome.doc)
      } else {
        expectRefusalInWords(outcome)
        if (page.expect === 'imported') expect.fail(`${page.name} was refused: ${outcome.message}`)
        // a huge page may meet a size or time limit ('too-large'); any other refusal (the store's own checks) is a failure
        if (page.expect === 'imported or refused') expect(outcome.code, outcome.message).toBe('too-large')
        if (typeof page.expect === 'object') expect(outcome.message).toMatch(page.expect.refused)
      }
    }
    // the page itself, once (the URL import), and nothing else from anyone
    expect(same.requests).toEqual([`/page/${page.name}`])
    expect(other.requests).toEqual([])
    expect(other.connections).toBe(0)
  })

  it('no request arrives afterwards either, and the workspace on disk holds nothing active', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300)) // anything still in flight from a worker lands meanwhile
    expect([...seen, ...same.requests.filter((path) => !path.startsWith('/page/')), ...other.requests]).toEqual([])
    expect(other.connections).toBe(0)
    // closing writes any checkpoint still scheduled, so the folder is read at rest (not mid-rename of a .tmp file)
    await services.workspace.close()
    for (const entry of await readdir(workspaceDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const content = await readFile(join(entry.parentPath, entry.name), 'utf8')
      // origins name the page's own address (/page/…); nothing the page pointed at may be stored
      expect(content.match(/pwned|\/beacon\/|\/sub\/|javascript:|vbscript:/i)?.[0], entry.name).toBeUndefined()
    }
  })
})
