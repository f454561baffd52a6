import { lookup as dnsLookup } from 'node:dns/promises'
import { STATUS_CODES } from 'node:http'
import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { withWebScheme } from '../../core/links'
import { describeNetworkFailure } from './network-errors'
import { parseInWorker } from './parse-in-worker'
import { addressOfHostname, isLocalhostName, isNonPublicAddress } from './private-address'
import { MAX_IMPORT_BYTES } from './shared'

export interface UrlImportOptions {
  /** A title chosen by the user; wins over the page's. */
  title?: string
  /** The whole import (every redirect, the response and its body) must finish within this. Default 15 s. */
  timeoutMs?: number
  /**
   * Each request must get its response headers within this (DNS, connection, TLS and the server starting to answer: Node's
   * fetch does not expose the connection phase alone). Default 5 s.
   */
  connectTimeoutMs?: number
  /** The body is read as a stream and abandoned past this many bytes. Default 20 MB. */
  maxBytes?: number
  /** Redirects followed (each one checked: http/https only, no credentials, no local or private network address). Default 5. */
  maxRedirects?: number
  /** A stand-in for the global fetch (tests). */
  fetch?: typeof fetch
  /** A stand-in for DNS (tests): every address of a host name, as `dns.lookup(name, { all: true })` gives them. */
  lookup?: (hostname: string) => Promise<readonly { address: string }[]>
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * Checks an address typed by the user: http or https only, without a user name or password; one without a scheme
 * ("www.belstat.gov.by/…", "belstat.gov.by/page") is taken as https. Throws FactmarkError 'invalid-argument' with a message
 * naming the address.
 */
export function checkWebUrl(input: string): URL {
  const shown = clipForMessage(input.trim())
  let url: URL
  try {
    url = new URL(withWebScheme(input))
  } catch {
    throw new FactmarkError('invalid-argument', `"${shown}" is not a web address; enter one that starts with https:// or http://.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FactmarkError('invalid-argument', `"${shown}" is not a web address Factmark imports; only https:// and http:// pages can be imported.`)
  }
  if (url.username || url.password) {
    throw new FactmarkError('invalid-argument', `The address for ${url.host} contains a user name or password; Factmark does not send credentials, so remove them and try again.`)
  }
  return url
}

/**
 * Fetches a web page in the main process and imports it as an article (origin { kind: 'url', url: the address after redirects }).
 * Redirects are followed by hand up to `maxRedirects`, each re-checked (a page may not send Factmark to a local or private
 * network address, see refuseNonPublicRedirect); the body is streamed with the size cap enforced while
 * reading; only text/html and application/xhtml+xml are accepted; the charset comes from Content-Type or `<meta charset>`.
 * Failures are FactmarkErrors naming the address: 'invalid-argument', 'not-found' (404, 410), 'io' (DNS, refused connection,
 * other HTTP errors, timeouts, redirect loops: in plain words, see network-errors.ts), 'too-large', 'unsupported-type', 'empty',
 * 'encoding'. The page is parsed in the import worker.
 */
export async function importUrl(url: string, options: UrlImportOptions = {}): Promise<NewArticle> {
  const timeoutMs = positive(options.timeoutMs, 15_000)
  const connectTimeoutMs = positive(options.connectTimeoutMs, 5_000)
  const maxBytes = positive(options.maxBytes, MAX_IMPORT_BYTES)
  const maxRedirects = Math.max(0, Math.floor(options.maxRedirects ?? 5))
  const doFetch = options.fetch ?? globalThis.fetch
  const lookup = options.lookup ?? ((hostname: string) => dnsLookup(hostname, { all: true, verbatim: true }))

  const start = checkWebUrl(url)
  const total = new AbortController()
  let totalTimedOut = false
  const totalTimer = setTimeout(() => {
    totalTimedOut = true
    total.abort()
  }, timeoutMs)

  let current = start
  let phase: 'request' | 'body' = 'request'
  let connectTimedOut = false
  /** Runs one step of a hop (looking up a name, or a request up to its response headers) within the hop's time. */
  const withinHop = async <T>(step: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const hop = new AbortController()
    const hopTimer = setTimeout(() => {
      connectTimedOut = true
      hop.abort()
    }, connectTimeoutMs)
    try {
      return await step(AbortSignal.any([total.signal, hop.signal]))
    } finally {
      clearTimeout(hopTimer)
    }
  }
  try {
    const visited = new Set([current.href])
    // The address typed is the reviewer's choice, local or not; so are redirects within its origin while the chain has
    // never left it (local work: http://127.0.0.1:8080/a → /b). Any other redirect must lead to the public internet.
    let onTypedOrigin = true
    let response: Response
    for (let redirects = 0; ; redirects++) {
      phase = 'request'
      response = await withinHop((signal) =>
        doFetch(current.href, {
          method: 'GET',
          redirect: 'manual',
          signal,
          headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Factmark (article import)' }
        })
      )
      if (!REDIRECTS.has(response.status)) break
      await discard(response)
      const location = response.headers.get('location')
      if (!location) throw new FactmarkError('io', `${shown(current)} answered ${statusLine(response)} without saying where the page moved.`)
      let next: URL
      try {
        next = new URL(location, current)
      } catch {
        throw new FactmarkError('io', `${shown(current)} redirected to an address that is not valid.`)
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FactmarkError('io', `${shown(current)} redirected to a ${next.protocol} address, which Factmark does not follow.`)
      }
      if (next.username || next.password) {
        throw new FactmarkError('io', `${shown(current)} redirected to an address with a user name or password, which Factmark does not follow.`)
      }
      if (visited.has(next.href)) throw new FactmarkError('io', `${shown(start)} redirects in a loop and never reaches a page.`)
      if (redirects >= maxRedirects) throw new FactmarkError('io', `${shown(start)} redirected more than ${maxRedirects} times; Factmark stopped following it.`)
      visited.add(next.href)
      const from = current
      current = next
      onTypedOrigin &&= next.origin === start.origin
      if (!onTypedOrigin) await withinHop((signal) => refuseNonPublicRedirect(from, next, lookup, signal))
    }

    if (!response.ok) {
      await discard(response)
      const code = response.status === 404 || response.status === 410 ? 'not-found' : 'io'
      throw new FactmarkError(code, `${shown(current)} answered ${statusLine(response)}.`)
    }

    const contentType = response.headers.get('content-type')
    const mime = contentType?.split(';')[0]?.trim().toLowerCase()
    if (mime && !HTML_TYPES.has(mime)) {
      await discard(response)
      throw new FactmarkError('unsupported-type', `${shown(current)} is not a web page (${clipForMessage(mime)}).`)
    }
    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > maxBytes) {
      await discard(response)
      throw tooLarge(current, maxBytes)
    }

    phase = 'body'
    const bytes = await readCapped(response, maxBytes, () => {
      total.abort()
      return tooLarge(current, maxBytes)
    })
    clearTimeout(totalTimer)
    if (!mime && !looksLikeHtml(bytes)) {
      throw new FactmarkError('unsupported-type', `${shown(current)} did not say what it sent, and it does not look like a web page.`)
    }
    // decoding and parsing happen off this thread, in the import worker
    return await parseInWorker({ kind: 'page', url: current.href, bytes, contentType, title: options.title })
  } catch (error) {
    if (error instanceof FactmarkError) throw error
    if (totalTimedOut) {
      throw new FactmarkError(
        'io',
        phase === 'body'
          ? `${shown(current)} did not send the whole page within ${seconds(timeoutMs)}.`
          : `${shown(current)} did not answer within ${seconds(timeoutMs)}.`
      )
    }
    if (connectTimedOut) throw new FactmarkError('io', `${shown(current)} did not answer within ${seconds(connectTimeoutMs)}.`)
    throw new FactmarkError('io', describeNetworkFailure(current, error))
  } finally {
    clearTimeout(totalTimer)
  }
}

/**
 * Throws unless `to` is on the public internet: an IP address is judged as written (URL parsing has normalised its form), a
 * localhost name at once, any other name by every address DNS gives it. All before anything connects to it.
 * Out of scope: DNS rebinding. fetch looks the name up again to connect, and a name that answers a public address here and
 * a private one then gets through; pinning the address checked here would need a dispatcher of undici's own.
 */
async function refuseNonPublicRedirect(from: URL, to: URL, lookup: NonNullable<UrlImportOptions['lookup']>, signal: AbortSignal): Promise<void> {
  const refused = (what: string) =>
    new FactmarkError('io', `${shown(from)} redirected to a local or private network address (${clipForMessage(what)}), which Factmark does not follow.`)
  const address = addressOfHostname(to.hostname)
  if (address !== undefined) {
    if (isNonPublicAddress(address)) throw refused(address)
    return
  }
  if (isLocalhostName(to.hostname)) throw refused(to.hostname)
  const answers = await abortable(lookup(to.hostname), signal)
  // a lookup that finds nothing reads like DNS's own "not found" (dns.lookup itself throws ENOTFOUND then)
  if (answers.length === 0) throw Object.assign(new Error(`no address for ${to.hostname}`), { code: 'ENOTFOUND' })
  const local = answers.find((answer) => isNonPublicAddress(answer.address))
  if (local) throw refused(`${to.hostname} is ${local.address}`)
}

/** `work`, or a rejection as soon as `signal` aborts (dns.lookup cannot be cancelled, but the import need not wait for it). */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** Reads a response body chunk by chunk, giving up (and cancelling the stream) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, onTooLarge: () => FactmarkError): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      const error = onTooLarge()
      await reader.cancel().catch(() => undefined)
      throw error
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined)
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1')
  return /^(?:\xEF\xBB\xBF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head)
}

function tooLarge(url: URL, maxBytes: number): FactmarkError {
  return new FactmarkError('too-large', `${shown(url)} is larger than ${size(maxBytes)}, the limit for an imported page.`)
}

function statusLine(response: Response): string {
  const text = response.statusText || STATUS_CODES[response.status] || ''
  return `${response.status}${text ? ` ${clipForMessage(text)}` : ''}`
}

function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10
  return `${s} second${s === 1 ? '' : 's'}`
}

function size(bytes: number): string {
  if (bytes >= 1048576) return `${Math.round((bytes / 1048576) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`
  return `${bytes} bytes`
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback
}

/** An address as messages name it: clipped, since one may be thousands of characters long. */
function shown(url: URL): string {
  return clipForMessage(url.href)
}

function clipForMessage(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}
