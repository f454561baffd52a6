// The domain's single source of truth: zod schemas, with TypeScript types inferred from them.
import { z } from 'zod'
import { HLC_PATTERN } from './clock'
import {
  MAX_ARTICLE_CHARS,
  MAX_BLOCKS,
  MAX_CLAIMANT_CHARS,
  MAX_CLAIMS,
  MAX_LINKS,
  MAX_NOTES_PER_CLAIM,
  MAX_QUOTE_CONTEXT_CHARS,
  MAX_SOURCES_PER_CLAIM,
  MAX_CONCLUSION_CHARS,
  MAX_EXCERPT_CHARS,
  MAX_NOTE_CHARS,
  MAX_PUBLISHER_CHARS,
  MAX_REVIEWER_NAME_CHARS,
  MAX_SOURCE_TITLE_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS
} from './limits'

export const IsoTime = z.iso.datetime({ offset: true })
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'expected an id of lowercase letters, digits and dashes')

/** Where the desk is with an article: reviewers at work, handed to the editor, signed off, or opened again after. */
export const REVIEW_STATUSES = ['in-progress', 'ready', 'approved', 'reopened'] as const
export const ReviewStatus = z.enum(REVIEW_STATUSES)
export type ReviewStatus = z.infer<typeof ReviewStatus>

export const VERDICTS = ['unreviewed', 'verified', 'disputed', 'needs-context', 'unverifiable'] as const
export const Verdict = z.enum(VERDICTS)
export type Verdict = z.infer<typeof Verdict>

export const BlockKind = z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote'])
export type BlockKind = z.infer<typeof BlockKind>

/** A block of the article text: `text.slice(start, end)`, offsets in UTF-16 code units. */
export const Block = z.object({
  kind: BlockKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** A list item's number when its list is numbered (references, steps): "[7]" in the text points at item 7. */
  number: z.number().int().nonnegative().max(1_000_000).optional()
})
export type Block = z.infer<typeof Block>

/**
 * A link the article itself had (a web page's `<a href>`): a span of the text and where it goes, either a web
 * address (opened only in the system browser, through the same check as sources) or another block of the same
 * article (a footnote marker "[7]" pointing at its reference).
 */
export const ArticleLink = z.union([
  z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), url: z.string().max(MAX_URL_CHARS) }).strict(),
  z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), block: z.number().int().nonnegative() }).strict()
])
export type ArticleLink = z.infer<typeof ArticleLink>

export const ArticleOrigin = z.object({
  kind: z.enum(['sample', 'file', 'url', 'paste']),
  name: z.string().optional(),
  url: z.string().optional(),
  /** The address the page gives as its own (`<link rel="canonical">`), when it differs: what annotations made on it name. */
  canonical: z.string().max(MAX_URL_CHARS).optional()
})
export type ArticleOrigin = z.infer<typeof ArticleOrigin>

export const Article = z
  .object({
    id: Id,
    title: z.string().trim().min(1).max(MAX_TITLE_CHARS),
    text: z.string().max(MAX_ARTICLE_CHARS),
    blocks: z.array(Block).max(MAX_BLOCKS),
    origin: ArticleOrigin,
    dateline: z.string().optional(),
    byline: z.string().optional(),
    site: z.string().optional(),
    publishedAt: z.string().optional(),
    /** The page's own links, in text order; absent for text without any. */
    links: z.array(ArticleLink).max(MAX_LINKS).optional(),
    createdBy: z.string(),
    createdAt: IsoTime,
    updatedAt: IsoTime
  })
  .refine((a) => a.blocks.every((b) => b.start <= b.end && b.end <= a.text.length), {
    message: 'a block lies outside the article text',
    path: ['blocks']
  })
  .refine((a) => (a.links ?? []).every((l) => l.start < l.end && l.end <= a.text.length && ('url' in l || l.block < a.blocks.length)), {
    message: 'a link lies outside the article text',
    path: ['links']
  })
export type Article = z.infer<typeof Article>

export const QuoteSelector = z.object({
  exact: z.string().min(1).max(MAX_ARTICLE_CHARS),
  prefix: z.string().max(MAX_QUOTE_CONTEXT_CHARS),
  suffix: z.string().max(MAX_QUOTE_CONTEXT_CHARS)
})
export const PositionSelector = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })

