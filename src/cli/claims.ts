// `factmark claim …` and `factmark claims`: claims for scripts and batch work, through the same store and operations as
// the app (so they work while the app has the workspace open, and the app shows them at once).
import { newClaimOperation } from '../core/new-claim'
import { verdictsInForce } from '../core/disagreement'
import { FactmarkError } from '../core/errors'
import { newId } from '../core/ids'
import { checkSourceUrl } from '../core/links'
import { STANCES, VERDICTS, type ArticleDoc, type Claim, type OperationBody, type Stance, type Verdict } from '../core/model'
import type { Workspace } from '../main/workspace/workspace'
import { UsageError, findArticle, open, parse, type CliIo } from './common'

export async function claimCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  switch (sub) {
    case 'add':
      return addClaim(rest, io)
    case 'set':
      return setClaim(rest, io)
    case 'note':
      return noteClaim(rest, io)
    case 'assign':
      return assignClaim(rest, io)
    default:
      throw new UsageError(sub ? `unknown claim command "${sub}" (claim add, set, note or assign)` : 'claim needs add, set, note or assign (factmark help)')
  }
}

async function addClaim(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    workspace: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    verdict: { type: 'string' },
    note: { type: 'string' },
    source: { type: 'string' },
    'source-title': { type: 'string' },
    stance: { type: 'string' }
  })
  if (positionals.length !== 1) throw new UsageError('claim add takes one ARTICLE (factmark claim add ARTICLE --quote TEXT)')
  if (!values.quote?.trim()) throw new UsageError('claim add needs --quote TEXT: the words of the claim, as they are in the article')
  const verdict = values.verdict === undefined ? undefined : verdictOf(values.verdict)
  const occurrence = values.occurrence === undefined ? undefined : occurrenceOf(values.occurrence)
  const stance = values.stance === undefined ? 'supports' : stanceOf(values.stance)
  if ((values['source-title'] !== undefined || values.stance !== undefined) && values.source === undefined) {
    throw new UsageError('--source-title and --stance go with --source URL')
  }
  const link = values.source === undefined ? undefined : checkSourceUrl(values.source)
  if (link && !link.ok) throw new FactmarkError('unsafe-url', link.message)

  const workspace = await open(values.workspace, io)
  const id = findArticle(workspace.listArticles(), positionals[0]!).id
  const claimId = newId()
  const at = new Date().toISOString()
  await workspace.applyOperation(id, (doc) => {
    const { start, end } = locate(doc, values.quote!, occurrence)
    return newClaimOperation(doc.article.text, { start, end }, { id: claimId, at })
  })
  if (verdict && verdict !== 'unreviewed') await apply(workspace, id, claimId, (claim) => ({ type: 'claim.setVerdict', claimId, verdict, previous: claim.verdict }))
  if (values.note !== undefined) await apply(workspace, id, claimId, () => noteBody(claimId, values.note!))
  if (link?.ok) {
    const url = link.url
    await apply(workspace, id, claimId, () => ({
      type: 'claim.addSource',
      claimId,
      source: { id: newId(), url, title: values['source-title']?.trim() || new URL(url).hostname, publisher: '', excerpt: '', stance, accessedAt: at.slice(0, 10), by: '', at }
    }))
  }
  io.out(claimId)
  return 0
}

async function setClaim(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    workspace: { type: 'string' },
    verdict: { type: 'string' },
    conclusion: { type: 'string' },
    claimant: { type: 'string' },
    tags: { type: 'string' }
  })
  if (positionals.length !== 2) throw new UsageError('claim set takes an ARTICLE and a CLAIM id (factmark claim set ARTICLE CLAIM --verdict V)')
  const given = (['verdict', 'conclusion', 'claimant', 'tags'] as const).filter((key) => values[key] !== undefined)
  if (given.length !== 1) throw new UsageError('claim set takes exactly one of --verdict, --conclusion, --claimant or --tags')
  const verdict = values.verdict === undefined ? undefined : verdictOf(values.verdict)
  const workspace = await open(values.workspace, io)
  const id = findArticle(workspace.listArticles(), positionals[0]!).id
  const claimId = positionals[1]!
  await apply(workspace, id, claimId, (claim) => {
    if (verdict) return { type: 'claim.setVerdict', claimId, verdict, previous: claim.verdict }
    if (values.conclusion !== undefined) return { type: 'claim.setConclusion', claimId, conclusion: values.conclusion.trim(), previous: claim.conclusion }
    if (values.claimant !== undefined) return { type: 'claim.setClaimant', claimId, claimant: values.claimant.trim(), previous: claim.claimant }
    const tags = [...new Set(values.tags!.split(',').map((t) => t.trim()).filter(Boolean))]
    return { type: 'claim.setTags', claimId, tags, previous: claim.tags }
  })
  io.out(claimId)
  return 0
}

