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
  protocol.handle(APP_SCHEME, (request) => serveFile(root, request.url))
}

/**
 * The file of the built renderer an app:// address names, or null when it names anything else: another host, a
 * way out of the folder (`..`, also percent-encoded), a malformed escape or a NUL byte.
 */
export function rendererFileFor(root: string, address: string): string | null {
  let url: URL
  let path: string
  try {
    url = new URL(address)
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (!isAppUrl(url) || path.includes('\0')) return null
  const file = join(root, path === '' || path === '/' ? 'index.html' : path)
  return isInsideFolder(root, file) ? file : null
}

function isInsideFolder(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(sep) ? root : root + sep)
}

async function serveFile(root: string, address: string): Promise<Response> {
  const file = rendererFileFor(root, address)
  // Files only: a folder would get Chromium's directory listing, and a missing file makes net.fetch reject.
  if (!file || !(await isFile(file))) return notFound()
  let response: Response
  try {
    response = await net.fetch(pathToFileURL(file).toString())
  } catch {
    return notFound()
  }
  const headers = securityHeaders(response.headers)
  if (extname(file) === '.html') headers.set('Content-Type', 'text/html; charset=utf-8')
  return new Response(response.body, { status: response.status, headers })
}

function securityHeaders(init?: HeadersInit): Headers {
  const headers = new Headers(init)
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}

function notFound(): Response {
  const headers = securityHeaders({ 'Content-Type': 'text/plain; charset=utf-8' })
  return new Response('Not found', { status: 404, headers })
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false
  )
}
