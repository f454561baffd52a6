// What a valid document is, in one place. The schemas (model.ts) say what shape each value has; these say what the
// values must be to one another: every block, link and placed claim inside the text, on whole characters, a claim's
// quote the text at its position, ids unique, every link one the app may open, every author known, every limit kept.
// Main refuses a change whose result breaks one (core/ops.ts `tryApply`, `changeProblem`), the fold leaves out an operation from
// another writer that would (so a document folded from any log is valid), and a stored state is checked when read.
// Each check answers a sentence for a reviewer, or null.

import { isGraphemeBoundary } from './anchoring/snap'
import { checkSourceUrl } from './links'
import {
  MAX_ARTICLE_CHARS,
  MAX_BLOCKS,
  MAX_CLAIMANT_CHARS,
  MAX_CLAIMS,
  MAX_CONCLUSION_CHARS,
  MAX_LINKS,
  MAX_NOTES_PER_CLAIM,
  MAX_QUOTE_CONTEXT_CHARS,
  MAX_SOURCES_PER_CLAIM,
  MAX_TAG_CHARS,
  MAX_TAGS
} from './limits'
import type { Article, ArticleDoc, Claim } from './model'

type Problem = string | null
type People = ArticleDoc['people']

const count = (n: number): string => n.toLocaleString('en-US')
const hasText = (s: string): boolean => /[^\s\p{White_Space}]/u.test(s)

/** The article itself: its text, its blocks in order and inside the text, its links. */
export function articleProblem(article: Article): Problem {
  const { text, blocks } = article
  if (text.length > MAX_ARTICLE_CHARS) return `An article can hold at most ${count(MAX_ARTICLE_CHARS)} characters.`
  if (blocks.length > MAX_BLOCKS) return `An article can have at most ${count(MAX_BLOCKS)} paragraphs.`
  let end = 0
  for (const block of blocks) {
    // In order and apart: the article view and the reports walk them from the start of the text to its end.
    if (block.start < end || block.end < block.start || block.end > text.length) return 'A paragraph of the article lies outside its text.'
    if (!isGraphemeBoundary(text, block.start) || !isGraphemeBoundary(text, block.end)) return 'A paragraph of the article starts or ends inside a character.'
    end = block.end
  }
  const links = article.links ?? []
  if (links.length > MAX_LINKS) return `An article can keep at most ${count(MAX_LINKS)} links.`
  for (const link of links) {
    if (link.start >= link.end || link.end > text.length) return 'A link of the article lies outside its text.'
    if ('url' in link ? !checkSourceUrl(link.url).ok : link.block >= blocks.length) return 'A link of the article goes somewhere Factmark does not open.'
  }
  return null
}

/** One claim against the article's text and the people the document knows. (Run for every claim when an article is
 * read: no closures or arrays per claim.) */
export function claimProblem(text: string, people: People, claim: Claim): Problem {
  const { quote, position } = claim
  if (!hasText(quote.exact)) return 'A claim needs words, not only spaces.'
  if (quote.prefix.length > MAX_QUOTE_CONTEXT_CHARS || quote.suffix.length > MAX_QUOTE_CONTEXT_CHARS) return 'A claim’s surrounding words are too long.'
  if (position.start > position.end) return 'A claim ends before it starts.'
  // A claim not found after an update keeps its words and where it was, for a reviewer to re-attach it.
  if (claim.anchor?.status !== 'orphaned') {
    if (position.start === position.end || position.end > text.length) return 'A claim lies outside the article text.'
    if (!isGraphemeBoundary(text, position.start) || !isGraphemeBoundary(text, position.end)) return 'A claim starts or ends inside a character.'
    if (text.slice(position.start, position.end) !== quote.exact) return 'A claim’s words are not the article’s text at its position.'
  }
  if (claim.conclusion.length > MAX_CONCLUSION_CHARS) return `A conclusion can be at most ${count(MAX_CONCLUSION_CHARS)} characters.`
  if (claim.claimant.length > MAX_CLAIMANT_CHARS) return `A claimant can be at most ${count(MAX_CLAIMANT_CHARS)} characters.`
  if (claim.tags.length > MAX_TAGS) return `A claim can have at most ${MAX_TAGS} tags.`
  for (const tag of claim.tags) if (!hasText(tag) || tag.length > MAX_TAG_CHARS) return `A tag needs words, and at most ${MAX_TAG_CHARS} characters.`
  if (claim.notes.length > MAX_NOTES_PER_CLAIM) return `A claim can have at most ${count(MAX_NOTES_PER_CLAIM)} notes.`
  if (claim.sources.length > MAX_SOURCES_PER_CLAIM) return `A claim can have at most ${MAX_SOURCES_PER_CLAIM} sources.`
  if (!uniqueIds(claim.notes) || !uniqueIds(claim.sources)) return 'A claim has two notes or two sources under one id.'
  const unknown = 'A claim names a reviewer the article does not know.'
  if (!Object.hasOwn(people, claim.createdBy)) return unknown
  for (const note of claim.notes) if (!Object.hasOwn(people, note.by)) return unknown
  for (const source of claim.sources) {
    if (!Object.hasOwn(people, source.by)) return unknown
    const link = checkSourceUrl(source.url)
    if (!link.ok) return `A source’s address is refused. ${link.message}`
  }
  if (claim.verdicts) {
    for (const v of claim.verdicts) if (!Object.hasOwn(people, v.by)) return unknown
    if (!uniqueIds(claim.verdicts.map((v) => ({ id: v.by })))) return 'A claim has two verdicts in force from one reviewer.'
  }
  return null
}

/** Every claim: each valid, ids unique, not too many. */
export function claimsProblem(doc: Pick<ArticleDoc, 'article' | 'claims' | 'people'>): Problem {
  const tooMany = claimCountProblem(doc.claims.length)
  if (tooMany) return tooMany
  const ids = new Set<string>()
  for (const claim of doc.claims) {
    if (ids.has(claim.id)) return 'Two claims of the article have the same id.'
    ids.add(claim.id)
    const problem = claimProblem(doc.article.text, doc.people, claim)
    if (problem) return problem
  }
  return null
}

export function claimCountProblem(claims: number): Problem {
  return claims > MAX_CLAIMS ? `An article can have at most ${count(MAX_CLAIMS)} claims.` : null
}

/** The whole document (a stored state as it is read). */
export function documentProblem(doc: ArticleDoc): Problem {
  if (!Object.hasOwn(doc.people, doc.article.createdBy)) return 'The article names a reviewer it does not know.'
  return articleProblem(doc.article) ?? claimsProblem(doc)
}

function uniqueIds(items: readonly { id: string }[]): boolean {
  if (items.length < 2) return true
  const ids = new Set<string>()
  for (const { id } of items) {
    if (ids.has(id)) return false
    ids.add(id)
  }
  return true
}
