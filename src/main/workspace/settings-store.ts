// Settings that merge: every change is an operation appended to this process's settings log, and the settings are
// the last value of each key by (ts, replica, id) over all the logs. Two instances changing different settings both
// keep theirs; changing the same one, the later wins everywhere alike. workspace.json is a readable copy of the
// result (with a checksum: one edited by hand is set aside and reported, then rewritten).
import { mkdir, readFile, rename } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { compareStamps, type HybridClock } from '../../core/clock'
import { FactmarkError } from '../../core/errors'
import { STORE_MESSAGES, settingNotSavedError } from '../io-messages'
import { checksumHolds, checksumOf, withChecksum } from './checksum'
import { fileStamp, sameStamp, type FileStamp } from './checkpoint'
import { writeFileDurably } from './durable-write'
import { notJson } from './json-file'
import { freeName } from './keep-name'
import { SETTINGS_FILE, SETTINGS_LOG_DIR, SETTINGS_V1_FILE, logFileName } from './layout'
import { LogFolder, type LogFolderContext } from './log-folder'
import { moveAside } from './move-aside'
import type { WorkspaceSettings } from '../../core/model'
import { SettingsOp, settingsFrom } from './settings-model'
import { WorkspaceSettingsV1 } from '../../core/model-v1'
import { migrateSettingsV1, settingsLogText } from './settings-v1'
import { V1_REPLICA } from '../../core/migrate-v1'

export const SETTINGS_VERSION = 2

export interface SettingsContext extends LogFolderContext {
  replica: string
  clock: HybridClock
  newOpId(): string
}

function parseSettingsOp(value: unknown): SettingsOp | null {
  const parsed = SettingsOp.safeParse(value)
  return parsed.success ? parsed.data : null
}

export class SettingsStore {
  readonly #winners = new Map<string, SettingsOp>()
  #settings: WorkspaceSettings
  #viewStamp: FileStamp | null = null
  #viewWrite: Promise<void> = Promise.resolve()
  #viewDirty = true
  #keepView = false
  /** This replica's own settings operations, to write back if its log is replaced under it. */
  readonly #mine: SettingsOp[] = []
  readonly #mineIds = new Set<string>()

  private constructor(
    private readonly logs: LogFolder<SettingsOp>,
    public readOnly: string | null,
    /** The version-1 settings this open migrated, if any: who reviewed, for this machine's identity. */
    readonly migrated: WorkspaceSettingsV1 | null,
    private readonly ctx: SettingsContext
  ) {
    this.#settings = settingsFrom(this.#winners, ctx.now().toISOString())
  }

  static async open(ctx: SettingsContext): Promise<SettingsStore> {
    const dir = ctx.workspaceDir
    const viewPath = join(dir, SETTINGS_FILE)
    let readOnly: string | null = null
    let migrated: WorkspaceSettingsV1 | null = null
    let viewOk = false
    const view = await readView(viewPath)
    let keepView = false
    const setAside = async (reason: string) => {
      const movedTo = await moveAside(viewPath, ctx.now()).catch(() => null)
      keepView ||= movedTo === null // never written over
      ctx.problems.add({ file: SETTINGS_FILE, movedTo: movedTo && relative(dir, movedTo), reason })
    }
    if (view.kind === 'unusable') await setAside(view.reason)
    if (view.kind === 'newer') readOnly = STORE_MESSAGES.newerWorkspace
    if (view.kind === 'edited') await setAside(STORE_MESSAGES.settingsSetAside('it was changed outside Factmark'))
    if (view.kind === 'ok') viewOk = true
    if (view.kind === 'v1') {
      const parsed = WorkspaceSettingsV1.safeParse(view.value)
      if (!parsed.success) await setAside(STORE_MESSAGES.notV1)
      else if (await migrateV1Settings(dir, parsed.data)) migrated = parsed.data
      else await setAside('it was written by an older Factmark after this workspace moved to version 2, so it was not used')
    }

    const logs = new LogFolder<SettingsOp>(join(dir, SETTINGS_LOG_DIR), ctx.replica, parseSettingsOp, ctx)
    const store = new SettingsStore(logs, readOnly, migrated, ctx)
    store.#keepView = keepView
    store.merge((await logs.readAll(true)).flatMap((log) => log.entries.map((e) => e.value)))
    if (logs.newerVersion !== null) store.readOnly = STORE_MESSAGES.newerWorkspace
    if (viewOk) {
      store.#viewStamp = await fileStamp(viewPath).catch(() => null)
      store.#viewDirty = !sameSettings(view.kind === 'ok' ? view.value : null, store.#settings)
    }
    return store
  }

  settings(): WorkspaceSettings {
    return this.#settings
  }

  /** Whether a setting was ever set (rather than taking its default). */
  has(key: string): boolean {
    return this.#winners.has(key)
  }

  /** Saves settings changes (synced) and merges them in. */
  async set(changes: readonly (readonly [string, unknown])[]): Promise<void> {
    if (this.readOnly) throw new FactmarkError('forbidden', this.readOnly)
    if (changes.length === 0) return
    const ops: SettingsOp[] = changes.map(([key, value]) => {
      const ts = this.ctx.clock.next()
      return { id: this.ctx.newOpId(), ts, replica: this.ctx.replica, key, value }
    })
    try {
      // Our log replaced under us (a sync tool's older copy): what it lost of ours goes back first.
      const lost = this.logs.ownStillHere() ? [] : await this.lostOfOurs()
      await this.logs.append([...lost, ...ops].map((op) => `${JSON.stringify(op)}\n`))
    } catch (error) {
      throw settingNotSavedError(error)
    }
    this.merge(ops)
  }