async function noteClaim(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length !== 3) throw new UsageError('claim note takes an ARTICLE, a CLAIM id and the TEXT of the note')
  if (!positionals[2]!.trim()) throw new UsageError('the note is empty')
  const workspace = await open(values.workspace, io)
  const id = findArticle(workspace.listArticles(), positionals[0]!).id
  const claimId = positionals[1]!
  await apply(workspace, id, claimId, () => noteBody(claimId, positionals[2]!))
  io.out(claimId)
  return 0
}

/** Gives a claim to a reviewer of the article (by name, as the article knows them), or with --none to no one. */
async function assignClaim(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, none: { type: 'boolean' } })
  if (positionals.length !== (values.none ? 2 : 3)) throw new UsageError('claim assign takes an ARTICLE, a CLAIM id and a REVIEWER name (or --none)')
  const workspace = await open(values.workspace, io)
  const id = findArticle(workspace.listArticles(), positionals[0]!).id
  const claimId = positionals[1]!
  const people = workspace.getArticle(id).people
  let assignee: string | null = null
  if (!values.none) {
    const wanted = positionals[2]!.trim().toLocaleLowerCase()
    const matches = Object.entries(people).filter(([, name]) => name.toLocaleLowerCase() === wanted)
    if (matches.length !== 1) {
      throw new FactmarkError('not-found', `${matches.length ? 'more than one' : 'no'} reviewer of this article is called "${positionals[2]!.slice(0, 80)}" (reviewers: ${Object.values(people).join(', ').slice(0, 300)})`)
    }
    assignee = matches[0]![0]
  }
  await apply(workspace, id, claimId, (claim) => ({ type: 'claim.assign', claimId, assignee, previous: claim.assignee ?? null }))
  io.out(claimId)
  return 0
}

export async function claimsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, json: { type: 'boolean' } })
  if (positionals.length !== 1) throw new UsageError('claims takes one ARTICLE (factmark claims ARTICLE)')
  const workspace = await open(values.workspace, io)
  const doc = workspace.getArticle(findArticle(workspace.listArticles(), positionals[0]!).id)
  for (const claim of doc.claims) {
    const disagreement = verdictsInForce(claim, doc.people)
    if (values.json) {
      io.out(JSON.stringify({ id: claim.id, verdict: claim.verdict, quote: claim.quote.exact, ...(disagreement.length ? { disagreement } : {}) }))
    } else {
      const flat = claim.quote.exact.replace(/\s+/g, ' ')
      const also = disagreement.length ? `\t(${disagreement.map((v) => `${v.name}: ${v.verdict}`).join(' · ')})` : ''
      io.out(`${claim.id}\t${claim.verdict}\t${flat.length > 100 ? `${flat.slice(0, 99)}…` : flat}${also}`)
    }
  }
  return 0
}

/** A change to one claim, worked out against the article as it is when its turn comes. */
function apply(workspace: Workspace, articleId: string, claimId: string, build: (claim: Claim) => OperationBody) {
  return workspace.applyOperation(articleId, (doc) => build(doc.claims.find((c) => c.id === claimId) ?? unknownClaim(claimId)))
}

function noteBody(claimId: string, text: string): OperationBody {
  const at = new Date().toISOString()
  return { type: 'claim.addNote', claimId, note: { id: newId(), text: text.trim(), by: '', at } }
}

/** Where the words are in the text: the only occurrence, or the one asked for. */
function locate(doc: ArticleDoc, quote: string, occurrence: number | undefined): { start: number; end: number } {
  const { text } = doc.article
  const words = quote.trim()
  const starts: number[] = []
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) starts.push(at)
  const shown = words.length > 60 ? `${words.slice(0, 59)}…` : words
  if (starts.length === 0) throw new FactmarkError('not-found', `“${shown}” is not in the article's text (quote it exactly as it is written there)`)
  if (occurrence === undefined && starts.length > 1) {
    throw new FactmarkError('invalid-argument', `“${shown}” occurs ${starts.length} times in the article; say which with --occurrence 1 to ${starts.length}`)
  }
  const index = (occurrence ?? 1) - 1
  if (index >= starts.length) throw new FactmarkError('invalid-argument', `“${shown}” occurs only ${starts.length} ${starts.length === 1 ? 'time' : 'times'}; --occurrence ${occurrence} is past them`)
  return { start: starts[index]!, end: starts[index]! + words.length }
}

function unknownClaim(claimId: string): never {
  throw new FactmarkError('not-found', `no claim with the id "${claimId.slice(0, 80)}" in that article (factmark claims ARTICLE lists them)`)
}

function verdictOf(value: string): Verdict {
  if ((VERDICTS as readonly string[]).includes(value)) return value as Verdict
  throw new UsageError(`unknown verdict "${value.slice(0, 40)}"; use one of ${VERDICTS.join(', ')}`)
}

function stanceOf(value: string): Stance {
  if ((STANCES as readonly string[]).includes(value)) return value as Stance
  throw new UsageError(`unknown stance "${value.slice(0, 40)}"; use one of ${STANCES.join(', ')}`)
}

function occurrenceOf(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--occurrence takes a whole number from 1, not "${value.slice(0, 20)}"`)
  return n
}
