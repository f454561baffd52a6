// Starts run-built-main.ts in a child Node (the module hook it registers is process-wide) and reads its one result.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { RESULT_MARKER, type BuiltMainResult } from './result'

export async function runBuiltMain(projectRoot: string, outDir: string): Promise<{ result: BuiltMainResult; stderr: string }> {
  const driver = join(import.meta.dirname, 'run-built-main.ts')
  const env = { ...process.env }
  delete env.ELECTRON_RENDERER_URL
  delete env.FACTMARK_WORKSPACE
  const child = spawn(process.execPath, ['--import', 'tsx', driver, outDir], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const stuck = setTimeout(() => child.kill('SIGKILL'), 60_000) // a hung driver must not outlive the test run
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  }).finally(() => clearTimeout(stuck))
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER))
  // The child's stack is quoted behind '| ': vitest would otherwise take its lines for frames of this error and choke.
  const quoted = stderr.slice(-4000).replace(/^/gm, '| ')
  if (code !== 0 || !line) throw new Error(`the built main's driver exited with ${code} and no result:\n${quoted}`)
  return { result: JSON.parse(line.slice(RESULT_MARKER.length)) as BuiltMainResult, stderr }
}
