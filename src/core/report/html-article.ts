// The article section of the HTML report: the current text block by block, the claims found in it marked,
// the article's own links kept, lists as lists (numbered ones with their numbers).

import { hasDisagreement } from '../disagreement'
import type { ArticleDoc, Block } from '../model'
import { WORDING_WORDS } from '../placement-words'
import { DISAGREEMENT_LABEL } from './disagreement'
import { blockAnchor, escapeHtml } from './html-escape'
import { inlineHtml, inlineSpans, linkSpans, type MarkSpan } from './html-inline'
import { verdictLabel, type ReportedClaim, type ReportOptions } from './options'
import { inCurrentText, standingOf } from './standing'
import { VERDICT_ICONS } from './verdicts'

/** Blocks of the article; an article without any is taken line by line. */
function blocksOf(text: string, blocks: readonly Block[]): Block[] {
  if (blocks.length) return [...blocks]
  const out: Block[] = []
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ kind: 'p', start: m.index, end: m.index + m[0].length })
  return out
}

/**
 * The article's headings sit two levels below the report's own (h1 the report's title, h2 its sections):
 * h1 → h3, h2 → h4, h3 → h5, h4 → h6. HTML has no level below h6, so h5 and h6 are h6 as well; each heading
 * also carries its article level as a class (a-h1 … a-h6), and the stylesheet steps the sizes down by it.
 */
const BLOCK_TAGS: Record<Block['kind'], string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6', p: 'p', li: 'li', blockquote: 'blockquote' }

/** What a mark's tooltip says: the claim's number and verdict, and where it stands when it needs a look. */
export function markTitle({ claim, number }: Pick<MarkSpan, 'claim' | 'number'>, options: ReportOptions): string {
  const standing = standingOf(claim)
  const verdict = `${verdictLabel(options, claim.verdict)}${standing.verdictFor !== undefined ? `, ${WORDING_WORDS.verdictForEarlier}` : ''}`
  return `Claim ${number}: ${verdict}${hasDisagreement(claim) ? ` · ${DISAGREEMENT_LABEL}` : ''}${standing.label ? ` · ${standing.label}` : ''}`
}

/** Claims whose stored position still selects their quote in the current text: only those are marked in it. */
export function markSpans(text: string, claims: readonly ReportedClaim[]): MarkSpan[] {
  return claims
    .filter(({ claim }) => inCurrentText(text, claim))
    .map(({ claim, number }) => ({ kind: 'mark', start: claim.position.start, end: claim.position.end, claim, number }))
}

export const claimAnchor = (id: string) => `claim-${escapeHtml(id)}`
export const refAnchor = (id: string) => `ref-${escapeHtml(id)}`

/** The article section, a block at a time (a 1 MB article has thousands: the caller may pause between them). */
export function* articleSection(doc: ArticleDoc, marks: readonly MarkSpan[], options: ReportOptions, unmarked: number): Generator<string> {
  const { text, links } = doc.article
  const spans = inlineSpans(marks, linkSpans(links, true))
  const targets = new Set((links ?? []).flatMap((l) => ('block' in l ? [l.block] : [])))
  const rendering = {
    open: ({ span, depth, first }: { span: MarkSpan; depth: number; first: boolean }) =>
      `<mark class="v-${span.claim.verdict} d${Math.min(depth, 3)}" data-claim="${escapeHtml(span.claim.id)}"${first ? ` id="${refAnchor(span.claim.id)}"` : ''} title="${escapeHtml(markTitle(span, options))}">`,
    end: (span: MarkSpan) =>
      `<sup class="fn v-${span.claim.verdict}" dir="ltr"><a href="#${claimAnchor(span.claim.id)}" title="${escapeHtml(markTitle(span, options))}">${VERDICT_ICONS[span.claim.verdict]}${span.number}</a></sup>`
  }
  const lost = unmarked
    ? ` ${unmarked === 1 ? 'One claim is' : `${unmarked} claims are`} not in the current text and so not marked in it: see Claims.`
    : ''
  yield `<section class="article" aria-labelledby="article-heading">
<h2 id="article-heading">Article</h2>
<p class="legend">Claims are highlighted in the text; the numbered tag after each leads to its review. Where claims overlap, the tints add up.${lost}</p>
<div class="article-text">
`
  let list: 'ul' | 'ol' | undefined
  let first = true
  const line = (html: string) => {
    const piece = first ? html : `\n${html}`
    first = false
    return piece
  }
  for (const [index, block] of blocksOf(text, doc.article.blocks).entries()) {
    const wanted = block.kind !== 'li' ? undefined : block.number !== undefined ? 'ol' : 'ul'
    let opened = ''
    if (list !== wanted) {
      if (list) opened += line(`</${list}>`)
      if (wanted) opened += line(`<${wanted}>`)
      list = wanted
    }
    const tag = BLOCK_TAGS[block.kind]
    const attrs = [
      targets.has(index) ? ` id="${blockAnchor(index)}"` : '',
      tag.startsWith('h') ? ` class="a-${block.kind}"` : '',
      block.kind === 'li' && block.number !== undefined ? ` value="${block.number}"` : ''
    ].join('')
    yield opened + line(`<${tag}${attrs} dir="auto">${inlineHtml(text, block.start, block.end, spans, rendering)}</${tag}>`)
  }
  yield `${list ? line(`</${list}>`) : ''}
</div>
</section>`
}
