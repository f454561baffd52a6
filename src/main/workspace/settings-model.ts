// The workspace's settings as settings operations make them (settings-store.ts): each key takes the last value set,
// by (ts, replica, id), over every writer's settings log.
import { z } from 'zod'
import { DEFAULT_VERDICT_LABELS, Id, IsoTime, OpId, Reviewer, VerdictLabels, WORKSPACE_FORMAT, type WorkspaceSettings } from '../../core/model'
import { HLC_PATTERN } from '../../core/clock'
import { MAX_ORGANISATION_CHARS, MAX_REPORT_URL_CHARS } from '../../core/limits'

/** One settings change: `key` takes `value`; the last by (ts, replica, id) wins, whoever wrote it. */
export const SettingsOp = z.object({
  id: OpId,
  ts: z.string().regex(HLC_PATTERN),
  replica: Id,
  key: z.string().min(1).max(200),
  value: z.unknown()
})
export type SettingsOp = z.infer<typeof SettingsOp>

const REVIEWER_PREFIX = 'reviewer.'
export const reviewerKey = (id: string) => `${REVIEWER_PREFIX}${id}`

/** The value each known key accepts; a value that does not fit (or a key from a newer Factmark) is left out. */
const VALUES = {
  organisation: z.string().max(MAX_ORGANISATION_CHARS),
  claimReviewBaseUrl: z.string().max(MAX_REPORT_URL_CHARS),
  verdictLabels: VerdictLabels,
  seeded: z.boolean(),
  createdAt: IsoTime
} as const
const ReviewerValue = z.object({ name: Reviewer.shape.name })

export type SettingsKey = keyof typeof VALUES

/** The settings the winning values make, with defaults for what was never set. */
export function settingsFrom(winners: ReadonlyMap<string, SettingsOp>, fallbackCreatedAt: string): WorkspaceSettings {
  const value = <K extends SettingsKey>(key: K, fallback: z.output<(typeof VALUES)[K]>): z.output<(typeof VALUES)[K]> => {
    const parsed = VALUES[key].safeParse(winners.get(key)?.value)
    return parsed.success ? (parsed.data as z.output<(typeof VALUES)[K]>) : fallback
  }
  const reviewers: z.infer<typeof Reviewer>[] = []
  for (const [key, op] of winners) {
    if (!key.startsWith(REVIEWER_PREFIX)) continue
    const id = Id.safeParse(key.slice(REVIEWER_PREFIX.length))
    const name = ReviewerValue.safeParse(op.value)
    if (id.success && name.success) reviewers.push({ id: id.data, name: name.data.name })
  }
  reviewers.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
  return {
    format: WORKSPACE_FORMAT,
    version: 2,
    organisation: value('organisation', ''),
    claimReviewBaseUrl: value('claimReviewBaseUrl', ''),
    verdictLabels: value('verdictLabels', { ...DEFAULT_VERDICT_LABELS }),
    seeded: value('seeded', false),
    createdAt: value('createdAt', fallbackCreatedAt),
    reviewers
  }
}