export const Note = z.object({
  id: Id,
  text: z.string().min(1).max(MAX_NOTE_CHARS),
  by: z.string(),
  at: IsoTime,
  editedAt: IsoTime.optional(),
  /**
   * A note brought in from another tool's annotation: its author as that tool named them (`by` is then the reviewer who
   * imported it, and `at` the annotation's own time).
   */
  author: z.string().min(1).max(MAX_REVIEWER_NAME_CHARS).optional()
})
export type Note = z.infer<typeof Note>

export const STANCES = ['supports', 'refutes', 'context'] as const
export const Stance = z.enum(STANCES)
export type Stance = z.infer<typeof Stance>
export const Source = z.object({
  id: Id,
  url: z.string().max(MAX_URL_CHARS),
  title: z.string().max(MAX_SOURCE_TITLE_CHARS),
  publisher: z.string().max(MAX_PUBLISHER_CHARS),
  excerpt: z.string().max(MAX_EXCERPT_CHARS),
  stance: Stance,
  /** The day the reviewer read the source, as YYYY-MM-DD. */
  accessedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
  by: z.string(),
  at: IsoTime
})
export type Source = z.infer<typeof Source>

/**
 * Where a claim stands after its article was revised: found elsewhere (`moved`) or not found (`orphaned`),
 * with `textChanged` when its own words were edited. Absent once a reviewer has accepted or re-attached it.
 */
export const AnchorState = z.object({
  status: z.enum(['moved', 'orphaned']),
  textChanged: z.boolean(),
  /** The claim's words before the revision, shown beside the new ones. */
  previousExact: z.string()
})
export type AnchorState = z.infer<typeof AnchorState>

/** An operation's id: unique across every writer ("<replica>.<counter>" or random). */
export const OpId = z.string().regex(/^[a-z0-9][a-z0-9.-]{2,100}$/, 'expected an operation id')

/** A verdict in force on a claim: one, or several while reviewers disagree (see `Claim.verdicts`). */
export const VerdictEntry = z.object({ op: OpId, by: Id, verdict: Verdict })
export type VerdictEntry = z.infer<typeof VerdictEntry>

/**
 * Why a sentence is worth checking, or not, in Full Fact's claim types (the reasons for) and three reasons against:
 * what claim suggestions name beside their score (core/suggest).
 */
export const SUGGESTION_KINDS = ['quantity', 'comparison', 'cause', 'prediction', 'quote', 'law', 'experience', 'opinion', 'courtesy', 'question'] as const
export const SuggestionKind = z.enum(SUGGESTION_KINDS)
export type SuggestionKind = z.infer<typeof SuggestionKind>

/** Where a claim came from when not from a reviewer's own selection: a suggestion they accepted, as scored then. */
export const ClaimOrigin = z.object({
  kind: z.literal('suggested'),
  score: z.number().min(0).max(1),
  kinds: z.array(SuggestionKind).max(SUGGESTION_KINDS.length)
})
export type ClaimOrigin = z.infer<typeof ClaimOrigin>

/** The annotation a claim was imported from: what makes importing the same file twice add nothing. */
export const ANNOTATION_FORMATS = ['w3c', 'hypothesis'] as const
export const ClaimImport = z.object({
  /** The annotation's own id (an IRI, or Hypothesis's id). */
  annotation: z.string().min(1).max(MAX_URL_CHARS),
  /** The page or document it was made on, as the annotation named it ('' when it named none). */
  target: z.string().max(MAX_URL_CHARS),
  format: z.enum(ANNOTATION_FORMATS),
  /** Who made it, as that tool named them. */
  author: z.string().max(MAX_REVIEWER_NAME_CHARS)
})
export type ClaimImport = z.infer<typeof ClaimImport>

export const Claim = z.object({
  id: Id,
  quote: QuoteSelector,
  position: PositionSelector,
  verdict: Verdict,
  conclusion: z.string().max(MAX_CONCLUSION_CHARS),
  claimant: z.string().max(MAX_CLAIMANT_CHARS),
  tags: z.array(z.string().max(MAX_TAG_CHARS)).max(MAX_TAGS),
  notes: z.array(Note).max(MAX_NOTES_PER_CLAIM),
  sources: z.array(Source).max(MAX_SOURCES_PER_CLAIM),
  anchor: AnchorState.optional(),
  /**
   * The words the verdict was given for, while they differ from the claim's words (its text changed in an update
   * and was accepted or re-attached) and the reviewer has not yet confirmed or changed the verdict.
   */
  verdictWording: z.string().optional(),
  /**
   * The verdicts in force (absent before the first): normally one; when reviewers set different verdicts without having
   * seen each other's, each stays here until someone sets a verdict having seen them all. `verdict` is the latest.
   */
  verdicts: z.array(VerdictEntry).optional(),
  /** Absent for a claim a reviewer marked; main sets it from its own scoring when they accept a suggestion. */
  origin: ClaimOrigin.optional(),
  /** Absent for a claim made in Factmark; set by main when it comes from an imported annotation. */
  imported: ClaimImport.optional(),
  /** The reviewer (id) the desk gave this claim to check; absent while no one is. */
  assignee: Id.optional(),
  /** The reviewer's id (v2; a display name in version-1 files). */
  createdBy: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime
})
export type Claim = z.infer<typeof Claim>

