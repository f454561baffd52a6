// A claim's words in context as one Markdown line: the claim in bold, the article's web links as links (bold
// and links properly nested, through nestSpans), "7. " in front when the claim sits in item 7 of a numbered list.

import type { ArticleDoc, Claim } from '../model'
import { listNumberAt } from './blocks'
import { quoteInContext } from './context'
import { escapeInline, escapeLineStart, escapeLinkText, linkDestination } from './markdown-escape'
import { nestSpans, type Span } from './nesting'

interface Piece extends Span {
  /** Undefined for the claim itself. */
  destination?: string
}

const flat = (text: string) => text.replace(/\s+/g, ' ')

/**
 * Bold needs its `**` right against the words (`** x**` is not bold), so blanks at the edge of a bold piece
 * move outside it. `parts` are text and markup; `bold` holds the indices of the `**` that open or close.
 */
function tidyBold(parts: string[], bold: ReadonlyMap<number, 'open' | 'close'>): string {
  for (const [i, side] of bold) {
    const j = side === 'open' ? i + 1 : i - 1
    const blanks = (side === 'open' ? /^ +/ : / +$/).exec(parts[j] ?? '')?.[0]
    if (!blanks || bold.has(j)) continue
    parts[j] = side === 'open' ? parts[j]!.slice(blanks.length) : parts[j]!.slice(0, -blanks.length)
    parts[i] = side === 'open' ? `${blanks}**` : `**${blanks}`
  }
  return parts.join('')
}

/** The line's text, to go after "> ". */
export function quoteLine(doc: ArticleDoc, claim: Claim): string {
  const { text, blocks, links } = doc.article
  const ctx = quoteInContext(text, claim)
  let line: string
  let item = ''
  if (ctx.from !== undefined && ctx.to !== undefined) {
    const pieces: Piece[] = [{ start: claim.position.start, end: claim.position.end }]
    for (const l of links ?? []) {
      const destination = 'url' in l ? linkDestination(l.url) : undefined
      if (destination) pieces.push({ start: l.start, end: l.end, destination })
    }
    const parts: string[] = []
    const bold = new Map<number, 'open' | 'close'>()
    let inLink = 0
    for (const token of nestSpans(ctx.from, ctx.to, pieces)) {
      if (token.kind === 'text') {
        const escaped = escapeInline(flat(text.slice(token.start, token.end)))
        parts.push(inLink > 0 ? escapeLinkText(escaped) : escaped)
      } else if (token.kind === 'end') continue
      else if (token.span.destination) {
        inLink += token.kind === 'open' ? 1 : -1
        parts.push(token.kind === 'open' ? '[' : `](${token.span.destination})`)
      } else bold.set(parts.push('**') - 1, token.kind)
    }
    line = tidyBold(parts, bold)
    const n = listNumberAt(blocks, claim.position.start)
    if (n !== undefined) item = `${n}. `
  } else {
    line = `${escapeInline(ctx.before)}**${escapeInline(ctx.exact.trim())}**${escapeInline(ctx.after)}`
  }
  // At the line's start (or an item's), text such as "# " or "1." would be markup.
  const start = ctx.moreBefore ? `…${line}` : escapeLineStart(line.trimStart())
  return `${item}${start}${ctx.moreAfter ? '…' : ''}`.trimEnd()
}
