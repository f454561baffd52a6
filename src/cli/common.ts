// What every CLI command shares: its input and output, how its arguments are read and its workspace opened, how an
// article is named on the command line.
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { FactmarkError } from '../core/errors'
import type { ArticleSummary } from '../core/model'
import { resolveWorkspaceDir } from '../main/workspace/location'
import { openWorkspace, type TrashedArticle, type Workspace } from '../main/workspace/workspace'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  env: NodeJS.ProcessEnv
}


/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** An article by id, or by words of its title when exactly one title contains them. */
export function findArticle(articles: ArticleSummary[], query: string): ArticleSummary {
  return findByIdOrTitle(articles, query, 'factmark list')
}

export function findTrashed(trash: TrashedArticle[], query: string): TrashedArticle {
  return findByIdOrTitle(trash, query, 'factmark trash')
}

function findByIdOrTitle<T extends { id: string; title: string }>(items: T[], query: string, lister: string): T {
  const byId = items.find((a) => a.id === query)
  if (byId) return byId
  const needle = query.trim().toLocaleLowerCase()
  const matches = needle ? items.filter((a) => a.title.toLocaleLowerCase().includes(needle)) : []
  const shown = query.length > 80 ? `${query.slice(0, 79)}…` : query
  const where = lister === 'factmark trash' ? 'in the trash' : 'in the workspace'
  if (matches.length === 1) return matches[0]!
  if (matches.length === 0) throw new FactmarkError('not-found', `no article ${where} with the id or title "${shown}" (${lister} shows them)`)
  throw new FactmarkError('invalid-argument', `"${shown}" matches ${matches.length} articles; use an id (${lister} shows them)`)
}

export function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!)
  }
}

/** Workspaces opened by a run, closed when it ends (checkpoints written, the log's lock released). */
export const openedBy = new WeakMap<CliIo, Workspace[]>()

export async function open(workspaceArg: string | undefined, io: CliIo): Promise<Workspace> {
  const dir = resolveWorkspaceDir(workspaceArg ? ['--workspace', workspaceArg] : [], io.env, '')
  if (!dir) throw new UsageError('no workspace: pass --workspace DIR or set FACTMARK_WORKSPACE')
  // A command run does its work and ends; the app (which may have this workspace open) watches for it.
  const workspace = await openWorkspace(dir, { fallbackReviewer: safeUserName(), watch: false })
  openedBy.set(io, [...(openedBy.get(io) ?? []), workspace])
  return workspace
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined
  }
}