/** Where a claim sits in the text: what revisions and re-attachment change. */
export const ClaimPlacement = z.object({
  quote: QuoteSelector,
  position: PositionSelector,
  anchor: AnchorState.optional(),
  verdictWording: z.string().optional()
})
export type ClaimPlacement = z.infer<typeof ClaimPlacement>

/**
 * Who made an operation, where and when, stamped by main (never taken from the renderer): a unique `id`; `ts`, a hybrid
 * logical clock value (core/clock.ts); `replica`, the writer (one per process holding a log); `by`, the reviewer's stable
 * id, and `name`, what they were called then (for the audit trail); `at`, the wall-clock time of `ts`; `rev`, the text
 * revision it was made against (the id of the article's `article.create` or latest `article.revise`).
 */
export const OperationStamp = {
  id: OpId,
  ts: z.string().regex(HLC_PATTERN, 'expected a clock value'),
  replica: Id,
  by: Id,
  name: z.string().min(1).max(MAX_REVIEWER_NAME_CHARS),
  at: IsoTime,
  rev: OpId
}

const onClaim = { claimId: Id }
// What a change is, without who made it or when: what the renderer sends, and main stamps (OperationStamp). Values a
// change replaces (`previous`, snapshots of what it removes) are filled in by main from its own document, so that undo
// is just another operation and the log is a full audit trail; they never make a merge fail.

/** The article as it was imported: the first operation of every article. `people`: names of authors it brings (migration). */
const ARTICLE_CREATE = { type: z.literal('article.create'), article: Article, people: z.record(z.string(), z.string().max(MAX_REVIEWER_NAME_CHARS)).optional() }
const ARTICLE_RENAME = { type: z.literal('article.rename'), title: z.string().trim().min(1).max(MAX_TITLE_CHARS), previous: z.string() }
const CLAIM_CREATE = { type: z.literal('claim.create'), claim: Claim }
const CLAIM_DELETE = { type: z.literal('claim.delete'), ...onClaim, claim: Claim }
/**
 * Sets (or, with the same verdict, confirms) a verdict for the claim's current words; `wording` only in undo. `seen` is
 * the verdicts in force that this one replaces, filled in by main: a verdict that did not see another reviewer's stands
 * beside it, as a disagreement.
 */
