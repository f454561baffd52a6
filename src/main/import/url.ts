import { STATUS_CODES } from 'node:http'
import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { withWebScheme } from '../../core/links'
import { describeNetworkFailure } from './network-errors'
import { parseInWorker } from './parse-in-worker'
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
  /** Redirects followed (each one checked: http/https only, no credentials). Default 5. */
  maxRedirects?: number
  /** A stand-in for the global fetch (tests). */
  fetch?: typeof fetch
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
 * Redirects are followed by hand up to `maxRedirects`, each re-checked; the body is streamed with the size cap enforced while
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
  try {
    const visited = new Set([current.href])
    let response: Response
    for (let redirects = 0; ; redirects++) {
      const hop = new AbortController()
      const hopTimer = setTimeout(() => {
        connectTimedOut = true
        hop.abort()
      }, connectTimeoutMs)
      try {
        phase = 'request'
        response = await doFetch(current.href, {
          method: 'GET',
          redirect: 'manual',
          signal: AbortSignal.any([total.signal, hop.signal]),
          headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Factmark (article import)' }
        })
      } finally {
        clearTimeout(hopTimer)
      }
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
      current = next
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
