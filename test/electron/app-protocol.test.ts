import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { registerAppScheme, rendererTargetFor, serveRenderer } from '../../src/main/electron/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../src/main/content-security-policy'
import { electronDouble, resetElectronDouble } from '../doubles/electron'
import { tempDir } from '../helpers/temp-dir'

/** A built renderer in a temporary folder, with a secret file beside it that must never be served. */
async function servedRenderer() {
  const dir = await tempDir()
  const root = join(dir, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Factmark</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(dir, 'secret.txt'), 'the workspace password')
  serveRenderer(root)
  const handler = electronDouble.protocolHandlers.get('app')!
  const get = (url: string) => handler(new Request(url)) as Promise<Response>
  return { root, get }
}

beforeEach(() => resetElectronDouble())

describe('the app:// protocol', () => {
  it('registers app: as a standard, secure scheme before the app is ready', () => {
    registerAppScheme()
    expect(electronDouble.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
  })

  it.each(['app://factmark/index.html', 'app://factmark/', 'app://factmark/index.html?article=x#claim-1'])(
    'serves index.html for %s with the Content-Security-Policy',
    async (url) => {
      const { get } = await servedRenderer()
      const response = await get(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect(await response.text()).toBe('<!doctype html><title>Factmark</title>')
    }
  )

  it('serves the built scripts with the policy too', async () => {
    const { get } = await servedRenderer()
    const response = await get('app://factmark/assets/index-abc.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toBe('console.log(1)')
  })

  const refused = async (response: Response, status: number) => {
    expect(response.status).toBe(status)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).not.toContain('password')
  }

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://factmark.evil/index.html'],
    ['a host with a port', 'app://factmark:99/index.html'],
    ['no host, an absolute path', 'app:///etc/passwd'],
    ['a path out of the folder', 'app://factmark/../../secret.txt'],
    ['a percent-encoded path out of the folder', 'app://factmark/%2e%2e%2fsecret.txt'],
    ['an encoded slash after dots', 'app://factmark/..%2fsecret.txt'],
    ['a doubly disguised path out', 'app://factmark/assets/%2e%2e/%2e%2e%2fsecret.txt'],
    ['a doubly encoded path out', 'app://factmark/%252e%252e%252fsecret.txt'],
    ['encoded backslashes', 'app://factmark/..%5csecret.txt'],
    ['a path out to /etc', 'app://factmark/../../etc/passwd'],
    ['an encoded absolute path', 'app://factmark/%2fetc%2fpasswd'],
    ['an encoded path out to /etc', 'app://factmark/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['a missing file', 'app://factmark/nothing-here.js'],
    ['a folder', 'app://factmark/assets/']
  ])('answers 404 for %s (%s), never the file', async (_what, url) => {
    const { get } = await servedRenderer()
    await refused(await get(url), 404)
  })

  it.each([
    ['a lone percent sign', 'app://factmark/%'],
    ['a truncated escape', 'app://factmark/%E0%A4%A'],
    ['an escape that is not UTF-8', 'app://factmark/%C0%AF..%C0%AFsecret.txt'],
    ['a NUL byte', 'app://factmark/index.html%00.js']
  ])('answers 400 for %s (%s), and never rejects', async (_what, url) => {
    const { get } = await servedRenderer()
    await refused(await get(url), 400)
  })

  it('answers 500 rather than rejecting when something unexpected breaks', async () => {
    await servedRenderer()
    const handler = electronDouble.protocolHandlers.get('app')!
    const broken = {
      get url(): string {
        throw new Error('request torn down')
      }
    } as unknown as Request
    await refused(await (handler(broken) as Promise<Response>), 500)
  })
})

describe('rendererTargetFor', () => {
  it('maps app://factmark/ addresses into the folder and nothing else', () => {
    expect(rendererTargetFor('/opt/r', 'app://factmark/')).toEqual({ file: '/opt/r/index.html' })
    expect(rendererTargetFor('/opt/r', 'app://factmark/assets/a.js?v=1')).toEqual({ file: '/opt/r/assets/a.js' })
    expect(rendererTargetFor('/opt/r', 'app://factmark/%2e%2e%2fr-other/x')).toEqual({ status: 404 })
    expect(rendererTargetFor('/opt/r', 'app://factmark/%2e%2e%2fr')).toEqual({ status: 404 })
    expect(rendererTargetFor('/opt/r', 'http://factmark/index.html')).toEqual({ status: 404 })
    expect(rendererTargetFor('/opt/r', 'not a url')).toEqual({ status: 400 })
    expect(rendererTargetFor('/opt/r', 'app://factmark/%')).toEqual({ status: 400 })
  })
})
