import { parseArgs } from 'node:util'
import { userInfo } from 'node:os'
import { FactmarkError } from '../core/errors'
import { importTextFile } from '../main/import/text-file'
import { resolveWorkspaceDir } from '../main/workspace/location'
import { openWorkspace } from '../main/workspace/workspace'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  env: NodeJS.ProcessEnv
}

const USAGE = `Usage:
  factmark import FILE --workspace DIR [--title TITLE]   import a .txt article; prints its id
  factmark list --workspace DIR                          one line per article: id, title, claims
The workspace may also be given as FACTMARK_WORKSPACE=DIR.`

class UsageError extends Error {}

/** Runs one CLI command; returns the exit code. Errors are one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv
    switch (command) {
      case 'import':
        return await importCommand(rest, io)
      case 'list':
        return await listCommand(rest, io)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command "${command}" (try: factmark help)`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`factmark: ${error.message}`)
      return 2
    }
    const message = error instanceof FactmarkError ? error.message : `unexpected error: ${(error as Error)?.message ?? error}`
    io.err(`factmark: ${message.replace(/\s*\n\s*/g, ' ')}`)
    return 1
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, title: { type: 'string' } })
  if (positionals.length !== 1) throw new UsageError('import takes one FILE (factmark import FILE --workspace DIR)')
  const workspace = await open(values.workspace, io)
  const article = await importTextFile(positionals[0]!, { title: values.title })
  const created = await workspace.createArticle(article)
  io.out(created.id)
  return 0
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length > 0) throw new UsageError(`list takes no arguments, got "${positionals[0]}"`)
  const workspace = await open(values.workspace, io)
  for (const problem of workspace.problems()) {
    io.err(`factmark: warning: ${problem.file} ${problem.movedTo ? `was moved aside to ${problem.movedTo}` : 'was skipped'}: ${problem.reason}`)
  }
  for (const a of workspace.listArticles()) io.out(`${a.id}\t${a.title}\t${a.claims} ${a.claims === 1 ? 'claim' : 'claims'}`)
  return 0
}

function parse<T extends Record<string, { type: 'string' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!)
  }
}

async function open(workspaceArg: string | undefined, io: CliIo) {
  const dir = resolveWorkspaceDir(workspaceArg ? ['--workspace', workspaceArg] : [], io.env, '')
  if (!dir) throw new UsageError('no workspace: pass --workspace DIR or set FACTMARK_WORKSPACE')
  return openWorkspace(dir, { fallbackReviewer: safeUserName() })
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined
  }
}
