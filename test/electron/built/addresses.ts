// The app:// addresses the built protocol handler is asked for, and what each must get. Shared by the driver (which
// asks) and the test (which checks), so both see one list.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface Address {
  url: string
  /** 200: this file of out/renderer, byte for byte. */
  file?: string
  status: 200 | 400 | 404
  why: string
}

/** Refused addresses aim at real files outside out/renderer (the built main and preload), so serving one would show. */
const REFUSED: Address[] = [
  { url: 'app://factmark/..%2fmain%2findex.js', status: 404, why: 'an encoded slash after ..' },
  { url: 'app://factmark/%2e%2e%2fpreload%2findex.cjs', status: 404, why: 'encoded dots and slash' },
  { url: 'app://factmark/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js', status: 404, why: 'two levels up from assets' },
  { url: 'app://factmark/..%5cmain%5cindex.js', status: 404, why: 'encoded backslashes' },
  { url: 'app://factmark/%252e%252e%252fmain%252findex.js', status: 404, why: 'double encoding' },
  { url: 'app://factmark/%2fetc%2fpasswd', status: 404, why: 'an encoded absolute path' },
  { url: 'app://factmark//etc/passwd', status: 404, why: 'an absolute path' },
  { url: 'app:///etc/passwd', status: 404, why: 'no host' },
  { url: 'app://evil/index.html', status: 404, why: 'another host' },
  { url: 'app://factmark.evil/index.html', status: 404, why: 'a look-alike host' },
  { url: 'app://factmark:99/index.html', status: 404, why: 'a port' },
  { url: 'app://factmark/nothing-here.js', status: 404, why: 'a missing file' },
  { url: 'app://factmark/assets/', status: 404, why: 'a folder' },
  { url: 'app://factmark/%', status: 400, why: 'a lone %' },
  { url: 'app://factmark/%E0%A4%A', status: 400, why: 'a truncated escape' },
  { url: 'app://factmark/index.html%00.js', status: 400, why: 'a NUL byte' }
]

export function addresses(rendererDir: string): Address[] {
  const assets = readdirSync(join(rendererDir, 'assets')).map((name) => `assets/${name}`)
  return [
    { url: 'app://factmark/index.html', file: 'index.html', status: 200, why: 'the page' },
    { url: 'app://factmark/', file: 'index.html', status: 200, why: 'the root' },
    { url: 'app://factmark/index.html?article=x#claim-1', file: 'index.html', status: 200, why: 'a query and hash' },
    { url: 'app://factmark/favicon.svg', file: 'favicon.svg', status: 200, why: 'the icon' },
    ...assets.map((file) => ({ url: `app://factmark/${file}`, file, status: 200 as const, why: 'a built asset' })),
    ...REFUSED
  ]
}
