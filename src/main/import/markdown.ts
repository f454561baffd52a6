import { Lexer, type Token, type Tokens } from 'marked'
import type { BlockKind } from '../../core/model'
import type { NewArticle } from '../workspace/workspace'
import { blocksFromHtml, decodeEntities } from './html'
import { articleFromParts, collapseSpace, type BlockPart } from './shared'

const HEADINGS: BlockKind[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']

/**
 * Markdown to blocks with marked's lexer: headings → h1–h6, paragraphs → p, list items → li (numbered in an ordered list), quotes → blockquote
 * (their paragraphs and headings; lists inside a quote stay li), code blocks → p with their line breaks, table rows → p with
 * cells joined by " | ". Inline markup is reduced to its text: links keep their text, images are dropped, inline HTML tags are
 * dropped and the text between them kept; a block of raw HTML is sanitised and walked like any HTML.
 */
export function blocksFromMarkdown(markdown: string): BlockPart[] {
  const parts: BlockPart[] = []
  const push = (kind: BlockKind, text: string, number?: number) => {
    if (text.trim()) parts.push(number === undefined ? { kind, text } : { kind, text, number })
  }

  const block = (token: Token, context: BlockKind): void => {
    switch (token.type) {
      case 'heading': {
        const { depth, tokens } = token as Tokens.Heading
        const kind: BlockKind = context === 'blockquote' ? 'blockquote' : HEADINGS[Math.min(Math.max(depth, 1), 6) - 1]!
        push(kind, collapseSpace(inline(tokens)))
        break
      }
      case 'paragraph':
        paragraph((token as Tokens.Paragraph).tokens, context)
        break
      case 'text': {
        // A tight list item's text, or text at the top level: inline tokens when the lexer gave them
        const text = token as Tokens.Text
        paragraph(text.tokens ?? [{ type: 'text', raw: text.raw, text: text.text } as Tokens.Text], context)
        break
      }
      case 'list': {
        const list = token as Tokens.List
        const start = typeof list.start === 'number' ? list.start : 1
        list.items.forEach((item, i) => listItem(item, list.ordered ? start + i : undefined))
        break
      }
      case 'blockquote':
        for (const child of (token as Tokens.Blockquote).tokens) block(child, context === 'li' ? 'li' : 'blockquote')
        break
      case 'code': {
        const text = (token as Tokens.Code).text.replace(/\r\n?/g, '\n').replace(/^\s*\n|\s+$/g, '')
        push(context === 'li' || context === 'blockquote' ? context : 'p', text)
        break
      }
      case 'table': {
        const table = token as Tokens.Table
        for (const row of [table.header, ...table.rows]) {
          const cells = row.map((cell) => collapseSpace(inline(cell.tokens))).filter((cell) => cell.length > 0)
          push(context === 'li' || context === 'blockquote' ? context : 'p', cells.join(' | '))
        }
        break
      }
      case 'html':
        for (const part of blocksFromHtml((token as Tokens.HTML).text)) {
          parts.push(context === 'blockquote' || context === 'li' ? { kind: context, text: part.text } : part)
        }
        break
      default:
        break // space, hr, def, checkbox: no text
    }
  }

  /** One paragraph's inline tokens; hard line breaks end a paragraph or quote block and are a space in a list item. */
  const paragraph = (tokens: Token[], context: BlockKind) => {
    const kind: BlockKind = context === 'li' || context === 'blockquote' ? context : 'p'
    if (kind === 'li') return push(kind, collapseSpace(inline(tokens)))
    let run: Token[] = []
    for (const token of tokens) {
      if (token.type === 'br') {
        push(kind, collapseSpace(inline(run)))
        run = []
      } else run.push(token)
    }
    push(kind, collapseSpace(inline(run)))
  }

  /** A list item's own text is one li block (with the item's number); its nested lists and other blocks follow as their own blocks. */
  const listItem = (item: Tokens.ListItem, number: number | undefined) => {
    let own = ''
    const flush = () => {
      const text = collapseSpace(own)
      push('li', text, number)
      if (text) number = undefined
      own = ''
    }
    for (const child of item.tokens) {
      if (child.type === 'text') own += ` ${inline((child as Tokens.Text).tokens ?? [child])}`
      else if (child.type === 'paragraph') own += ` ${inline((child as Tokens.Paragraph).tokens)}`
      else if (child.type === 'space' || child.type === 'checkbox') continue
      else {
        flush()
        block(child, 'li')
      }
    }
    flush()
  }

  for (const token of new Lexer({ gfm: true }).lex(capNesting(markdown.replace(/^\uFEFF/, '')))) block(token, 'p')
  return parts
}

/** Quotes nested deeper than this are read as this deep, and lines indented further than this many columns as this far. */
const MAX_QUOTE_DEPTH = 32
const MAX_INDENT = 64
const DEEP_QUOTE = new RegExp(`^((?:[ \\t]{0,3}>[ \\t]?){${MAX_QUOTE_DEPTH}})(?:[ \\t]{0,3}>[ \\t]?)+`, 'gm')
const DEEP_INDENT = new RegExp(`^[ \\t]{${MAX_INDENT + 1},}`, 'gm')

/**
 * marked's time and memory grow with the square of nesting (100,000 nested quotes: minutes; 3,000 nested list items: over
 * 4 GB); no text needs more than a few levels, so deeper ones are read as the deepest allowed.
 */
function capNesting(markdown: string): string {
  return markdown.replace(DEEP_QUOTE, '$1').replace(DEEP_INDENT, ' '.repeat(MAX_INDENT))
}

/** Inline tokens to their text: markup dropped, entities in text decoded, code spans literal, images and raw tags dropped. */
function inline(tokens: Token[]): string {
  let text = ''
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text
        text += t.tokens ? inline(t.tokens) : decodeEntities(t.text)
        break
      }
      case 'escape':
      case 'codespan':
        text += (token as Tokens.Escape | Tokens.Codespan).text
        break
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        text += inline((token as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link).tokens)
        break
      case 'br':
        text += ' '
        break
      default:
        break // image, html tag, checkbox
    }
  }
  return text
}

/**
 * A Markdown document to an article. The title is the user's if given; else the first level-1 heading, which is then kept out of
 * the blocks when it leads the document (unless it is all there is); else the file name.
 */
export function articleFromMarkdown(markdown: string, meta: { title?: string; origin: NewArticle['origin'] }): NewArticle {
  let parts = blocksFromMarkdown(markdown)
  const firstH1 = parts.find((part) => part.kind === 'h1')
  const userTitle = meta.title?.trim()
  if (!userTitle && firstH1 && parts[0] === firstH1 && parts.length > 1) parts = parts.slice(1)
  return articleFromParts(parts, { title: userTitle, formatTitle: firstH1?.text, origin: meta.origin })
}
