import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FactmarkError } from '../../src/core/errors'
import { checkWebUrl, importUrl } from '../../src/main/import/url'
import { fixturePath } from '../helpers/temp-dir'
import { blocksOf } from './helpers'

// Every request in this file goes to a server on 127.0.0.1 started here, or to a stand-in fetch.
let server: Server
let base: string
const requests: string[] = []

const RUSSIAN = 'Экспорт Беларуси в Казахстан в январе–июне составил $252,6 млн, сообщил премьер-министр.'
const page = (title: string, body: string, head = '') =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`

function route(req: IncomingMessage, res: ServerResponse, hostile: Buffer): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
  const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
    res.writeHead(200, { 'content-type': type })
    res.end(body)
  }
  const redirect = (to: string, status = 302) => {
    res.writeHead(status, { location: to })
    res.end()
  }
  const chain = /^\/chain\/(\d+)$/.exec(path)
  if (chain) {
    const n = Number(chain[1])
    return n >= 10 ? html(page('End of chain', '<p>Reached the end of the chain.</p>')) : redirect(`/chain/${n + 1}`)
  }
  switch (path) {
    case '/article':
      return html(hostile)
    case '/redirect':
      return redirect('/moved/article', 301)
    case '/moved/article':
      return html(page('Moved story', '<p>The story moved here and is still about the harbour budget.</p>'))
    case '/loop-a':
      return redirect('/loop-b')
    case '/loop-b':
      return redirect('/loop-a')
    case '/to-file':
      return redirect('file:///etc/passwd')
    case '/missing':
      res.writeHead(404, { 'content-type': 'text/html' })
      return void res.end('<h1>Not here</h1>')
    case '/broken':
      res.writeHead(500, { 'content-type': 'text/html' })
      return void res.end('oops')
    case '/slow':
      return // never answers; the client gives up
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<!doctype html><html><body><p>Starting')
      return // and never finishes
    case '/endless': {
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.from(`<p>${'endless '.repeat(1000)}</p>\n`)
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {
          /* fill the socket */
        }
        if (!res.destroyed) res.once('drain', pump)
      }
      return pump()
    }
    case '/declared-huge':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) })
      return void res.write('<p>')
    case '/pdf':
      return html(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'application/pdf')
    case '/cp1251':
      return html(iconv.encode(page('Новости', `<p>${RUSSIAN}</p>`), 'windows-1251'), 'text/html; charset=windows-1251')
    case '/meta-charset':
      return html(iconv.encode(page('Новости', `<p>${RUSSIAN}</p>`, '<meta charset="windows-1251">'), 'windows-1251'), 'text/html')
    case '/untyped':
      res.writeHead(200)
      return void res.end(page('No type', '<p>A page served without a content type still reads as a page.</p>'))
    case '/no-text':
      return html('<!doctype html><html><body><nav>Home</nav><img src="a.png"><script>1</script></body></html>')
    default:
      res.writeHead(404)
      res.end()
  }
}

beforeAll(async () => {
  const hostile = await readFile(fixturePath('hostile-markup.html'))
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    route(req, res, hostile)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(FactmarkError)
  const { code, message } = error as FactmarkError
  return { code, message }
}

describe('importing a web page', () => {
  it('imports an article page: metadata, blocks, origin, nothing active', async () => {
    const article = await importUrl(`${base}/article`)
    expect(article.title).toBe('Council approves budget & "emergency" fund')
    expect(article.byline).toBe('Desk Reporter')
    expect(article.publishedAt).toMatch(/^2026-03-02/)
    expect(article.origin).toEqual({ kind: 'url', url: `${base}/article` })
    expect(blocksOf(article).filter(([kind]) => kind === 'li')).toHaveLength(3)
    const { origin: _origin, ...stored } = article
    const json = JSON.stringify(stored).toLowerCase()
    for (const needle of ['<script', 'onerror', 'onload', 'iframe', '<form', 'javascript:', '127.0.0.1', 'http://']) expect(json).not.toContain(needle)
    // the page's beacons, styles and images were never requested
    expect(requests.filter((r) => /beacon|track|evil|frame|steal|\/x$/.test(r))).toEqual([])
  })

  it('follows a redirect and records the final address', async () => {
    const article = await importUrl(`${base}/redirect`, { title: 'Harbour' })
    expect(article.origin).toEqual({ kind: 'url', url: `${base}/moved/article` })
    expect(article.title).toBe('Harbour')
    expect(blocksOf(article)).toContainEqual(['p', 'The story moved here and is still about the harbour budget.'])
  })

  it('stops at a redirect loop and after too many redirects', async () => {
    expect(await failure(importUrl(`${base}/loop-a`))).toEqual({ code: 'io', message: `${base}/loop-a redirects in a loop and never reaches a page.` })
    expect(await failure(importUrl(`${base}/chain/0`))).toEqual({
      code: 'io',
      message: `${base}/chain/0 redirected more than 5 times; Factmark stopped following it.`
    })
    expect((await importUrl(`${base}/chain/0`, { maxRedirects: 10 })).origin.url).toBe(`${base}/chain/10`)
  })

  it('refuses a redirect to a non-web address', async () => {
    expect(await failure(importUrl(`${base}/to-file`))).toEqual({
      code: 'io',
      message: `${base}/to-file redirected to a file: address, which Factmark does not follow.`
    })
  })

  it('reports 404 and 500 answers', async () => {
    expect(await failure(importUrl(`${base}/missing`))).toEqual({ code: 'not-found', message: `${base}/missing answered 404 Not Found.` })
    expect(await failure(importUrl(`${base}/broken`))).toEqual({ code: 'io', message: `${base}/broken answered 500 Internal Server Error.` })
  })

  it('gives up on a server that does not answer in time', async () => {
    const started = Date.now()
    expect(await failure(importUrl(`${base}/slow`, { timeoutMs: 300 }))).toEqual({ code: 'io', message: `${base}/slow did not answer within 0.3 seconds.` })
    expect(await failure(importUrl(`${base}/slow`, { connectTimeoutMs: 200, timeoutMs: 5000 }))).toEqual({
      code: 'io',
      message: `${base}/slow did not answer within 0.2 seconds.`
    })
    expect(await failure(importUrl(`${base}/slow-body`, { timeoutMs: 300 }))).toEqual({
      code: 'io',
      message: `${base}/slow-body did not send the whole page within 0.3 seconds.`
    })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('stops reading an endless body at the size cap', async () => {
    expect(await failure(importUrl(`${base}/endless`, { maxBytes: 256 * 1024 }))).toEqual({
      code: 'too-large',
      message: `${base}/endless is larger than 256 KB, the limit for an imported page.`
    })
    expect(await failure(importUrl(`${base}/declared-huge`))).toEqual({
      code: 'too-large',
      message: `${base}/declared-huge is larger than 20 MB, the limit for an imported page.`
    })
  })

  it('refuses what is not a web page', async () => {
    expect(await failure(importUrl(`${base}/pdf`))).toEqual({ code: 'unsupported-type', message: `${base}/pdf is not a web page (application/pdf).` })
    expect(await failure(importUrl(`${base}/no-text`))).toEqual({ code: 'empty', message: `${base}/no-text has no article text.` })
    expect(blocksOf(await importUrl(`${base}/untyped`))).toContainEqual(['p', 'A page served without a content type still reads as a page.'])
  })

  it('decodes a windows-1251 page by its Content-Type charset or its <meta charset>', async () => {
    for (const path of ['/cp1251', '/meta-charset']) {
      const article = await importUrl(`${base}${path}`)
      expect(article.title).toBe('Новости')
      expect(blocksOf(article)).toContainEqual(['p', RUSSIAN])
    }
  })

  it('explains a refused connection and an unknown host in plain words', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    expect(await failure(importUrl(`http://127.0.0.1:${port}/`))).toEqual({
      code: 'io',
      message: `Could not connect to 127.0.0.1:${port}: nothing is answering at that address (is the server running?).`
    })
    expect(await failure(importUrl('http://127.0.0.1:1/'))).toEqual({
      code: 'io',
      message: 'Factmark does not fetch pages from port 1 (127.0.0.1:1): it is reserved for other uses than the web.'
    })
    // .invalid never resolves (RFC 6761), and the lookup fails at once, offline too
    expect(await failure(importUrl('https://news.invalid/story'))).toEqual({ code: 'io', message: 'No web site is found at news.invalid: check the address.' })
  })

  it('never shows a Node error code or "fetch failed", whatever the network did', async () => {
    // stand-in fetches that fail the way Node's does: TypeError('fetch failed') with the system error as its cause
    const failing = (cause: unknown): typeof fetch => async () => {
      throw new TypeError('fetch failed', { cause })
    }
    const systemError = (code: string, message: string) => Object.assign(new Error(message), { code })
    const cases: [unknown, string][] = [
      [systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND news.example'), 'No web site is found at news.example: check the address.'],
      [systemError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN news.example'), 'Could not look up news.example: check the address and your internet connection.'],
      [systemError('ECONNRESET', 'read ECONNRESET'), 'The connection to news.example was cut off before the page arrived; try again.'],
      [systemError('UND_ERR_SOCKET', 'other side closed'), 'The connection to news.example was cut off before the page arrived; try again.'],
      [systemError('ETIMEDOUT', 'connect ETIMEDOUT 203.0.113.5:443'), 'news.example did not answer in time; try again later.'],
      [systemError('ENETUNREACH', 'connect ENETUNREACH'), 'Could not reach news.example: check your internet connection.'],
      [systemError('CERT_HAS_EXPIRED', 'certificate has expired'), 'news.example did not prove it is the site it claims to be (its security certificate is not valid), so Factmark did not import from it.'],
      [systemError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), 'news.example did not prove it is the site it claims to be (its security certificate is not valid), so Factmark did not import from it.'],
      [systemError('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'), 'Could not make a secure connection to news.example.'],
      [new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:443'), systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443')]), 'Could not connect to news.example: nothing is answering at that address (is the server running?).'],
      [new Error('something new'), 'Could not get the page from news.example; check the address and your internet connection.']
    ]
    for (const [cause, expected] of cases) {
      const { code, message } = await failure(importUrl('https://news.example/story', { fetch: failing(cause) }))
      expect(code).toBe('io')
      expect(message).toBe(expected)
      expect(message).not.toMatch(/\bE[A-Z]{3,}\b|ERR_|fetch failed/)
    }
  })

  it('names a very long address by its start only', async () => {
    const long = `${base}/missing?${'q'.repeat(3000)}`
    const { message } = await failure(importUrl(long))
    expect(message).toBe(`${long.slice(0, 119)}… answered 404 Not Found.`)
  })

  it('takes an address without a scheme as https, in the importer as in the app', async () => {
    expect(checkWebUrl('www.belstat.gov.by/ofitsialnaya-statistika/').href).toBe('https://www.belstat.gov.by/ofitsialnaya-statistika/')
    expect(checkWebUrl('  belstat.gov.by/page ').href).toBe('https://belstat.gov.by/page')
    expect(checkWebUrl('localhost:8080/draft').href).toBe('https://localhost:8080/draft')
    expect(checkWebUrl('http://127.0.0.1:1/x').href).toBe('http://127.0.0.1:1/x') // a scheme given stays
    const asked: string[] = []
    const served: typeof fetch = async (input) => {
      asked.push(String(input))
      return new Response(page('Statistics', '<p>Exports rose by 4.2% in the first half of the year.</p>'), { headers: { 'content-type': 'text/html' } })
    }
    const article = await importUrl('belstat.gov.by/page', { fetch: served })
    expect(asked).toEqual(['https://belstat.gov.by/page'])
    expect(article.origin).toEqual({ kind: 'url', url: 'https://belstat.gov.by/page' })
    expect(blocksOf(article)).toContainEqual(['p', 'Exports rose by 4.2% in the first half of the year.'])
    for (const notAnAddress of ['just words', 'javascript:alert(1)']) {
      expect(() => checkWebUrl(notAnAddress)).toThrow(/is not a web address/)
    }
  })

  it('refuses addresses that are not http or https, or carry credentials, without any request', async () => {
    const count = requests.length
    const noFetch: typeof fetch = async () => {
      throw new Error('must not fetch')
    }
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://127.0.0.1/file', 'data:text/html,<p>x</p>', 'not a url']) {
      const { code, message } = await failure(importUrl(url, { fetch: noFetch }))
      expect(code).toBe('invalid-argument')
      expect(message).toMatch(/is not a web address/)
    }
    expect(await failure(importUrl(`http://user:secret@127.0.0.1:1/`, { fetch: noFetch }))).toEqual({
      code: 'invalid-argument',
      message: 'The address for 127.0.0.1:1 contains a user name or password; Factmark does not send credentials, so remove them and try again.'
    })
    expect(requests.length).toBe(count)
  })
})
