#!/usr/bin/env node
// The installed `factmark` command (npm link, or npm install -g . from a clone) runs the CLI built by `npm run build`.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('factmark: the command line is not built yet; run `npm run build` in the Factmark folder first\n')
  process.exit(1)
}
await import(cli.href)
