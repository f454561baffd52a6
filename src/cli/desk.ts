// The desk's commands: sharing an article through a CouchDB server, joining one, syncing, bundles without a server,
// and the review status. Credentials come from FACTMARK_SERVER_USER and FACTMARK_SERVER_PASSWORD.
import { FactmarkError } from '../core/errors'
import { REVIEW_STATUS_LABELS } from '../core/history'
import { hasDisagreement } from '../core/disagreement'
import { REVIEW_STATUSES, type ReviewStatus } from '../core/model'
import { reviewStatusOf } from '../core/ops'
import { bundleOf, readBundle } from '../main/sync/bundle'
import { environmentCredentials } from '../main/sync/credentials'
import { Desk } from '../main/sync/desk'
import { writeFileDurably } from '../main/workspace/durable-write'
import type { Workspace } from '../main/workspace/workspace'
import { UsageError, findArticle, open, parse, type CliIo } from './common'

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`

function signInFrom(io: CliIo): { user: string; password: string } {
  const credentials = environmentCredentials(io.env)
  const password = io.env.FACTMARK_SERVER_PASSWORD
  if (!credentials.user || !password) throw new UsageError('sign in to the server with FACTMARK_SERVER_USER and FACTMARK_SERVER_PASSWORD')
  return { user: credentials.user, password }
}

/** The workspace's desk for one command (one exchange at a time, no live sync), closed when it is done. */
async function withDesk<T>(workspace: Workspace, io: CliIo, run: (desk: Desk) => Promise<T>): Promise<T> {
  const desk = await Desk.open(workspace, environmentCredentials(io.env), { live: false })
  try {
    return await run(desk)
  } finally {
    await desk.close()
  }
}

export async function shareCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, server: { type: 'string' }, members: { type: 'string' } })
  if (positionals.length !== 1 || !values.server) throw new UsageError('share takes an ARTICLE and --server URL (factmark share ARTICLE --server URL [--members USER,USER])')
  const signIn = signInFrom(io)
  const workspace = await open(values.workspace, io)
  const id = findArticle(workspace.listArticles(), positionals[0]!).id
  const members = (values.members ?? '').split(',').map((m) => m.trim()).filter(Boolean)
  io.out((await withDesk(workspace, io, (desk) => desk.share(id, values.server!, signIn, members))).database)
  return 0
}

export async function joinCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, server: { type: 'string' } })
  if (positionals.length !== 1 || !values.server) throw new UsageError('join takes a DATABASE and --server URL (factmark join DATABASE --server URL)')
  const signIn = signInFrom(io)
  const workspace = await open(values.workspace, io)
  io.out((await withDesk(workspace, io, (desk) => desk.join(values.server!, positionals[0]!, signIn))).articleId)
  return 0
}

export async function syncCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length > 1) throw new UsageError('sync takes at most one ARTICLE (factmark sync [ARTICLE])')
  const workspace = await open(values.workspace, io)
  const id = positionals[0] === undefined ? undefined : findArticle(workspace.listArticles(), positionals[0]).id
  return withDesk(workspace, io, async (desk) => {
    const shared = desk.list()
    if (shared.length === 0 && id === undefined) {
      io.out('no shared articles in this workspace (factmark share or factmark join adds one)')
      return 0
    }
    for (const status of id === undefined ? shared : shared.filter((s) => s.articleId === id)) {
      if (status.state === 'signed-out') throw new FactmarkError('forbidden', `sign in as ${status.user} with FACTMARK_SERVER_USER and FACTMARK_SERVER_PASSWORD to sync ${status.database}`)
    }
    for (const counts of await desk.exchange(id)) {
      const refused = counts.refused.length ? `, ${plural(counts.refused.length, 'change')} refused: ${counts.refused[0]}` : ''
      io.out(`${counts.articleId}\t${counts.database}\t${counts.sent} sent, ${counts.received} received${refused}`)
    }
    return 0
  })
}

export async function bundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, out: { type: 'string' } })
  if (positionals.length !== 1 || !values.out) throw new UsageError('bundle takes an ARTICLE and --out FILE (factmark bundle ARTICLE --out FILE)')
  const workspace = await open(values.workspace, io)
  const doc = workspace.getArticle(findArticle(workspace.listArticles(), positionals[0]!).id)
  await writeFileDurably(values.out, bundleOf(doc))
  io.out(`${values.out}\t${plural(doc.log.length, 'change')}`)
  return 0
}

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length !== 1) throw new UsageError('merge takes one bundle FILE (factmark merge FILE)')
  const bundle = await readBundle(positionals[0]!)
  const workspace = await open(values.workspace, io)
  const refused = Array.from({ length: bundle.unreadable }, () => ({ op: { name: 'someone', at: 'an unknown time' }, reason: 'it is not a change Factmark can read' }))
  const result = await workspace.mergeOperations(bundle.articleId, bundle.operations, { origin: `the bundle ${positionals[0]!.slice(-120)}`, refused })
  const refusedCount = result.refused.length + bundle.unreadable
  const first = result.refused[0]?.reason ?? (bundle.unreadable ? 'it is not a change Factmark can read' : '')
  io.out(`${bundle.articleId}\t${result.created ? 'added, ' : ''}${plural(result.added.length, 'change')} merged${refusedCount ? `, ${refusedCount} refused: ${first}` : ''}`)
  return 0
}

export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, yes: { type: 'boolean' } })
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError(`status takes an ARTICLE and optionally a STATUS: ${REVIEW_STATUSES.join(' | ')}`)
  const workspace = await open(values.workspace, io)
  const id = findArticle(workspace.listArticles(), positionals[0]!).id
  const wanted = positionals[1]
  if (wanted === undefined) {
    const doc = workspace.getArticle(id)
    const status = doc.status
    io.out(status ? `${REVIEW_STATUS_LABELS[status.status]}\t${doc.people[status.by] ?? status.by}\t${status.at}` : REVIEW_STATUS_LABELS['in-progress'])
    return 0
  }
  if (!(REVIEW_STATUSES as readonly string[]).includes(wanted)) throw new UsageError(`"${wanted.slice(0, 40)}" is not a status: ${REVIEW_STATUSES.join(' | ')}`)
  const status = wanted as ReviewStatus
  const doc = workspace.getArticle(id)
  if (status === 'approved' && !values.yes) {
    const unreviewed = doc.claims.filter((c) => c.verdict === 'unreviewed').length
    const disputed = doc.claims.filter(hasDisagreement).length
    if (unreviewed || disputed) {
      const what = [unreviewed ? `${plural(unreviewed, 'claim')} unreviewed` : '', disputed ? `reviewers disagree on ${plural(disputed, 'claim')}` : ''].filter(Boolean).join(' and ')
      throw new FactmarkError('conflict', `not approved: ${what}; approve anyway with --yes`)
    }
  }
  await workspace.applyOperation(id, (latest) => ({ type: 'article.setStatus', status, previous: reviewStatusOf(latest) }))
  io.out(REVIEW_STATUS_LABELS[status])
  return 0
}
