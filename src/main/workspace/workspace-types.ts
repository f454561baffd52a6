// What the store offers (workspace.ts builds it): the interface the handlers, the CLI and the tests use.
import type { StoreProblem, TrashedArticle } from '../../core/api'
import type { Article, ArticleDoc, ArticleSummary, Operation, OperationBody, WorkspaceSettings } from '../../core/model'
import type { ArticleBody } from '../../core/plain-text'
import type { Stamp } from '../../core/stamp'
import type { AppendOps } from './log-writer'
import type { Machine } from './machine'

/** What an importer hands the store to make a new article. */
export interface NewArticle {
  title: string
  body: ArticleBody
  origin: Article['origin']
  dateline?: string
  byline?: string
  site?: string
  publishedAt?: string
}

export interface OpenOptions {
  /** Articles a brand-new workspace starts with. */
  samples?: () => Promise<NewArticle[]>
  /** The name changes are recorded under while this machine account has given none (e.g. the OS user name). */
  fallbackReviewer?: string
  now?: () => Date
  /** Watch the folder for other writers' changes (default true; a one-shot CLI run can do without). */
  watch?: boolean
  /** Which machine account this process is (tests stand in for two machines); default: this host and OS user. */
  machine?: Machine
  /** The calls appends make (tests make them fail like a full disk). */
  appendOps?: AppendOps
}

/** What changed on disk, made by someone else: another window, a CLI run, a sync tool. */
export type WorkspaceChange =
  | { kind: 'article'; id: string; doc: ArticleDoc; ops: Operation[] }
  /** Articles appeared or went (imported, trashed, restored or purged elsewhere): list them (and the trash) again. */
  | { kind: 'articles' }
  | { kind: 'settings' }
  | { kind: 'problems' }
  /** This process saved changes of its own (what a sync sends on to a server). */
  | { kind: 'recorded'; id: string; ops: Operation[] }

export interface MergeOrigin {
  /** Where the operations came from, as a reviewer would say it ("the server https://desk.example (factmark-x1)"). */
  origin: string
  /** Operations the caller refused before merging (a forged author), with why: reported with the rest. */
  refused?: { op: Pick<Operation, 'name' | 'at'>; reason: string }[]
}

export interface MergeResult {
  /** The operations new here, in fold order. */
  added: Operation[]
  refused: { op: Pick<Operation, 'id' | 'name' | 'at'>; reason: string }[]
  /** True when the article was not in the workspace before. */
  created: boolean
}

export interface Reviewing {
  id: string
  name: string
}

export interface Workspace {
  readonly dir: string
  /** This process's writer identity in this workspace. */
  readonly replica: string
  settings(): WorkspaceSettings
  /** Who reviews from this machine account; null until they give a name. */
  me(): Reviewing | null
  setMyName(name: string): Promise<Reviewing>
  updateSettings(changes: { organisation?: string; claimReviewBaseUrl?: string }): Promise<void>
  problems(): StoreProblem[]
  /** Why changes are refused (the workspace, or this article, was written by a newer Factmark); null when they are not. */
  readOnlyReason(id?: string): string | null
  listArticles(): ArticleSummary[]
  getArticle(id: string): ArticleDoc
  createArticle(input: NewArticle): Promise<ArticleSummary>
  /**
   * Checks, stamps, saves (one synced line) and applies a change. A function is called with the article as it is
   * when the change's turn comes (after earlier changes and what other writers appended), for changes computed from
   * the document, such as a revision's placements.
   */
  applyOperation(id: string, body: OperationBody | ((doc: ArticleDoc) => OperationBody)): Promise<{ op: Operation; doc: ArticleDoc }>
  /**
   * Takes in operations of one article made elsewhere (a colleague's, through a server or a bundle): checked, saved to
   * this process's log, folded in and told to listeners. An article not in the workspace yet is added from them (they
   * must hold its creation). What is refused (altered copies, changes that break the article's rules, and `refused`:
   * what the caller already turned away) is listed in the workspace's problems under `origin`, never applied.
   */
  /**
   * Changes main makes itself, several at once (an import): `make` works them out in the article's turn against its
   * latest state, stamping each with `stamp`; they are saved in one write, or none is.
   */
  recordMany(articleId: string, make: (doc: ArticleDoc, stamp: () => Stamp) => Promise<Operation[]>): Promise<{ ops: Operation[]; doc: ArticleDoc }>
  mergeOperations(articleId: string, ops: readonly Operation[], from: MergeOrigin): Promise<MergeResult>
  /** Moves an article's folder to the trash; nothing is removed from disk. */
  trashArticle(id: string): Promise<TrashedArticle>
  listTrash(): Promise<TrashedArticle[]>
  restoreArticle(id: string): Promise<ArticleSummary>
  /** The second step: removes a trashed article from disk for good. */
  purgeArticle(id: string): Promise<void>
  /** Takes in what other writers changed, now (the app calls it when its window gets focus). */
  refresh(): Promise<void>
  onChange(listener: (change: WorkspaceChange) => void): () => void
  /** Writes the last checkpoints and frees this process's replica. */
  close(): Promise<void>
}