  /** Merges what other writers appended; whether the settings changed. */
  async catchUp(): Promise<boolean> {
    const before = this.#settings
    this.merge(await this.logs.readNew())
    if (this.logs.newerVersion !== null) this.readOnly = STORE_MESSAGES.newerWorkspace
    return !sameSettings(before, this.#settings)
  }

  /** Rewrites workspace.json if it does not show the settings as they are. In the background; never fails. */
  writeView(): Promise<void> {
    const run = async () => {
      if (!this.#viewDirty || this.readOnly || this.#keepView) return
      this.#viewDirty = false
      const path = join(this.ctx.workspaceDir, SETTINGS_FILE)
      try {
        const pieces = [JSON.stringify(this.#settings, null, 2)]
        await writeFileDurably(path, withChecksum(pieces, await checksumOf(pieces)))
        this.#viewStamp = await fileStamp(path)
      } catch {
        this.#viewDirty = true // the logs hold the settings; the copy is written next time
      }
    }
    this.#viewWrite = this.#viewWrite.then(run)
    return this.#viewWrite
  }

  /** Called when workspace.json changed on disk: one changed by hand is set aside, reported and rewritten. */
  async checkView(): Promise<void> {
    const path = join(this.ctx.workspaceDir, SETTINGS_FILE)
    const stamp = await fileStamp(path).catch(() => null)
    if (sameStamp(stamp, this.#viewStamp)) return
    await this.#viewWrite
    if (sameStamp(await fileStamp(path).catch(() => null), this.#viewStamp)) return
    const view = await readView(path)
    if (view.kind === 'ok') {
      // Another instance's copy: if it lags behind what the logs say now, it is written again (once all have caught
      // up, every instance writes the same, and the writing stops).
      this.#viewStamp = await fileStamp(path).catch(() => null)
      await this.catchUp()
      if (!sameSettings(view.value, this.#settings)) {
        this.#viewDirty = true
        await this.writeView()
      }
      return
    }
    if (view.kind === 'newer') {
      this.readOnly = STORE_MESSAGES.newerWorkspace
      return
    }
    if (view.kind !== 'missing') {
      const movedTo = await moveAside(path, this.ctx.now()).catch(() => null)
      this.#keepView ||= movedTo === null
      const reason = view.kind === 'unusable' ? view.reason : 'it was changed outside Factmark'
      this.ctx.problems.add({ file: SETTINGS_FILE, movedTo: movedTo && relative(this.ctx.workspaceDir, movedTo), reason: STORE_MESSAGES.settingsSetAside(reason) })
    }
    this.#viewStamp = null
    this.#viewDirty = true
    await this.writeView()
  }

  async close(): Promise<void> {
    await this.writeView()
    await this.logs.close()
  }

  private async lostOfOurs(): Promise<SettingsOp[]> {
    const held = new Set((await this.logs.rereadOwn()).map((op) => op.id))
    return this.#mine.filter((op) => !held.has(op.id))
  }

  private merge(ops: readonly SettingsOp[]): void {
    let changed = false
    for (const op of ops) {
      if (op.replica === this.ctx.replica && !this.#mineIds.has(op.id)) {
        this.#mine.push(op)
        this.#mineIds.add(op.id)
      }
      this.ctx.clock.observe(op.ts)
      const current = this.#winners.get(op.key)
      if (current && compareStamps(current, op) >= 0) continue
      this.#winners.set(op.key, op)
      changed = true
    }
    if (!changed) return
    const next = settingsFrom(this.#winners, this.#settings.createdAt)
    if (!sameSettings(next, this.#settings)) {
      this.#settings = next
      this.#viewDirty = true
    }
  }
}

type ViewRead =
  | { kind: 'missing' }
  | { kind: 'ok'; value: unknown }
  | { kind: 'v1'; value: unknown }
  | { kind: 'newer' }
  | { kind: 'edited' }
  | { kind: 'unusable'; reason: string }

async function readView(path: string): Promise<ViewRead> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    return { kind: 'unusable', reason: 'it could not be read' }
  }
  let value: { version?: unknown } | null
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { kind: 'unusable', reason: `it is not valid JSON (${notJson(error, text).message})` }
  }
  const version = value?.version
  if (version === 1) return { kind: 'v1', value }
  if (typeof version === 'number' && version > SETTINGS_VERSION) return { kind: 'newer' }
  if (version !== SETTINGS_VERSION) return { kind: 'unusable', reason: STORE_MESSAGES.notV1 }
  return (await checksumHolds(text)) ? { kind: 'ok', value } : { kind: 'edited' }
}

/**
 * Writes the version-1 settings as `settings-log/version-1.jsonl` and keeps the file as workspace.v1.json. False when
 * a different version-1 log is already there (this file was written by an old Factmark after the migration).
 */
async function migrateV1Settings(dir: string, v1: WorkspaceSettingsV1): Promise<boolean> {
  const logDir = join(dir, SETTINGS_LOG_DIR)
  const logPath = join(logDir, logFileName(V1_REPLICA))
  const text = settingsLogText(migrateSettingsV1(v1))
  const existing = await readFile(logPath, 'utf8').catch(() => null)
  if (existing !== null && existing !== text) return false
  if (existing === null) {
    await mkdir(logDir, { recursive: true })
    await writeFileDurably(logPath, text)
  }
  // Last: until the file is renamed, the migration is not done, and the next open does it again (to the same result).
  const keep = await freeName(join(dir, SETTINGS_V1_FILE.replace(/\.json$/, '')), '.json')
  await rename(join(dir, SETTINGS_FILE), keep)
  return true
}

function sameSettings(a: unknown, b: WorkspaceSettings): boolean {
  if (!a || typeof a !== 'object') return false
  const { checksum: _c, ...rest } = a as Record<string, unknown>
  return JSON.stringify(rest) === JSON.stringify(b)
}
