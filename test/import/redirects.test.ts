import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FactmarkError } from '../../src/core/errors'
import { importUrl } from '../../src/main/import/url'
import { blocksOf } from './helpers'

// A page on one local server redirects; a second local server (the "victim", on another port) stands for what sits on
// this computer or its network. It serves a good article to anyone, so a redirect that got through would import it: every
// refusal below also checks that the victim saw no connection at all.

const article = (text: string) => `<!doctype html><html><head><title>Local</title></head><body><article><h1>Local</h1><p>${text}</p></article></body></html>`
const SECRET = 'This page is only for this computer and must not be imported through a redirect.'

interface Local {
  server: Server
  port: number
  connections: number
  requests: string[]
}

async function listen(host: string, handle: (path: string, res: import('node:http').ServerResponse) => void): Promise<Local> {
  const local: Local = { server: createServer(), port: 0, connections: 0, requests: [] }
  local.server.on('connection', () => local.connections++)
  local.server.on('request', (req, res) => {
    local.requests.push(req.url ?? '')
    handle(new URL(req.url ?? '/', 'http://x').pathname + new URL(req.url ?? '/', 'http://x').search, res)
  })
  await new Promise<void>((resolve, reject) => {
    local.server.once('error', reject)
    local.server.listen(0, host, resolve)
  })
  local.port = (local.server.address() as AddressInfo).port
  return local
}

async function close(local: Local | undefined): Promise<void> {
  if (!local) return
  local.server.closeAllConnections()
  await new Promise<void>((resolve) => local.server.close(() => resolve()))
}

const serveSecret = (_path: string, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  res.end(article(SECRET))
}

// IPv6 loopback is missing on some machines (containers started without it); the [::1] case needs it to be honest
let ipv6Unavailable = ''
try {
  await close(await listen('::1', serveSecret))
} catch (error) {
  ipv6Unavailable = `IPv6 loopback (::1) is unavailable here: ${(error as Error).message}`
}

let pages: Local
let victim: Local
let victim6: Local | undefined
let base: string

beforeAll(async () => {
  pages = await listen('127.0.0.1', (path, res) => {
    const url = new URL(path, 'http://x')
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname)
    if (url.pathname === '/go') return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end()
    if (hop) return void res.writeHead(Number(hop[1]) % 2 ? 301 : 307, { location: Number(hop[1]) >= 3 ? `${base}/article` : `/hop/${Number(hop[1]) + 1}` }).end()
    if (url.pathname === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      return void res.end(article('The council approved the harbour budget on Tuesday.'))
    }
    res.writeHead(404).end()
  })
  base = `http://127.0.0.1:${pages.port}`
  victim = await listen('127.0.0.1', serveSecret)
  if (!ipv6Unavailable) victim6 = await listen('::1', serveSecret)
  // the import worker takes seconds to start on a busy machine: start it here, not inside the first test that imports
  await importUrl(`${base}/article`)
}, 30_000)

afterAll(async () => {
  await Promise.all([close(pages), close(victim), close(victim6)])
})

beforeEach(() => {
  for (const local of [victim, victim6]) {
    if (!local) continue
    local.connections = 0
    local.requests.length = 0
  }
})