const CLAIM_SET_VERDICT = {
  type: z.literal('claim.setVerdict'),
  ...onClaim,
  verdict: Verdict,
  previous: Verdict,
  seen: z.array(OpId).max(100).optional(),
  /**
   * The final verdict on a claim reviewers disagree on: it replaces every verdict in force, and says who decided. Any
   * other verdict replaces only its author's own, so that each reviewer's judgement stands until someone resolves.
   */
  resolves: z.literal(true).optional(),
  /** The author's own earlier verdict this one undoes: it gives way to what that one replaced, and to no one else's. */
  undoes: OpId.optional(),
  wording: z.string().optional(),
  previousWording: z.string().optional()
}
const CLAIM_SET_CONCLUSION = { type: z.literal('claim.setConclusion'), ...onClaim, conclusion: z.string().max(MAX_CONCLUSION_CHARS), previous: z.string() }
const CLAIM_SET_CLAIMANT = { type: z.literal('claim.setClaimant'), ...onClaim, claimant: z.string().max(MAX_CLAIMANT_CHARS), previous: z.string() }
const CLAIM_SET_TAGS = { type: z.literal('claim.setTags'), ...onClaim, tags: z.array(z.string().min(1).max(MAX_TAG_CHARS)).max(MAX_TAGS), previous: z.array(z.string()) }
const CLAIM_ADD_NOTE = { type: z.literal('claim.addNote'), ...onClaim, note: Note }
const CLAIM_EDIT_NOTE = { type: z.literal('claim.editNote'), ...onClaim, noteId: Id, text: z.string().min(1).max(MAX_NOTE_CHARS), previous: z.string() }
const CLAIM_DELETE_NOTE = { type: z.literal('claim.deleteNote'), ...onClaim, note: Note }
const CLAIM_ADD_SOURCE = { type: z.literal('claim.addSource'), ...onClaim, source: Source }
const CLAIM_DELETE_SOURCE = { type: z.literal('claim.deleteSource'), ...onClaim, source: Source }
/** A new version of the article's text; each claim re-anchored. The previous text stays in the log. */
const ARTICLE_REVISE = {
  type: z.literal('article.revise'),
  text: z.string().max(MAX_ARTICLE_CHARS),
  blocks: z.array(Block).max(MAX_BLOCKS),
  links: z.array(ArticleLink).max(MAX_LINKS).optional(),
  previous: z.object({ text: z.string().max(MAX_ARTICLE_CHARS), blocks: z.array(Block).max(MAX_BLOCKS), links: z.array(ArticleLink).max(MAX_LINKS).optional() }),
  anchors: z.array(z.object({ claimId: Id, to: ClaimPlacement, from: ClaimPlacement })).max(MAX_CLAIMS)
}
/** A reviewer accepts where a claim was re-anchored, or re-attaches it to a selection. */
const CLAIM_PLACE_ANCHOR = { type: z.literal('claim.placeAnchor'), ...onClaim, to: ClaimPlacement, from: ClaimPlacement }
/**
 * A reviewer hides a claim suggestion, or shows it again (undo): suggestions are derived from the text, so what is kept
 * is the sentence's words. It stays hidden wherever those words are, for colleagues too, until the words change.
 */
const SUGGESTION_DISMISS = { type: z.literal('suggestion.dismiss'), sentence: z.string().min(1).max(MAX_ARTICLE_CHARS) }
const SUGGESTION_RESTORE = { type: z.literal('suggestion.restore'), sentence: z.string().min(1).max(MAX_ARTICLE_CHARS) }
/** Where the desk is with an article (who set it and when is the operation's stamp). */
const ARTICLE_SET_STATUS = { type: z.literal('article.setStatus'), status: ReviewStatus, previous: ReviewStatus }
/** Gives a claim to a reviewer to check (their id), or to no one (null). */
const CLAIM_ASSIGN = { type: z.literal('claim.assign'), ...onClaim, assignee: Id.nullable(), previous: Id.nullable() }
/** The whole state at once: only where a migrated version-1 log did not replay to what its file held. */
const ARTICLE_SNAPSHOT = { type: z.literal('article.snapshot'), article: Article, claims: z.array(Claim).max(MAX_CLAIMS), reason: z.string().max(500) }

export const OperationBody = z.discriminatedUnion('type', [
  z.object(ARTICLE_CREATE),
  z.object(ARTICLE_RENAME),
  z.object(CLAIM_CREATE),
  z.object(CLAIM_DELETE),
  z.object(CLAIM_SET_VERDICT),
  z.object(CLAIM_SET_CONCLUSION),
  z.object(CLAIM_SET_CLAIMANT),
  z.object(CLAIM_SET_TAGS),
  z.object(CLAIM_ADD_NOTE),
  z.object(CLAIM_EDIT_NOTE),
  z.object(CLAIM_DELETE_NOTE),
  z.object(CLAIM_ADD_SOURCE),
  z.object(CLAIM_DELETE_SOURCE),
  z.object(ARTICLE_REVISE),
  z.object(CLAIM_PLACE_ANCHOR),
  z.object(ARTICLE_SNAPSHOT),
  z.object(SUGGESTION_DISMISS),
  z.object(SUGGESTION_RESTORE),
  z.object(ARTICLE_SET_STATUS),
  z.object(CLAIM_ASSIGN)
])
export type OperationBody = z.infer<typeof OperationBody>

