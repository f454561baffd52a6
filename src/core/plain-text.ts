import { MAX_LINKS } from './limits'
import type { ArticleLink, Block } from './model'

/** The largest list number a block keeps (the schema's bound). */
const MAX_LIST_NUMBER = 1_000_000

export interface ArticleBody {
  text: string
  blocks: Block[]
  /** The source's own links (web pages), in text order. */
  links?: ArticleLink[]
}

/** Blocks are joined by a blank line so that the article text reads naturally when exported whole. */
export const BLOCK_SEPARATOR = '\n\n'

/**
 * A link inside one block, before the blocks are joined: offsets are local to the block's text, and an in-page link
 * names the anchor (an element id of the source) it points at rather than a block index, since importers may still
 * drop or add blocks after walking the source.
 */
export type PartLink = { start: number; end: number; url: string } | { start: number; end: number; anchor: string }

/** One block of an article before offsets are assigned. */
export interface TextPart {
  kind: Block['kind']
  text: string
  /** The item's number in a numbered list. */
  number?: number
  links?: PartLink[]
  /** Anchors (element ids of the source) that point at this block. */
  anchors?: string[]
}

/**
 * Joins blocks into the article text. Links become global offsets: kept only within their block, sorted, never
 * overlapping (the first one wins), in-page ones resolved to the index of the block holding their anchor (dropped when
 * no block does), at most MAX_LINKS of them.
 */
export function bodyFromBlocks(parts: TextPart[]): ArticleBody {
  const blocks: Block[] = []
  const anchorBlock = new Map<string, number>()
  let text = ''
  for (const part of parts) {
    if (blocks.length > 0) text += BLOCK_SEPARATOR
    const block: Block = { kind: part.kind, start: text.length, end: text.length + part.text.length }
    if (part.number !== undefined && Number.isInteger(part.number) && part.number >= 0 && part.number <= MAX_LIST_NUMBER) block.number = part.number
    for (const anchor of part.anchors ?? []) if (!anchorBlock.has(anchor)) anchorBlock.set(anchor, blocks.length)
    blocks.push(block)
    text += part.text
  }

  const links: ArticleLink[] = []
  parts.forEach((part, index) => {
    if (!part.links?.length) return
    const { start: offset } = blocks[index]!
    let reached = 0
    for (const link of [...part.links].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const start = Math.max(0, link.start)
      const end = Math.min(part.text.length, link.end)
      if (start >= end || start < reached || links.length >= MAX_LINKS) continue
      if ('url' in link) links.push({ start: offset + start, end: offset + end, url: link.url })
      else {
        const block = anchorBlock.get(link.anchor)
        if (block === undefined) continue
        links.push({ start: offset + start, end: offset + end, block })
      }
      reached = end
    }
  })
  return links.length > 0 ? { text, blocks, links } : { text, blocks }
}

/**
 * Plain text to paragraphs. Text that separates paragraphs by blank lines is taken to be hard-wrapped,
 * so single line breaks inside a paragraph become spaces; otherwise every line is a paragraph.
 * Characters are otherwise kept exactly (no Unicode normalisation: NFC and NFD stay as they were).
 */
export function bodyFromPlainText(raw: string): ArticleBody {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const paragraphs = /\n[ \t]*\n/.test(text)
    ? text.split(/\n[ \t]*\n+/).map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' '))
    : text.split('\n')
  return bodyFromBlocks(
    paragraphs.map((p) => p.trim()).filter((p) => p.length > 0).map((p) => ({ kind: 'p' as const, text: p }))
  )
}

/** A wire-story dateline such as "ASTANA, 14 August (BelTA) –" at the start of the first paragraph. */
export function findDateline(firstParagraph: string): string | undefined {
  const match = /^([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'-]+,\s+[^–—]{3,40}?)\s+[–—-]\s/u.exec(firstParagraph)
  return match?.[1]
}
