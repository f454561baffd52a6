import { z } from 'zod'
import { contract, type Channel, type ExportFormat, type Handlers, type Output } from '../core/api'
import { exportFileName, renderReport, reportOptions, showsFindings, type PrintPdf } from './export/render-report'
import { writeFileDurably } from './workspace/durable-write'
import { FactmarkError, type Result } from '../core/errors'
import { describeInvalidInput, internalFailureMessage } from '../core/input-messages'
import { checkSourceUrl } from '../core/links'
import { MAX_MESSAGE_CHARS } from '../core/limits'
import { requestSizeProblem } from '../core/request-size'
import { clip } from '../core/shorten'
import { summarize } from '../core/model'
import { countRevision, reviseArticle } from '../core/revise'
import { AnalysisCache } from './article-analysis'
import { importAnnotations } from './import-annotations'
import { importSummary } from '../core/annotations/import-plan'
import { readArticleSource } from './read-source'
import type { Workspace } from './workspace/workspace'
import type { Desk } from './sync/desk'
import { workspaceInfo } from './workspace-info'

export interface Services {
  workspace: Workspace
  /** The workspace's shared articles and their servers. */
  desk: Desk
  /** Stops syncing, writes the last checkpoints and frees the workspace. */
  close(): Promise<void>
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

  const info = () => workspaceInfo(workspace)
  const analyses = new AnalysisCache()

  const implementations: { [C in Channel]: (arg: z.output<(typeof contract)[C]['input']>) => Promise<Output<C>> | Output<C> } = {
    getWorkspace: info,
    listArticles: () => workspace.listArticles(),
    getArticle: ({ id }) => workspace.getArticle(id),
    importArticle: async (source) => workspace.createArticle(await readArticleSource(source)),
    updateArticle: async ({ articleId, source }) => {
      const next = await readArticleSource(source)
      // The revision is worked out in the article's turn, against its latest state: a claim marked while the new text
      // was being read is placed on it too.
      const { op, doc } = await workspace.applyOperation(articleId, (latest) => reviseArticle(latest, next.body))
      if (op.type !== 'article.revise') throw new FactmarkError('internal', 'The update was not recorded as a new version of the text.')
      return { op, summary: summarize(doc), counts: countRevision(op) }
    },
    analyseArticle: ({ articleId }) => analyses.of(workspace.getArticle(articleId)),
    applyOperation: async ({ articleId, op }) => {
      const stored = await workspace.applyOperation(articleId, op)
      return { op: stored.op, summary: summarize(stored.doc) }
    },
    updateSettings: async ({ reviewer, ...changes }) => {
      if (reviewer !== undefined) await workspace.setMyName(reviewer)
      if (changes.organisation !== undefined || changes.claimReviewBaseUrl !== undefined) await workspace.updateSettings(changes)
      return info()
    },
    exportReport: async ({ articleId, format, choices }) => {
      const doc = workspace.getArticle(articleId)
      const path = await services.chooseSavePath(exportFileName(doc.article.title, format), format)
      if (!path) return { saved: false as const }
      // the findings the window's Numbers list was given (worked out now, in turns, if it has not asked yet)
      const findings = showsFindings(format) ? (await analyses.of(doc)).findings : undefined
      const options = reportOptions(workspace.settings(), choices, now())
      const contents = await renderReport(format, doc, findings ? { ...options, findings } : options, services.printPdf)
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
      const { doc } = await workspace.applyOperation(id, (latest) => ({ type: 'article.rename', title, previous: latest.article.title }))
      return summarize(doc)
    },
    deleteArticle: ({ id }) => workspace.trashArticle(id),
    listTrash: () => workspace.listTrash(),
    restoreArticle: ({ id }) => workspace.restoreArticle(id),
    purgeArticle: async ({ id }) => {
      await workspace.purgeArticle(id)
      return { id }
    },
    listShared: () => services.desk.list(),
    shareArticle: ({ articleId, server, user, password, members }) => services.desk.share(articleId, server, { user, password }, members),
    joinShared: ({ server, user, password, database }) => services.desk.join(server, database, { user, password }),
    importAnnotations: async ({ articleId, name: _name, base64, anyPage }) => {
      const done = await importAnnotations(workspace, articleId, Buffer.from(base64, 'base64'), { anyPage, now })
      return { ...done, message: importSummary(done.counts) }
    },
    syncNow: async ({ articleId }) => {
      await services.desk.exchange(articleId).catch((error: unknown) => {
        // The status of each article says what went wrong; a request for one article also answers with it.
        if (articleId !== undefined) throw error instanceof FactmarkError ? error : new FactmarkError('io', (error as Error).message)
      })
      return services.desk.list()
    }
  }

  const handlers = {} as Record<Channel, (arg: unknown) => Promise<Result<unknown>>>
  for (const channel of Object.keys(contract) as Channel[]) {
    const schema = contract[channel].input as z.ZodType
    const implementation = implementations[channel] as (arg: unknown) => unknown
    handlers[channel] = async (arg) => {
      const tooBig = requestSizeProblem(arg)
      if (tooBig) return failure('invalid-argument', tooBig)
      const parsed = schema.safeParse(arg)
      if (!parsed.success) {
        const { message, field } = describeInvalidInput(channel, parsed.error, arg)
        return { ok: false, error: { code: 'invalid-argument', message: clip(message, MAX_MESSAGE_CHARS), ...(field ? { field } : {}) } }
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

/** Every answer's message is bounded, whatever it quotes. */
function failure(code: FactmarkError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message: clip(message, MAX_MESSAGE_CHARS) } }
}
