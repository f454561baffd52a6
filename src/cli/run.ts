import { existsSync } from 'node:fs'
import { withWebScheme } from '../core/links'
import { FactmarkError } from '../core/errors'
import { countRevision, reviseArticle } from '../core/revise'
import { importFile } from '../main/import/import-file'
import { importUrl } from '../main/import/url'
import { resolve } from 'node:path'
import { MAX_TITLE_CHARS } from '../core/limits'
import { revisionSummary } from '../core/placement-words'
import { chromiumPrinter } from '../main/export/chromium-pdf'
import { parseExportFormat, renderReport, reportOptions } from '../main/export/render-report'
import { claimReviewOmissions } from '../core/report/claimreview'
import { writeFileDurably } from '../main/workspace/durable-write'
import { checkNumbersCommand, suggestCommand } from './analysis'
import { claimCommand, claimsCommand } from './claims'
import { agreementCommand } from './agreement'
import { annotationsCommand } from './annotations'
import { bundleCommand, joinCommand, mergeCommand, shareCommand, statusCommand, syncCommand } from './desk'
import { UsageError, findArticle, findTrashed, open, openedBy, parse, type CliIo } from './common'

export type { CliIo } from './common'

const USAGE = `Usage: factmark COMMAND [ARGS] --workspace DIR (suggest and check-numbers read a FILE without one)

  import FILE|URL [--title TITLE]
      import a .txt, .md, .html or .docx file, or a web page; prints the new article's id
  update ARTICLE FILE|URL
      replace an article's text with a new version; its claims are found again in it
      and the result is printed as "N claims in place, M moved, K not found"
  list                          one line per article: id, title, claims
  rename ARTICLE TITLE          give an article a new title
  delete ARTICLE                move an article to the workspace's trash (nothing is removed from disk)
  trash                         one line per trashed article: id, title, claims, when it was deleted
  restore ARTICLE               bring an article back from the trash
  purge ARTICLE                 remove a trashed article from disk for good
  claim add ARTICLE --quote TEXT [--occurrence N] [--verdict V] [--note TEXT]
            [--source URL [--source-title TITLE] [--stance supports|refutes|context]]
      mark a claim on the words TEXT (the Nth time they occur, when they occur more than once); prints its id
  claim set ARTICLE CLAIM (--verdict V | --conclusion TEXT | --claimant TEXT | --tags a,b)
  claim note ARTICLE CLAIM TEXT add a note to a claim
  claim assign ARTICLE CLAIM (REVIEWER | --none)
      give a claim to a reviewer of the article to check (by name), or to no one
  claims ARTICLE [--json]       one line per claim: id, verdict, quote (and reviewers who disagree)
      V is verified | disputed | needs-context | unverifiable | unreviewed
  suggest FILE|ARTICLE [--json]
      score every sentence for how worth checking it is (0 to 1), with the reasons that fired; one line each:
      score, "check" when at or above the app's threshold, reasons, sentence. FILE is a text file, one paragraph a line.
      --json prints [{ "start", "end", "text", "score", "kinds" }] for all sentences, offsets into the text
  check-numbers FILE|ARTICLE [--json]
      check the text's own arithmetic (parts and totals, percentage changes, "X-fold" increases, shares of 100%,
      differences): one line per finding, consistent, inconsistent (with the computed value) or not checkable
  annotations import ARTICLE FILE [--any-page]
      make W3C Web Annotations (JSON-LD) or a Hypothesis export (API JSON) into claims, placed by their quotes;
      prints "N placed, M moved, K not found" and what was left out. Importing the same file again adds nothing.
      --any-page imports annotations made on another web address than the article's
  export ARTICLE --format FORMAT --out FILE [options]
      FORMAT    html | pdf | md | csv | w3c | claimreview
      options   --no-unreviewed  --no-notes  --history  --claims-only  --bom (CSV for Excel)

A fact desk (sign in to the server with FACTMARK_SERVER_USER and FACTMARK_SERVER_PASSWORD):
  share ARTICLE --server URL [--members USER,USER]
      make the article's database on a CouchDB server (a desk admin may), make USERs its members, send every
      change; prints the database name to give colleagues
  join DATABASE --server URL    add an article a colleague shared; prints its id
  sync [ARTICLE]                one two-way exchange for every shared article (or one):
                                "ID  DATABASE  N sent, M received"
  agreement ARTICLE [--json]    reviewer agreement: Cohen's kappa per pair and Fleiss' kappa overall, with counts
  status ARTICLE [in-progress|ready|approved|reopened] [--yes]
      print or set the review status; approving with claims unreviewed or in dispute needs --yes
  bundle ARTICLE --out FILE     every change of the article in one file, for a colleague without a server
  merge FILE                    merge a bundle's changes into this workspace's copy (or add the article)

  help                          this text

ARTICLE is an article's id, or words of its title that match exactly one article.
The workspace may also be given as FACTMARK_WORKSPACE=DIR. Errors are one line on stderr, with a non-zero exit.`


