// A version-1 workspace.json: settings rewritten whole by each instance. Migrated once into a settings log of
// deterministic operations (`settings-log/version-1.jsonl`), so that two processes migrating the same file at once
// write the same thing, and a migration interrupted half-way is simply done again.
import { formatHlc } from '../../core/clock'
import { WorkspaceSettingsV1 } from '../../core/model-v1'
import { V1_REPLICA, reviewerIdForName } from '../../core/migrate-v1'
import { headerLine } from './log-format'
import { reviewerKey, type SettingsOp } from './settings-model'


export function migrateSettingsV1(v1: WorkspaceSettingsV1): SettingsOp[] {
  const ms = Date.parse(v1.createdAt) || 0
  const values: [string, unknown][] = [
    ['organisation', v1.organisation],
    ['claimReviewBaseUrl', v1.claimReviewBaseUrl],
    ['verdictLabels', v1.verdictLabels],
    ['createdAt', v1.createdAt],
    ...(v1.seeded !== undefined ? ([['seeded', v1.seeded]] as [string, unknown][]) : []),
    ...(v1.reviewer?.trim() ? ([[reviewerKey(reviewerIdForName(v1.reviewer.trim())), { name: v1.reviewer.trim() }]] as [string, unknown][]) : [])
  ]
  // Dated when the workspace was made: any change made since, anywhere, wins over them.
  return values.map(([key, value], i) => ({ id: `v1.settings.${i}`, ts: formatHlc(ms, i), replica: V1_REPLICA, key, value }))
}

export function settingsLogText(ops: readonly SettingsOp[]): string {
  return headerLine(V1_REPLICA) + ops.map((op) => `${JSON.stringify(op)}\n`).join('')
}
