import { z } from 'zod'
import { contract, type Channel, type Handlers, type Output } from '../core/api'
import { FactmarkError, type Result } from '../core/errors'
import { summarize } from '../core/model'
import { articleFromText } from './import/text-file'
import type { Workspace } from './workspace/workspace'

export interface Services {
  workspace: Workspace
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
    createArticleFromText: ({ title, text }) =>
      workspace.createArticle(articleFromText(text, { title, origin: { kind: 'paste' } })),
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
    }
  }

  const handlers = {} as Record<Channel, (arg: unknown) => Promise<Result<unknown>>>
  for (const channel of Object.keys(contract) as Channel[]) {
    const schema = contract[channel].input as z.ZodType
    const implementation = implementations[channel] as (arg: unknown) => unknown
    handlers[channel] = async (arg) => {
      const parsed = schema.safeParse(arg)
      if (!parsed.success) {
        return failure('invalid-argument', `${channel}: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`)
      }
      try {
        return { ok: true, value: await implementation(parsed.data) }
      } catch (error) {
        if (error instanceof FactmarkError) return failure(error.code, error.message)
        return failure('internal', `${channel} failed: ${(error as Error)?.message ?? String(error)}`)
      }
    }
  }
  return handlers as Handlers
}

function failure(code: FactmarkError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
