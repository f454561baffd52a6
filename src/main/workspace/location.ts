import { resolve } from 'node:path'

/** The workspace folder: `--workspace DIR` (or `--workspace=DIR`), else FACTMARK_WORKSPACE, else the default. */
export function resolveWorkspaceDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const fromArgs = workspaceArg(argv)
  if (fromArgs) return resolve(fromArgs)
  if (env.FACTMARK_WORKSPACE?.trim()) return resolve(env.FACTMARK_WORKSPACE)
  return fallback
}

function workspaceArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--workspace') return argv[i + 1]
    if (arg.startsWith('--workspace=')) return arg.slice('--workspace='.length)
  }
  return undefined
}