/** Runs one CLI command; returns the exit code. Errors are one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runCommand(argv, io)
  } finally {
    for (const workspace of openedBy.get(io) ?? []) await workspace.close().catch(() => {})
    openedBy.delete(io)
  }
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv
    switch (command) {
      case 'import':
        return await importCommand(rest, io)
      case 'list':
        return await listCommand(rest, io)
      case 'export':
        return await exportCommand(rest, io)
      case 'update':
        return await updateCommand(rest, io)
      case 'rename':
        return await renameCommand(rest, io)
      case 'delete':
        return await deleteCommand(rest, io)
      case 'trash':
        return await trashCommand(rest, io)
      case 'restore':
        return await restoreCommand(rest, io)
      case 'purge':
        return await purgeCommand(rest, io)
      case 'claim':
        return await claimCommand(rest, io)
      case 'claims':
        return await claimsCommand(rest, io)
      case 'suggest':
        return await suggestCommand(rest, io)
      case 'check-numbers':
        return await checkNumbersCommand(rest, io)
      case 'share':
        return await shareCommand(rest, io)
      case 'join':
        return await joinCommand(rest, io)
      case 'sync':
        return await syncCommand(rest, io)
      case 'agreement':
        return await agreementCommand(rest, io)
      case 'status':
        return await statusCommand(rest, io)
      case 'bundle':
        return await bundleCommand(rest, io)
      case 'merge':
        return await mergeCommand(rest, io)
      case 'annotations':
        return await annotationsCommand(rest, io)
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
  if (positionals.length !== 1) throw new UsageError('import takes one FILE or URL (factmark import FILE --workspace DIR)')
  const workspace = await open(values.workspace, io)
  const article = await readFileOrUrl(positionals[0]!, values.title)
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

async function updateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length !== 2) throw new UsageError('update takes an ARTICLE and a FILE or URL (factmark update ARTICLE FILE --workspace DIR)')
  const workspace = await open(values.workspace, io)
  const { id } = findArticle(workspace.listArticles(), positionals[0]!)
  const next = await readFileOrUrl(positionals[1]!)
  const { op } = await workspace.applyOperation(id, (latest) => reviseArticle(latest, next.body))
  if (op.type !== 'article.revise') throw new FactmarkError('internal', 'the update was not recorded as a new version of the text')
  io.out(revisionSummary(countRevision(op)))
  return 0
}

async function renameCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length !== 2) throw new UsageError('rename takes an ARTICLE and its new TITLE (factmark rename ARTICLE "New title" --workspace DIR)')
  const title = positionals[1]!.replace(/\s+/g, ' ').trim()
  if (!title) throw new UsageError('the new title is empty')
  if (title.length > MAX_TITLE_CHARS) throw new UsageError(`a title can be at most ${MAX_TITLE_CHARS} characters; this one has ${title.length}`)
  const workspace = await open(values.workspace, io)
  const { id } = findArticle(workspace.listArticles(), positionals[0]!)
  if (workspace.getArticle(id).article.title !== title) {
    await workspace.applyOperation(id, (latest) => ({ type: 'article.rename', title, previous: latest.article.title }))
  }
  io.out(`${id}\t${title}`)
  return 0
}

async function deleteCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length !== 1) throw new UsageError('delete takes one ARTICLE (an id or words of its title)')
  const workspace = await open(values.workspace, io)
  const trashed = await workspace.trashArticle(findArticle(workspace.listArticles(), positionals[0]!).id)
  io.out(`${trashed.id}\t${trashed.title}\tmoved to the trash (factmark restore ${trashed.id} brings it back)`)
  return 0
}

async function trashCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length > 0) throw new UsageError(`trash takes no arguments, got "${positionals[0]}" (to delete an article: factmark delete ARTICLE)`)
  const workspace = await open(values.workspace, io)
  for (const t of await workspace.listTrash()) io.out(`${t.id}\t${t.title}\t${t.claims} ${t.claims === 1 ? 'claim' : 'claims'}\tdeleted ${t.deletedAt}`)
  return 0
}

async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length !== 1) throw new UsageError('restore takes one ARTICLE from the trash (factmark trash lists them)')
  const workspace = await open(values.workspace, io)
  const restored = await workspace.restoreArticle(findTrashed(await workspace.listTrash(), positionals[0]!).id)
  io.out(`${restored.id}\t${restored.title}`)
  return 0
}

async function purgeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' } })
  if (positionals.length !== 1) throw new UsageError('purge takes one ARTICLE from the trash (factmark trash lists them)')
  const workspace = await open(values.workspace, io)
  const trashed = findTrashed(await workspace.listTrash(), positionals[0]!)
  await workspace.purgeArticle(trashed.id)
  io.out(`${trashed.id}\t${trashed.title}\tdeleted for good`)
  return 0
}

/** A path or an http(s) address, read by the same importers as the app's. */
function readFileOrUrl(target: string, title?: string) {
  // Anything with a scheme is an address (importUrl refuses all but http and https); so is "www.site.org/page" when no
  // file of that name exists (a file called "notes.txt" looks like a host name too); the rest are paths.
  const isAddress = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || (withWebScheme(target) !== target && !existsSync(target) && /[/]|^www\./i.test(target))
  return isAddress ? importUrl(target).then((a) => (title ? { ...a, title } : a)) : importFile(target, { title })
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    workspace: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'no-unreviewed': { type: 'boolean' },
    'no-notes': { type: 'boolean' },
    history: { type: 'boolean' },
    'claims-only': { type: 'boolean' },
    bom: { type: 'boolean' }
  })
  if (positionals.length !== 1) throw new UsageError('export takes one ARTICLE (an id or words of its title)')
  if (!values.format) throw new UsageError('export needs --format html|pdf|md|csv|w3c|claimreview')
  if (!values.out) throw new UsageError('export needs --out FILE')
  const format = parseExportFormat(values.format)
  const workspace = await open(values.workspace, io)
  const doc = workspace.getArticle(findArticle(workspace.listArticles(), positionals[0]!).id)
  const options = reportOptions(workspace.settings(), {
    includeUnreviewed: !values['no-unreviewed'],
    includeNotes: !values['no-notes'],
    includeHistory: !!values.history,
    articleMode: values['claims-only'] ? 'claims-only' : 'full',
    csvBom: !!values.bom
  })
  const contents = await renderReport(format, doc, options, chromiumPrinter(io.env))
  await writeFileDurably(resolve(values.out), contents)
  io.out(resolve(values.out))
  const omitted = format === 'claimreview' ? claimReviewOmissions(doc, options).message : ''
  if (omitted) io.err(`factmark: note: ${omitted}.`)
  return 0
}
