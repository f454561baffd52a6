import type { WorkspaceInfo } from '../core/api'
import type { Workspace } from './workspace/workspace'

/** What the window is told about the workspace: its folder, settings, who is reviewing, and what went wrong opening it. */
export function workspaceInfo(workspace: Workspace): WorkspaceInfo {
  return { dir: workspace.dir, settings: workspace.settings(), me: workspace.me(), problems: workspace.problems(), readOnly: workspace.readOnlyReason() }
}
