// The format-version-1 operation log, kept only to migrate version-1 article files (see migrate-v1.ts). In version 1
// an operation carried who (a display name) and when (main's wall clock), and nothing else of identity or order.
import { z } from 'zod'
import { MAX_CLAIMANT_CHARS, MAX_CONCLUSION_CHARS, MAX_NOTE_CHARS, MAX_TAG_CHARS, MAX_TAGS, MAX_TITLE_CHARS } from './limits'
import { Article, ArticleLink, Block, Claim, ClaimPlacement, Id, IsoTime, Note, Source, Verdict, VerdictLabels } from './model'

/**
 * Every change is an operation: plain JSON with who (`by`) and when (`at`). Each carries what its inverse needs
 * (`previous` values, snapshots of what it removes), so undo is just another operation and the log is a full audit trail.
 */
const opBase = { by: z.string().min(1), at: IsoTime }
const onClaim = { ...opBase, claimId: Id }
export const OperationV1 = z.discriminatedUnion('type', [
  z.object({ type: z.literal('article.rename'), ...opBase, title: z.string().trim().min(1).max(MAX_TITLE_CHARS), previous: z.string() }),
  z.object({ type: z.literal('claim.create'), ...opBase, claim: Claim }),
  z.object({ type: z.literal('claim.delete'), ...onClaim, claim: Claim }),
  /** Sets (or, with the same verdict, confirms) a verdict for the claim's current words; `wording` only in undo. */
  z.object({
    type: z.literal('claim.setVerdict'),
    ...onClaim,
    verdict: Verdict,
    previous: Verdict,
    wording: z.string().optional(),
    previousWording: z.string().optional()
  }),
  z.object({ type: z.literal('claim.setConclusion'), ...onClaim, conclusion: z.string().max(MAX_CONCLUSION_CHARS), previous: z.string() }),
  z.object({ type: z.literal('claim.setClaimant'), ...onClaim, claimant: z.string().max(MAX_CLAIMANT_CHARS), previous: z.string() }),
  z.object({ type: z.literal('claim.setTags'), ...onClaim, tags: z.array(z.string().min(1).max(MAX_TAG_CHARS)).max(MAX_TAGS), previous: z.array(z.string()) }),
  z.object({ type: z.literal('claim.addNote'), ...onClaim, note: Note }),
  z.object({ type: z.literal('claim.editNote'), ...onClaim, noteId: Id, text: z.string().min(1).max(MAX_NOTE_CHARS), previous: z.string() }),
  z.object({ type: z.literal('claim.deleteNote'), ...onClaim, note: Note }),
  z.object({ type: z.literal('claim.addSource'), ...onClaim, source: Source }),
  z.object({ type: z.literal('claim.deleteSource'), ...onClaim, source: Source }),
  /** A new version of the article's text; each claim re-anchored. The previous text stays in the log. */
  z.object({
    type: z.literal('article.revise'),
    ...opBase,
    text: z.string(),
    blocks: z.array(Block),
    links: z.array(ArticleLink).optional(),
    previous: z.object({ text: z.string(), blocks: z.array(Block), links: z.array(ArticleLink).optional() }),
    anchors: z.array(z.object({ claimId: Id, to: ClaimPlacement, from: ClaimPlacement }))
  }),
  /** A reviewer accepts where a claim was re-anchored, or re-attaches it to a selection. */
  z.object({ type: z.literal('claim.placeAnchor'), ...onClaim, to: ClaimPlacement, from: ClaimPlacement })
])
export type OperationV1 = z.infer<typeof OperationV1>


export const ArticleDocV1 = z.object({
  format: z.literal('factmark-article'),
  version: z.literal(1),
  article: Article,
  claims: z.array(Claim),
  log: z.array(OperationV1)
})
export type ArticleDocV1 = z.infer<typeof ArticleDocV1>

/** workspace.json of version 1: one reviewer name for everyone using the folder. */
export const WorkspaceSettingsV1 = z.object({
  format: z.literal('factmark-workspace'),
  version: z.literal(1),
  reviewer: z.string().nullable(),
  organisation: z.string(),
  /** Where published reports live; ClaimReview `url`s point into it. Added after version 1 shipped, hence the default. */
  claimReviewBaseUrl: z.string().default(''),
  /** Set once the sample articles went in (or the workspace had articles of its own), so they come only once. */
  seeded: z.boolean().optional(),
  verdictLabels: VerdictLabels,
  createdAt: IsoTime
})
export type WorkspaceSettingsV1 = z.infer<typeof WorkspaceSettingsV1>
