// The IPC contract: one table, channel → schema of its argument and of its result.
// The preload builds `window.factmark` from it; main's handlers validate against it.
import { z } from 'zod'
import { ArticleAnalysis } from './analysis'
import { ImportCounts } from './annotations/import-plan'
import { ANNOTATION_FORMATS, ArticleDoc, ArticleSummary, IsoTime, Operation, OperationBody, Reviewer, WorkspaceSettings } from './model'
import type { Result } from './errors'
import { checkReportAddress, checkServerAddress } from './links'
import { MAX_COUCH_NAME_CHARS, MAX_FILE_NAME_CHARS, MAX_ORGANISATION_CHARS, MAX_REPORT_URL_CHARS, MAX_REVIEWER_NAME_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS } from './limits'

/** Report formats: the pure ones of core/report, plus PDF (the HTML report printed by Chromium in main). */
export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'w3c', 'claimreview'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const StoreProblem = z.object({
  file: z.string(),
  movedTo: z.string().nullable(),
  reason: z.string()
})
export type StoreProblem = z.infer<typeof StoreProblem>

export const WorkspaceInfo = z.object({
  dir: z.string(),
  settings: WorkspaceSettings,
  /** Who is reviewing on this machine account; null until they give their name. */
  me: Reviewer.nullable(),
  problems: z.array(StoreProblem),
  /** Why the workspace opens read-only (written by a newer Factmark), or null. */
  readOnly: z.string().nullable()
})
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>

const none = z.undefined()

/** An article in the workspace's trash: restorable until deleted for good. */
export const TrashedArticle = z.object({ id: z.string(), title: z.string(), claims: z.number().int().nonnegative(), deletedAt: IsoTime })
export type TrashedArticle = z.infer<typeof TrashedArticle>

/** Where an article's text comes from. File contents travel as base64, so the same call works from a drop. */
export const ArticleSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), name: z.string().min(1).max(MAX_FILE_NAME_CHARS), base64: z.string(), title: z.string().trim().max(MAX_TITLE_CHARS).optional() }),
  z.object({ kind: z.literal('url'), url: z.string().trim().min(1, 'enter a web address').max(MAX_URL_CHARS), title: z.string().trim().max(MAX_TITLE_CHARS).optional() }),
  z.object({ kind: z.literal('paste'), text: z.string(), title: z.string().trim().max(MAX_TITLE_CHARS).optional() })
])
export type ArticleSource = z.infer<typeof ArticleSource>

/** Where one shared article stands with its server: what the sync status line shows. */
export const SYNC_STATES = ['synced', 'syncing', 'offline', 'refused', 'signed-out'] as const
export const SharedStatus = z.object({
  articleId: z.string(),
  server: z.string(),
  database: z.string(),
  /** The CouchDB user this workspace signs in as. */
  user: z.string(),
  state: z.enum(SYNC_STATES),
  /** When it last was in step with the server (synced), or since when it could not reach it (offline). */
  since: IsoTime.nullable(),
  /** Why, in words, when offline, refused or signed out. */
  message: z.string().nullable()
})
export type SharedStatus = z.infer<typeof SharedStatus>

const serverAddress = z
  .string()
  .trim()
  .max(MAX_URL_CHARS)
  .superRefine((url, ctx) => {
    const link = checkServerAddress(url)
    if (!link.ok) ctx.addIssue({ code: 'custom', message: link.message, params: { sentence: link.message } })
  })
const signIn = {
  server: serverAddress,
  user: z.string().trim().min(1, 'enter your user name on the server').max(MAX_COUCH_NAME_CHARS),
  password: z.string().min(1, 'enter your password').max(MAX_COUCH_NAME_CHARS)
}

