import type { ArticleLink, Block } from './model'

export interface ArticleBody {
  text: string
  blocks: Block[]
  /** The source's own links (web pages), in text order. */
  links?: ArticleLink[]
}

/** Blocks are joined by a blank line so that the article text reads naturally when exported whole. */
export const BLOCK_SEPARATOR = '\n\n'

export function bodyFromBlocks(parts: { kind: Block['kind']; text: string }[]): ArticleBody {
  const blocks: Block[] = []
  let text = ''
  for (const part of parts) {
    if (blocks.length > 0) text += BLOCK_SEPARATOR
    blocks.push({ kind: part.kind, start: text.length, end: text.length + part.text.length })
    text += part.text
  }
  return { text, blocks }
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
