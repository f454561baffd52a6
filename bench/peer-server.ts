// A bare page for the peer, @recogito/text-annotator 4.1.1, on its own 127.0.0.1 static server (never in the
// same page as Factmark: its CSS renderer clears CSS.highlights). Its dist/text-annotator.es.js and .css are
// served verbatim from node_modules; the bare module specifiers it imports resolve through an import map to
// each dependency bundled on its own (esbuild, unminified) from the versions installed beside it.

import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { PEER_SCRIPT } from './page-scripts'

export interface PeerServer {
  url: string
  version: string
  close(): Promise<void>
  setData(label: string, json: string): void
}

export async function startPeerServer(projectRoot: string): Promise<PeerServer> {
  const pkgDir = join(projectRoot, 'node_modules', '@recogito', 'text-annotator')
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version
  const esPath = join(pkgDir, 'dist', 'text-annotator.es.js')
  const cssPath = join(pkgDir, 'dist', 'text-annotator.css')
  const es = readFileSync(esPath, 'utf8')

  // What it imports from each bare specifier: named bindings and/or the default export.
  const wanted = new Map<string, Set<string>>()
  const add = (spec: string, name: string) => (wanted.get(spec) ?? wanted.set(spec, new Set()).get(spec)!).add(name)
  for (const m of es.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0]!.trim()
      if (name) add(m[2]!, name)
    }
  }
  for (const m of es.matchAll(/import\s+([A-Za-z_$][\w$]*)\s+from\s*"([^"]+)"/g)) add(m[2]!, 'default')
  const modules = new Map<string, string>()
  const imports: Record<string, string> = {}
  for (const [spec, names] of wanted) {
    const contents = `export { ${[...names].join(', ')} } from ${JSON.stringify(spec)}`
    const out = await build({
      stdin: { contents, resolveDir: pkgDir, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      minify: false,
      logLevel: 'silent'
    })
    const path = `/deps/${spec.replace(/[^a-z0-9]+/gi, '_')}.js`
    modules.set(path, out.outputFiles[0]!.text)
    imports[spec] = path
  }

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>peer</title>
<script type="importmap">${JSON.stringify({ imports })}</script>
<link rel="stylesheet" href="/ta/text-annotator.css">
<style>
  /* The same reading column as Factmark's article view (font, size, line height, width, paragraph spacing). */
  html, body { margin: 0; background: #fff; color: #1d2430; }
  #text { max-width: 40rem; margin: 0 auto; padding: 2.25rem 2rem 4rem;
    font-family: 'Iowan Old Style', 'Charter', 'Georgia', 'DejaVu Serif', 'Liberation Serif', serif;
    font-size: 1.12rem; line-height: 1.75; }
  #text p { margin: 0 0 1.1em; white-space: pre-wrap; }
</style></head>
<body><div id="text"></div><script type="module" src="/peer.js"></script></body></html>`

  const data = new Map<string, string>()
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' })
      response.end(body)
    }
    try {
      if (path === '/' || path === '/peer.html') return send('text/html; charset=utf-8', html)
      if (path === '/peer.js') return send('text/javascript; charset=utf-8', PEER_SCRIPT)
      if (path === '/ta/text-annotator.es.js') return send('text/javascript; charset=utf-8', await readFile(esPath))
      if (path === '/ta/text-annotator.css') return send('text/css; charset=utf-8', await readFile(cssPath))
      const module = modules.get(path)
      if (module) return send('text/javascript; charset=utf-8', module)
      const m = /^\/data\/([\w-]+)\.json$/.exec(path)
      if (m && data.has(m[1]!)) return send('application/json', data.get(m[1]!)!)
      response.writeHead(404).end()
    } catch {
      response.writeHead(500).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('peer server has no port')
  return {
    url: `http://127.0.0.1:${address.port}/peer.html`,
    version,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    setData: (label, json) => void data.set(label, json)
  }
}