export const contract = {
  getWorkspace: { input: none, output: WorkspaceInfo },
  listArticles: { input: none, output: z.array(ArticleSummary) },
  getArticle: { input: z.object({ id: z.string().min(1) }), output: ArticleDoc },
  /** A new article from a file's bytes (open dialog or drop), a web address, or pasted text. */
  importArticle: { input: ArticleSource, output: ArticleSummary },
  /** Replaces an article's text with a new version and re-anchors its claims. */
  updateArticle: {
    input: z.object({ articleId: z.string().min(1), source: ArticleSource }),
    output: z.object({ op: Operation, summary: ArticleSummary, counts: z.object({ anchored: z.number(), moved: z.number(), orphaned: z.number() }) })
  },
  /** The claims worth checking and the article's own arithmetic, worked out offline for its current text. */
  analyseArticle: { input: z.object({ articleId: z.string().min(1) }), output: ArticleAnalysis },
  /** Applies one change (main checks it and stamps who, where and when) and returns the operation as stored. */
  applyOperation: {
    input: z.object({ articleId: z.string().min(1), op: OperationBody }),
    output: z.object({ op: Operation, summary: ArticleSummary })
  },
  /** Changes workspace settings: who is reviewing, and what reports say about who publishes them. */
  updateSettings: {
    input: z.object({
      reviewer: z.string().trim().min(1, 'a name is needed').max(MAX_REVIEWER_NAME_CHARS).optional(),
      organisation: z.string().trim().max(MAX_ORGANISATION_CHARS).optional(),
      claimReviewBaseUrl: z
        .string()
        .trim()
        .max(MAX_REPORT_URL_CHARS)
        .superRefine((url, ctx) => {
          const link = checkReportAddress(url)
          if (!link.ok) ctx.addIssue({ code: 'custom', message: link.message, params: { sentence: link.message } })
        })
        .optional()
    }),
    output: WorkspaceInfo
  },
  /** Writes a report of one article; main asks where to save it. */
  exportReport: {
    input: z.object({
      articleId: z.string().min(1),
      format: z.enum(EXPORT_FORMATS),
      choices: z.object({
        includeUnreviewed: z.boolean(),
        includeNotes: z.boolean(),
        includeHistory: z.boolean(),
        articleMode: z.enum(['full', 'claims-only']),
        csvBom: z.boolean()
      })
    }),
    output: z.discriminatedUnion('saved', [z.object({ saved: z.literal(true), path: z.string() }), z.object({ saved: z.literal(false) })])
  },
  /** Opens a source link in the system browser; only http(s) links without credentials. */
  openExternal: { input: z.object({ url: z.string().max(MAX_URL_CHARS) }), output: z.object({ opened: z.string() }) },
  renameArticle: {
    input: z.object({ id: z.string().min(1), title: z.string().trim().min(1, 'a title is needed').max(MAX_TITLE_CHARS) }),
    output: ArticleSummary
  },
  /** Moves an article to the workspace's trash (restorable); nothing is removed from disk. */
  deleteArticle: { input: z.object({ id: z.string().min(1) }), output: TrashedArticle },
  listTrash: { input: none, output: z.array(TrashedArticle) },
  restoreArticle: { input: z.object({ id: z.string().min(1) }), output: ArticleSummary },
  /** The second step: removes a trashed article from disk for good. */
  purgeArticle: { input: z.object({ id: z.string().min(1) }), output: z.object({ id: z.string() }) },
  /** The workspace's shared articles and where each stands with its server. */
  listShared: { input: none, output: z.array(SharedStatus) },
  /**
   * Shares an article through a CouchDB server: makes its database (the user must be allowed to: a desk admin), makes
   * `members` its members, and sends every change. The password is kept in the system's keychain, never the workspace.
   */
  shareArticle: {
    input: z.object({ articleId: z.string().min(1), ...signIn, members: z.array(z.string().trim().min(1).max(MAX_COUCH_NAME_CHARS)).max(100) }),
    output: SharedStatus
  },
  /** Adds an article a colleague shared (its database on the server) to this workspace; then it syncs like the rest. */
  joinShared: {
    input: z.object({ ...signIn, database: z.string().trim().min(1, 'enter the shared article’s database name').max(MAX_COUCH_NAME_CHARS) }),
    output: z.object({ articleId: z.string(), summary: ArticleSummary })
  },
  /** One two-way exchange with the server now (all shared articles, or one). */
  syncNow: { input: z.object({ articleId: z.string().min(1).optional() }), output: z.array(SharedStatus) },
  /**
   * A file of W3C or Hypothesis annotations made into claims on the article. `anyPage`: the reviewer says annotations
   * made on another web address are about this article all the same.
   */
  importAnnotations: {
    input: z.object({ articleId: z.string().min(1), name: z.string().min(1).max(MAX_FILE_NAME_CHARS), base64: z.string(), anyPage: z.boolean().optional() }),
    output: z.object({ format: z.enum(ANNOTATION_FORMATS), counts: ImportCounts, summary: ArticleSummary, message: z.string() })
  }
} as const

/**
 * What main tells the window without being asked: another writer (the CLI, a synced folder, a colleague) changed an
 * article, the list of articles, or the settings. The preload delivers them to `window.factmark.on(event, listener)`.
 */
export const events = {
  articleChanged: z.object({ doc: ArticleDoc }),
  articlesChanged: z.object({ articles: z.array(ArticleSummary), trash: z.array(TrashedArticle) }),
  workspaceChanged: WorkspaceInfo,
  /** A shared article's sync status changed (synced, syncing, offline, refused). */
  syncChanged: z.object({ shared: z.array(SharedStatus) })
} as const
export type Events = typeof events
export type EventName = keyof Events
export const eventNames = Object.keys(events) as EventName[]
export type EventPayload<E extends EventName> = z.output<Events[E]>
/** The one IPC channel events travel on. */
export const EVENT_CHANNEL = 'factmark:event'

export type Contract = typeof contract
export type Channel = keyof Contract
export const channels = Object.keys(contract) as Channel[]

export type Input<C extends Channel> = z.input<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>

/** What `window.factmark` offers the renderer: one async function per channel, and `on` for main's events. */
export type FactmarkApi = {
  [C in Channel]: Input<C> extends undefined ? () => Promise<Result<Output<C>>> : (arg: Input<C>) => Promise<Result<Output<C>>>
} & {
  /** Listens to one of main's events; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The same functions as main implements them: they accept anything and validate it. */
export type Handlers = { [C in Channel]: (arg: unknown) => Promise<Result<Output<C>>> }
