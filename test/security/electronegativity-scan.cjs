// Runs @doyensec/electronegativity over one folder, offline, and writes {issues, errors} as JSON to a file
// (not stdout: the tool logs there).
// Run as its own process (electronegativity.test.ts does) so the tool's globals (i18n's `__`) and its console
// chatter stay out of vitest.
//
// Usage: node electronegativity-scan.cjs <folder> <electron version> <result.json>
//
// Why the library rather than the CLI's `-o report.csv`: the CLI always exits 0, with -o it drops parse errors
// (a file it could not parse is a file silently not scanned), and it writes the CSV header and body with two
// concurrent fs.writeFile calls on the same file, so the file can come out incomplete. The library's run() returns
// both the issues and the parse errors.
'use strict'

const Module = require('node:module')
const { writeFileSync } = require('node:fs')
const path = require('node:path')

const [folder, electronVersion, resultFile] = process.argv.slice(2)
if (!folder || !electronVersion || !resultFile) {
  console.error('usage: node electronegativity-scan.cjs <folder> <electron version> <result.json>')
  process.exit(2)
}

// Offline by construction. The tool reaches the network in two places, both through `got`:
//  - locales/i18n.js fetches translations from S3 on every run (1 s timeout, then falls back to the bundled en-US);
//  - AvailableSecurityFixesGlobalCheck fetches github.com/electron/releases (no timeout) and also reads whatever
//    `releases.*` file an earlier online run left in the temp folder. It checks the Electron version in a
//    package.json, and there is none under src, so it is excluded below.
// The one `got` both load is replaced by one that fails at once, so no run waits for, or depends on, the network.
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))
const gotPath = require.resolve('got', { paths: [path.join(toolDir, 'dist', 'locales')] })
const offline = () => Promise.reject(new Error('electronegativity-scan: network disabled'))
offline.head = offline
offline.get = offline
const stub = new Module(gotPath)
stub.filename = gotPath
stub.loaded = true
stub.exports = offline
require.cache[gotPath] = stub

// Bundled en-US texts, whatever the machine's locale (i18n.js picks the locale from LANG).
process.env.LANG = 'en-US'

const run = require('@doyensec/electronegativity')

run({
  input: path.resolve(folder),
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  customScan: [],
  parserPlugins: []
})
  .then((result) => {
    const issues = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      sample: issue.sample ?? null,
      manualReview: Boolean(issue.manualReview)
    }))
    writeFileSync(
      resultFile,
      JSON.stringify({
        atomicChecks: result.atomicChecks,
        globalChecks: result.globalChecks,
        issues,
        errors: result.errors
      })
    )
  })
  .catch((error) => {
    console.error(error && error.stack ? error.stack : error)
    process.exit(1)
  })