/** An operation as stored: its body and its stamp. */
export const Operation = z.discriminatedUnion('type', [
  z.object({ ...ARTICLE_CREATE, ...OperationStamp }),
  z.object({ ...ARTICLE_RENAME, ...OperationStamp }),
  z.object({ ...CLAIM_CREATE, ...OperationStamp }),
  z.object({ ...CLAIM_DELETE, ...OperationStamp }),
  z.object({ ...CLAIM_SET_VERDICT, ...OperationStamp }),
  z.object({ ...CLAIM_SET_CONCLUSION, ...OperationStamp }),
  z.object({ ...CLAIM_SET_CLAIMANT, ...OperationStamp }),
  z.object({ ...CLAIM_SET_TAGS, ...OperationStamp }),
  z.object({ ...CLAIM_ADD_NOTE, ...OperationStamp }),
  z.object({ ...CLAIM_EDIT_NOTE, ...OperationStamp }),
  z.object({ ...CLAIM_DELETE_NOTE, ...OperationStamp }),
  z.object({ ...CLAIM_ADD_SOURCE, ...OperationStamp }),
  z.object({ ...CLAIM_DELETE_SOURCE, ...OperationStamp }),
  z.object({ ...ARTICLE_REVISE, ...OperationStamp }),
  z.object({ ...CLAIM_PLACE_ANCHOR, ...OperationStamp }),
  z.object({ ...ARTICLE_SNAPSHOT, ...OperationStamp }),
  z.object({ ...SUGGESTION_DISMISS, ...OperationStamp }),
  z.object({ ...SUGGESTION_RESTORE, ...OperationStamp }),
  z.object({ ...ARTICLE_SET_STATUS, ...OperationStamp }),
  z.object({ ...CLAIM_ASSIGN, ...OperationStamp })
])
export type Operation = z.infer<typeof Operation>
export type OperationType = Operation['type']

export const ARTICLE_FORMAT = 'factmark-article'
export const ARTICLE_VERSION = 2

/**
 * An article as reviewers see it: the fold of its operations (core/ops.ts) in (ts, replica, id) order. `log` is every
 * operation, in that order (the audit trail); `revision` is the id of the operation that made the current text; `people`
 * are the reviewers' names by id, as their latest operations gave them.
 */
export const ArticleDoc = z.object({
  format: z.literal(ARTICLE_FORMAT),
  version: z.literal(ARTICLE_VERSION),
  article: Article,
  claims: z.array(Claim),
  log: z.array(Operation),
  revision: OpId,
  people: z.record(z.string(), z.string()),
  /** The words of the claim suggestions reviewers dismissed (absent before the first), in the order dismissed. */
  dismissed: z.array(z.string()).optional(),
  /** The review status and who set it, when (absent: in progress, never set). */
  status: z.object({ status: ReviewStatus, by: Id, at: IsoTime, op: OpId }).optional()
})
export type ArticleDoc = z.infer<typeof ArticleDoc>

export const WORKSPACE_FORMAT = 'factmark-workspace'

export const VerdictLabels = z.object({
  unreviewed: z.string(),
  verified: z.string(),
  disputed: z.string(),
  'needs-context': z.string(),
  unverifiable: z.string()
})

/** A reviewer of this workspace: a stable id (in every operation they make) and the name they go by now. */
export const Reviewer = z.object({ id: Id, name: z.string().trim().min(1).max(MAX_REVIEWER_NAME_CHARS) })
export type Reviewer = z.infer<typeof Reviewer>

/**
 * A workspace's settings (version 2). Who is reviewing is not here: that belongs to each machine account (the store's
 * identities), so colleagues sharing a folder each have their own.
 */
export const WorkspaceSettings = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(2),
  organisation: z.string(),
  /** Where published reports live; ClaimReview `url`s point into it. */
  claimReviewBaseUrl: z.string(),
  /** Set once the sample articles went in (or the workspace had articles of its own), so they come only once. */
  seeded: z.boolean().optional(),
  verdictLabels: VerdictLabels,
  reviewers: z.array(Reviewer),
  createdAt: IsoTime
})
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>

export const DEFAULT_VERDICT_LABELS: z.infer<typeof VerdictLabels> = {
  unreviewed: 'Unreviewed',
  verified: 'Verified',
  disputed: 'Disputed',
  'needs-context': 'Needs context',
  unverifiable: 'Unverifiable'
}

/** What the article list shows of an article without loading its claims into the UI. */
export const ArticleSummary = z.object({
  id: Id,
  title: z.string(),
  claims: z.number().int().nonnegative(),
  reviewed: z.number().int().nonnegative(),
  updatedAt: IsoTime,
  origin: ArticleOrigin
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

export function summarize(doc: ArticleDoc): ArticleSummary {
  const { article, claims } = doc
  return {
    id: article.id,
    title: article.title,
    claims: claims.length,
    reviewed: claims.filter((c) => c.verdict !== 'unreviewed').length,
    updatedAt: article.updatedAt,
    origin: article.origin
  }
}