const via = (location: string) => `${base}/go?to=${encodeURIComponent(location)}`
const refusal = (from: string, what: string) => ({
  code: 'io',
  message: `${from} redirected to a local or private network address (${what}), which Factmark does not follow.`
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

/** A lookup that must not be asked (the address is judged without DNS). */
const noLookup = async (hostname: string): Promise<never> => {
  throw new Error(`looked up ${hostname}`)
}

describe('redirects into local and private networks', () => {
  it('refuses a redirect to this computer in every form URL parsing turns into loopback, before connecting', async () => {
    const P = victim.port
    const cases: [string, string][] = [
      [`http://0x7f.1:${P}/secret`, '127.0.0.1'],
      [`http://127.0.0.1:${P}/secret`, '127.0.0.1'],
      [`http://2130706433:${P}/secret`, '127.0.0.1'],
      [`http://0177.0.0.1:${P}/secret`, '127.0.0.1'],
      [`http://127.1:${P}/secret`, '127.0.0.1'],
      [`http://0.0.0.0:${P}/secret`, '0.0.0.0'], // Linux connects 0.0.0.0 to this computer
      [`http://[::ffff:127.0.0.1]:${P}/secret`, '::ffff:7f00:1'],
      [`http://localhost:${P}/secret`, 'localhost'],
      [`http://LocalHost.:${P}/secret`, 'localhost.'],
      [`http://admin.localhost:${P}/secret`, 'admin.localhost'],
      [`http://localhost:${pages.port}/article`, 'localhost'], // the same server under another name is another origin
      [`//127.0.0.1:${P}/secret`, '127.0.0.1'] // scheme-relative
    ]
    for (const [location, shown] of cases) {
      expect(await failure(importUrl(via(location), { lookup: noLookup })), location).toEqual(refusal(via(location), shown))
    }
    expect(victim.connections).toBe(0)
    expect(victim.requests).toEqual([])
  })

  it.skipIf(Boolean(ipv6Unavailable))(`refuses a redirect to [::1] before connecting${ipv6Unavailable ? ` (skipped: ${ipv6Unavailable})` : ''}`, async () => {
    const P = victim6!.port
    for (const location of [`http://[::1]:${P}/secret`, `http://[0:0:0:0:0:0:0:1]:${P}/secret`, `http://[::0001]:${P}/secret`]) {
      expect(await failure(importUrl(via(location), { lookup: noLookup })), location).toEqual(refusal(via(location), '::1'))
    }
    expect(victim6!.connections).toBe(0)
    // and the victim is really there: typed directly, it imports
    expect(blocksOf(await importUrl(`http://[::1]:${P}/secret`))).toContainEqual(['p', SECRET])
  })

  it('refuses the cloud metadata address and private networks at once, not after a timeout', async () => {
    const cases: [string, string][] = [
      ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', '169.254.169.254'],
      ['http://0251.0376.0251.0376/latest/meta-data/', '169.254.169.254'],
      ['http://2852039166/latest/meta-data/', '169.254.169.254'],
      ['http://[::ffff:169.254.169.254]/latest/meta-data/', '::ffff:a9fe:a9fe'],
      ['http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254'],
      ['http://[fe80::1]/', 'fe80::1'],
      ['http://10.0.0.1/admin', '10.0.0.1'],
      ['https://172.16.5.4/', '172.16.5.4'],
      ['http://192.168.1.1/', '192.168.1.1'],
      ['http://100.64.0.1/', '100.64.0.1'],
      ['http://[::]/', '::']
    ]
    for (const [location, shown] of cases) {
      const started = Date.now()
      // without the check these would wait for the 4 s connection timeout (or fail as unreachable)
      expect(await failure(importUrl(via(location), { lookup: noLookup, connectTimeoutMs: 4000, timeoutMs: 10_000 })), location).toEqual(
        refusal(via(location), shown)
      )
      expect(Date.now() - started, location).toBeLessThan(2000)
    }
  })

  it('looks a host name up and refuses it when any of its addresses is local or private', async () => {
    const asked: string[] = []
    const dns = (answers: Record<string, string[]>) => async (hostname: string) => {
      asked.push(hostname)
      return (answers[hostname] ?? []).map((address) => ({ address }))
    }
    const P = victim.port
    const intranet = via(`http://intranet.example:${P}/secret`)
    expect(await failure(importUrl(intranet, { lookup: dns({ 'intranet.example': ['10.1.2.3'] }) }))).toEqual(refusal(intranet, 'intranet.example is 10.1.2.3'))
    const mixed = via(`http://mixed.example:${P}/secret`)
    expect(await failure(importUrl(mixed, { lookup: dns({ 'mixed.example': ['93.184.216.34', '2606:2800:220:1::', 'fd00::5'] }) }))).toEqual(
      refusal(mixed, 'mixed.example is fd00::5')
    )
    const rebound = via(`http://127.0.0.1.nip.io:${P}/secret`)
    expect(await failure(importUrl(rebound, { lookup: dns({ '127.0.0.1.nip.io': ['127.0.0.1'] }) }))).toEqual(refusal(rebound, '127.0.0.1.nip.io is 127.0.0.1'))
    expect(asked).toEqual(['intranet.example', 'mixed.example', '127.0.0.1.nip.io'])
    expect(victim.connections).toBe(0)
  })

  it('follows a redirect to a public host name, and refuses a private one without requesting it', async () => {
    const asked: string[] = []
    const web: typeof fetch = async (input) => {
      asked.push(String(input))
      if (String(input) === 'https://news.example/story') return new Response(null, { status: 301, headers: { location: 'https://cdn.example/story' } })
      return new Response(article('Exports rose by 4.2% in the first half of the year.'), { headers: { 'content-type': 'text/html' } })
    }
    const looked: string[] = []
    const publicDns = async (hostname: string) => (looked.push(hostname), [{ address: '93.184.216.34' }, { address: '2606:2800:220:1::' }])
    const imported = await importUrl('https://news.example/story', { fetch: web, lookup: publicDns })
    expect(imported.origin).toEqual({ kind: 'url', url: 'https://cdn.example/story' })
    expect(looked).toEqual(['cdn.example'])
    expect(asked).toEqual(['https://news.example/story', 'https://cdn.example/story'])

    asked.length = 0
    const privateDns = async () => [{ address: '192.168.0.10' }]
    expect(await failure(importUrl('https://news.example/story', { fetch: web, lookup: privateDns }))).toEqual(
      refusal('https://news.example/story', 'cdn.example is 192.168.0.10')
    )
    expect(asked).toEqual(['https://news.example/story'])

    // a public IP address needs no lookup
    asked.length = 0
    const toAddress: typeof fetch = async (input) =>
      String(input) === 'https://news.example/story'
        ? new Response(null, { status: 302, headers: { location: 'http://93.184.216.34/story' } })
        : web(input)
    expect((await importUrl('https://news.example/story', { fetch: toAddress, lookup: noLookup })).origin.url).toBe('http://93.184.216.34/story')
  })

  it('says in plain words when the name redirected to cannot be looked up, or not in time', async () => {
    const notFound = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND gone.example'), { code: 'ENOTFOUND' })
    }
    const gone = via('https://gone.example/story')
    expect(await failure(importUrl(gone, { lookup: notFound }))).toEqual({ code: 'io', message: 'No web site is found at gone.example: check the address.' })
    // the real lookup, offline too: .invalid never resolves (RFC 6761)
    expect(await failure(importUrl(via('https://news.invalid/story')))).toEqual({ code: 'io', message: 'No web site is found at news.invalid: check the address.' })
    const started = Date.now()
    const hanging = () => new Promise<never>(() => undefined)
    expect(await failure(importUrl(via('https://slow.example/story'), { lookup: hanging, connectTimeoutMs: 200 }))).toEqual({
      code: 'io',
      message: 'https://slow.example/story did not answer within 0.2 seconds.'
    })
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('what stays allowed', () => {
  it('imports a local or private address the reviewer types, in any form', async () => {
    for (const typed of [`http://127.0.0.1:${victim.port}/secret`, `http://0x7f.1:${victim.port}/secret`, `http://localhost:${victim.port}/secret`]) {
      const imported = await importUrl(typed, { lookup: noLookup })
      expect(blocksOf(imported), typed).toContainEqual(['p', SECRET])
    }
    expect(victim.requests).toEqual(['/secret', '/secret', '/secret'])
  })

  it('follows a chain of redirects that stays on the origin typed, relative or absolute', async () => {
    const imported = await importUrl(`${base}/hop/0`, { lookup: noLookup })
    expect(imported.origin).toEqual({ kind: 'url', url: `${base}/article` })
    expect(blocksOf(imported)).toContainEqual(['p', 'The council approved the harbour budget on Tuesday.'])
    expect((await importUrl(via(`${base}/article`), { lookup: noLookup })).origin.url).toBe(`${base}/article`)
    expect((await importUrl(via(`http://0x7f.1:${pages.port}/article`), { lookup: noLookup })).origin.url).toBe(`${base}/article`) // the same origin, written otherwise
  })

  it('refuses a return to the typed origin once the chain has left it', async () => {
    // the reviewer trusted the local origin for this page, not for wherever a public site sends Factmark back to
    const web: typeof fetch = async (input, init) =>
      String(input) === 'https://news.example/back' ? new Response(null, { status: 302, headers: { location: `${base}/article` } }) : fetch(input, init)
    const publicDns = async () => [{ address: '93.184.216.34' }]
    expect(await failure(importUrl(via('https://news.example/back'), { fetch: web, lookup: publicDns }))).toEqual(
      refusal('https://news.example/back', '127.0.0.1')
    )
  })
})
