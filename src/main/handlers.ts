import { z } from 'zod'
import { contract, type Channel, type ExportFormat, type Handlers, type Output } from '../core/api'
import { exportFileName, renderReport, reportOptions, type PrintPdf } from './export/render-report'
import { writeFileDurably } from './workspace/durable-write'
import { FactmarkError, type Result } from '../core/errors'
import { describeInvalidInput, internalFailureMessage } from '../core/input-messages'
import { checkSourceUrl } from '../core/links'
import { summarize, type ArticleDoc, type Operation } from '../core/model'
import { restamp } from '../core/ops'
import { countRevision, reviseArticle } from '../core/revise'
import { readArticleSource } from './read-source'
import type { Workspace } from './workspace/workspace'

export interface Services {
  workspace: Workspace
  /** Hands a checked http(s) link to the system browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>
  /** Asks where to save a report (a save dialog in the app); null when the user cancels. */
  chooseSavePath: (suggestedName: string, format: ExportFormat) => Promise<string | null>
  printPdf: PrintPdf
  now?: () => Date
}

/**
 * One async function per channel of the contract. Electron registers them with ipcMain.handle;
 * the e2e fixture binds the very same object into a Chromium page.
 */
export function createHandlers(services: Services): Handlers {
  const { workspace } = services
  const now = services.now ?? (() => new Date())

  const implementations: { [C in Channel]: (arg: z.output<(typeof contract)[C]['input']>) => Promise<Output<C>> | Output<C> } = {
    getWorkspace: () => ({ dir: workspace.dir, settings: workspace.settings(), problems: workspace.problems() }),
    listArticles: () => workspace.listArticles(),
    getArticle: ({ id }) => workspace.getArticle(id),
    importArticle: async (source) => workspace.createArticle(await readArticleSource(source)),
    updateArticle: async ({ articleId, source }) => {
      const next = await readArticleSource(source)
      const doc = workspace.getArticle(articleId)
      const op = reviseArticle(doc, next.body, workspace.reviewer(), now().toISOString())
      const updated = await workspace.applyOperation(articleId, op)
      return { op, summary: summarize(updated), counts: countRevision(op) }
    },
    applyOperation: async ({ articleId, op }) => {
      const stamped = restamp(op, workspace.reviewer(), now().toISOString())
      checkNoteOwnership(workspace.getArticle(articleId), stamped, workspace.reviewer())
      const doc = await workspace.applyOperation(articleId, stamped)
      return { op: stamped, summary: summarize(doc) }
    },
    updateSettings: (changes) => workspace.updateSettings(changes),
    exportReport: async ({ articleId, format, choices }) => {
      const doc = workspace.getArticle(articleId)
      const path = await services.chooseSavePath(exportFileName(doc.article.title, format), format)
      if (!path) return { saved: false as const }
      const contents = await renderReport(format, doc, reportOptions(workspace.settings(), choices, now()), services.printPdf)
      await writeFileDurably(path, contents)
      return { saved: true as const, path }
    },
    openExternal: async ({ url }) => {
      const link = checkSourceUrl(url)
      if (!link.ok) throw new FactmarkError('unsafe-url', link.message)
      await services.openExternal(link.url)
      return { opened: link.url }
    },
    renameArticle: async ({ id, title }) => {
      const previous = workspace.getArticle(id).article.title
      const doc = await workspace.applyOperation(id, {
        type: 'article.rename',
        by: workspace.reviewer(),
        at: now().toISOString(),
        title,
        previous
      })
      return summarize(doc)
    },
    deleteArticle: ({ id }) => workspace.trashArticle(id),
    listTrash: () => workspace.listTrash(),
    restoreArticle: ({ id }) => workspace.restoreArticle(id),
    purgeArticle: async ({ id }) => {
      await workspace.purgeArticle(id)
      return { id }
    }
  }

  const handlers = {} as Record<Channel, (arg: unknown) => Promise<Result<unknown>>>
  for (const channel of Object.keys(contract) as Channel[]) {
    const schema = contract[channel].input as z.ZodType
    const implementation = implementations[channel] as (arg: unknown) => unknown
    handlers[channel] = async (arg) => {
      const parsed = schema.safeParse(arg)
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-argument', ...describeInvalidInput(channel, parsed.error, arg) } }
      }
      try {
        return { ok: true, value: await implementation(parsed.data) }
      } catch (error) {
        if (error instanceof FactmarkError) return failure(error.code, error.message)
        console.error(`Factmark: ${channel} failed unexpectedly:`, error) // the user gets a sentence; the log keeps the details
        return failure('internal', internalFailureMessage(channel))
      }
    }
  }
  return handlers as Handlers
}

/** Reviewers edit and delete their own notes only. */
function checkNoteOwnership(doc: ArticleDoc, op: Operation, reviewer: string): void {
  const note =
    op.type === 'claim.addNote' || op.type === 'claim.deleteNote' ? op.note
    : op.type === 'claim.editNote' ? doc.claims.find((c) => c.id === op.claimId)?.notes.find((n) => n.id === op.noteId)
    : undefined
  if (note && note.by !== reviewer) {
    throw new FactmarkError('forbidden', `That note is ${note.by}'s; only its author can change it.`)
  }
}

function failure(code: FactmarkError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
