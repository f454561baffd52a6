import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { registerAppScheme, rendererFileFor, serveRenderer } from '../../src/main/electron/app-protocol'
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

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://factmark.evil/index.html'],
    ['a host with a port', 'app://factmark:99/index.html'],
    ['a path out of the folder', 'app://factmark/../../secret.txt'],
    ['a percent-encoded path out of the folder', 'app://factmark/%2e%2e%2fsecret.txt'],
    ['a doubly disguised path out', 'app://factmark/assets/%2e%2e/%2e%2e%2fsecret.txt'],
    ['a path out to /etc', 'app://factmark/../../etc/passwd'],
    ['an encoded path out to /etc', 'app://factmark/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['a malformed escape', 'app://factmark/%E0%A4%A'],
    ['a NUL byte', 'app://factmark/index.html%00.js'],
    ['a missing file', 'app://factmark/nothing-here.js'],
    ['a folder', 'app://factmark/assets/']
  ])('answers 404 for %s (%s), never the file and never an exception', async (_what, url) => {
    const { get } = await servedRenderer()
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('password')
  })
})

describe('rendererFileFor', () => {
  it('maps app://factmark/ addresses into the folder and nothing else', () => {
    expect(rendererFileFor('/opt/r', 'app://factmark/')).toBe('/opt/r/index.html')
    expect(rendererFileFor('/opt/r', 'app://factmark/assets/a.js?v=1')).toBe('/opt/r/assets/a.js')
    expect(rendererFileFor('/opt/r', 'app://factmark/%2e%2e%2fr-other/x')).toBeNull()
    expect(rendererFileFor('/opt/r', 'app://factmark/%2e%2e%2fr')).toBeNull()
    expect(rendererFileFor('/opt/r', 'http://factmark/index.html')).toBeNull()
  })
})
