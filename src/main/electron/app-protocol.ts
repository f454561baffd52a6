import { net, protocol } from 'electron'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../content-security-policy'
import { APP_SCHEME, isAppUrl } from './app-address'

/** Must run before `app` is ready: app:// behaves like a secure, standard origin (fetch, storage, CSP). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer from `rendererDir` over app://factmark/, with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir)
  // Never a rejection: Electron would log it as unhandled and the page would get a bare network error.
  protocol.handle(APP_SCHEME, (request) => serveFile(root, request).catch(() => plainText(500)))
}

/** What an app:// address names: a file of the built renderer, or the status that refuses it. */
export type RendererTarget = { file: string } | { status: 400 | 404 }

const MALFORMED = { status: 400 } as const
const NOT_FOUND = { status: 404 } as const

/**
 * 400 for an address that cannot be read (a bad percent escape, a NUL byte), 404 for anything but a path inside the
 * folder on app://factmark/ (another host, `..`, also percent-encoded). Whether the file exists is the caller's check.
 */
export function rendererTargetFor(root: string, address: string): RendererTarget {
  let url: URL
  let path: string
  try {
    url = new URL(address)
  } catch {
    return MALFORMED
  }
  if (!isAppUrl(url)) return NOT_FOUND
  try {
    path = decodeURIComponent(url.pathname) // throws URIError on `%` or a truncated escape such as `%E0%A4%A`
  } catch {
    return MALFORMED
  }
  if (path.includes('\0')) return MALFORMED
  const file = join(root, path === '' || path === '/' ? 'index.html' : path)
  return isInsideFolder(root, file) ? { file } : NOT_FOUND
}

function isInsideFolder(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(sep) ? root : root + sep)
}

async function serveFile(root: string, request: Request): Promise<Response> {
  const target = rendererTargetFor(root, request.url)
  if ('status' in target) return plainText(target.status)
  // Files only: a folder would get Chromium's directory listing, and a missing file makes net.fetch reject.
  if (!(await isFile(target.file))) return plainText(404)
  let response: Response
  try {
    response = await net.fetch(pathToFileURL(target.file).toString())
  } catch {
    return plainText(404)
  }
  const headers = securityHeaders(response.headers)
  if (extname(target.file) === '.html') headers.set('Content-Type', 'text/html; charset=utf-8')
  return new Response(response.body, { status: response.status, headers })
}

function securityHeaders(init?: HeadersInit): Headers {
  const headers = new Headers(init)
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}

const STATUS_TEXT = { 400: 'Bad request', 404: 'Not found', 500: 'Internal error' } as const

function plainText(status: keyof typeof STATUS_TEXT): Response {
  return new Response(STATUS_TEXT[status], { status, headers: securityHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }) })
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false
  )
}
