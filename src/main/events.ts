import type { EventName, EventPayload } from '../core/api'
import type { Workspace } from './workspace/workspace'
import type { Desk } from './sync/desk'
import { workspaceInfo } from './workspace-info'

export type SendEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/**
 * Tells the window what other writers changed (the CLI, a synced folder, a colleague's replication): the store notices,
 * this turns it into the contract's events. Returns the function that stops it.
 */
export function forwardWorkspaceEvents(workspace: Workspace, send: SendEvent, desk?: Desk): () => void {
  const stopDesk = desk?.onStatus((shared) => send('syncChanged', { shared })) ?? (() => {})
  const stopWorkspace = workspace.onChange(async (change) => {
    if (change.kind === 'article') send('articleChanged', { doc: change.doc })
    else if (change.kind === 'recorded') return // the window made it, and has its answer
    else if (change.kind === 'articles') send('articlesChanged', { articles: workspace.listArticles(), trash: await workspace.listTrash() })
    else send('workspaceChanged', workspaceInfo(workspace))
  })
  return () => {
    stopDesk()
    stopWorkspace()
  }
}
