import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

// Electronegativity (Doyensec's Electron security scanner) over src, offline: see electronegativity-scan.cjs for how.

interface Finding {
  id: string
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'
  confidence: string
  file: string
  line: number
  column: number
  sample: string | null
  manualReview: boolean
}
interface Scan {
  atomicChecks: number
  globalChecks: number
  issues: Finding[]
  errors: { file: string; message: string; tolerable: boolean }[]
}

const root = fileURLToPath(new URL('../../', import.meta.url))

// Review-only checks: they fire on any use of a preload or of openExternal, not on a misconfiguration. Each use is
// answered by a test instead:
//  - PRELOAD_JS_CHECK: test/electron/glue.test.ts 'exposes window.factmark and nothing else'
//  - OPEN_EXTERNAL_JS_CHECK: test/electron/glue.test.ts 'hands a checked web link to the system browser' (and the
//    refusals beside it)
const REVIEWED = new Set(['PRELOAD_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK'])
const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM'])

let scan: Scan

beforeAll(async () => {
  const electron = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).devDependencies.electron as string
  // The checks depend on Electron's defaults for the version; a range would leave the scanner guessing.
  expect(electron, 'package.json pins electron to an exact version').toMatch(/^\d+\.\d+\.\d+$/)
  const dir = await mkdtemp(join(tmpdir(), 'factmark-electronegativity-'))
  try {
    const result = join(dir, 'result.json')
    await promisify(execFile)(
      process.execPath,
      [join(root, 'test/security/electronegativity-scan.cjs'), join(root, 'src'), electron, result],
      { cwd: root, timeout: 90_000 }
    )
    scan = JSON.parse(await readFile(result, 'utf8')) as Scan
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}, 120_000) // about 3 s alone; more when the whole suite shares the cores

const describeFinding = (f: Finding) =>
  `${f.id} ${f.severity}/${f.confidence} ${f.file === 'N/A' ? '(whole app)' : `src/${f.file}:${f.line}:${f.column}`}` +
  (f.sample ? `  ${f.sample.trim()}` : '')

describe('electronegativity over src', () => {
  it('parses every file it reads (a file it cannot parse is a file it did not check)', () => {
    expect(scan.errors).toEqual([])
  })

  it('actually checks the app: it sees the preload of the main window', () => {
    // Guards against a pass by scanning nothing (wrong folder, no checks loaded).
    expect(scan.atomicChecks).toBeGreaterThan(0)
    expect(scan.issues.map(describeFinding)).toContainEqual(
      expect.stringMatching(/^PRELOAD_JS_CHECK .* src\/main\/electron\/window\.ts:/)
    )
  })

  it('finds nothing of HIGH or MEDIUM severity beyond the review-only checks', () => {
    const failing = scan.issues
      .filter((f) => FAILING_SEVERITIES.has(f.severity) && !REVIEWED.has(f.id))
      .map(describeFinding)
      .sort()
    expect(failing, `electronegativity findings:\n${failing.join('\n')}\n`).toEqual([])
  })
})
