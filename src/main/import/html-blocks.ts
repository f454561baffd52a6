import type { BlockKind } from '../../core/model'
import type { PartLink } from '../../core/plain-text'
import { CONTAINER_TAGS, DROPPED_WITH_CONTENT, HEADING_TAGS, METADATA_TAGS } from './html-tags'
import { attr, textOf, type HtmlElement, type HtmlNode } from './html-tree'
import type { BlockPart } from './shared'

/** Where a link of the page goes: a checked web address, an anchor in the page, or nowhere Factmark keeps. */
export type LinkTarget = { url: string } | { anchor: string } | undefined

export interface WalkOptions {
  /** Resolves an `href`; without it no link is kept. */
  linkTarget?: (href: string) => LinkTarget
  /** Walking stops once this many blocks, or this many characters of text, are reached (the caller refuses the article). */
  maxBlocks?: number
  maxChars?: number
}

const WHITE_SPACE = /[\t\n\f\r \u00a0]+/g

/**
 * Walks a parsed (and cleaned) HTML tree into blocks: h1–h6, p, li, blockquote, one per element. Paragraphs inside a list item
 * or a quote take its kind; text loose in a container becomes a block of the surrounding kind; a table row is one block with
 * its cells joined by " | "; `<pre>` keeps its line breaks; `<br>` ends a paragraph or quote block and is a space in headings
 * and list items. Text is collapsed for white space as a browser renders it. Items of an `<ol>` carry their number (`start`,
 * `value`, `reversed`); links carry where they go (see `linkTarget`); ids become anchors of the block where their text starts.
 *
 * The walk is the importer's allow-list: it reads only text, tag names and the attributes above, and leaves out whole what is
 * active, embedded, foreign (SVG, MathML), metadata or a form, so nothing but text leaves it, whatever the markup. It is
 * iterative, so any depth is safe.
 */
export function blocksFromTree(root: HtmlElement, options: WalkOptions = {}): BlockPart[] {
  return new Walker(options).walk(root)
}

interface Frame {
  node: HtmlElement
  next: number
  context: BlockKind
  /** Inside a table row: blocks inside it are inline, cells separated by " | ". */
  row: boolean
  exit?: () => void
}

interface OpenLink {
  start: number
  target: { url: string } | { anchor: string }
}

interface ListCounter {
  ordered: boolean
  next: number
  step: number
}

class Walker {
  private readonly parts: BlockPart[] = []
  private buffer = ''
  private links: PartLink[] = []
  private readonly openLinks: OpenLink[] = []
  private anchors: string[] = []
  private number: number | undefined
  private pendingSeparator = false
  private chars = 0
  private readonly lists: ListCounter[] = []
  private readonly maxBlocks: number
  private readonly maxChars: number

  constructor(private readonly options: WalkOptions) {
    this.maxBlocks = options.maxBlocks ?? Infinity
    this.maxChars = options.maxChars ?? Infinity
  }

  walk(root: HtmlElement): BlockPart[] {
    const stack: Frame[] = [{ node: root, next: 0, context: 'p', row: false }]
    while (stack.length > 0) {
      if (this.parts.length >= this.maxBlocks || this.chars >= this.maxChars) break
      const frame = stack[stack.length - 1]!
      const child = frame.node.children[frame.next++]
      if (!child) {
        stack.pop()
        frame.exit?.()
        continue
      }
      if (child.kind === 'text') this.append(child.text)
      else {
        const entered = this.enter(child, frame)
        if (entered) stack.push(entered)
      }
    }
    this.flush('p')
    return this.parts
  }

  /** Handles an element's start; returns the frame to walk its children in, if any. */
  private enter(element: HtmlElement, parent: Frame): Frame | undefined {
    const tag = element.tag
    if (element.foreign || DROPPED_WITH_CONTENT.has(tag) || METADATA_TAGS.has(tag)) return undefined
    const { context, row } = parent
    const frame = (childContext: BlockKind, exit?: () => void): Frame => ({ node: element, next: 0, context: childContext, row, exit })
    const withLink = (inner: Frame): Frame => this.linkFrame(element, inner)
    const block = (before: BlockKind, inside: BlockKind, after: BlockKind, extra?: () => void): Frame => {
      this.flush(before)
      this.anchor(element)
      return withLink(frame(inside, () => {
        this.flush(after)
        extra?.()
      }))
    }

    if (row) return this.enterInRow(element, parent)
    if (tag === 'br') {
      if (context === 'p' || context === 'blockquote') this.flush(context)
      else this.append(' ')
      return undefined
    }
    const heading = HEADING_TAGS.has(tag) ? (tag as BlockKind) : undefined
    if (heading) return block(context, heading, heading)
    if (tag === 'p') return block(context, context, context)
    if (tag === 'li') {
      const block_ = block(context, 'li', 'li', () => (this.number = undefined))
      this.number = this.itemNumber(element)
      return block_
    }
    if (tag === 'blockquote') return block(context, 'blockquote', 'blockquote')
    if (tag === 'pre' || tag === 'listing') {
      this.flush(context)
      this.anchor(element)
      const text = textOf(element, (e) => e.foreign || DROPPED_WITH_CONTENT.has(e.tag) || METADATA_TAGS.has(e.tag))
        .replace(/\r\n?/g, '\n')
        .replace(/^\s*\n|\s+$/g, '')
      if (text.trim()) this.push({ kind: HEADING_TAGS.has(context) ? 'p' : context, text })
      return undefined
    }
    if (tag === 'tr') {
      this.flush(context)
      this.anchor(element)
      return { node: element, next: 0, context, row: true, exit: () => this.flush(context) }
    }
    if (tag === 'ol' || tag === 'ul' || tag === 'menu' || tag === 'dir') {
      this.lists.push(this.listCounter(element))
      return block(context, context, context, () => this.lists.pop())
    }
    if (CONTAINER_TAGS.has(tag)) return block(context, context, context)
    // inline: its text joins the current block
    this.anchor(element)
    return withLink(frame(context))
  }

  /** Inside a table row everything is inline; cells are separated by " | " (empty ones leave no separator). */
  private enterInRow(element: HtmlElement, parent: Frame): Frame {
    const tag = element.tag
    this.anchor(element)
    if (tag === 'td' || tag === 'th') {
      if (this.buffer.trim()) this.pendingSeparator = true
    } else if (tag === 'br' || CONTAINER_TAGS.has(tag) || HEADING_TAGS.has(tag) || ['p', 'li', 'blockquote', 'pre', 'tr'].includes(tag)) {
      this.append(' ')
    }
    return this.linkFrame(element, { node: element, next: 0, context: parent.context, row: true })
  }

  /** An `<a href>` opens a link over the text inside it. */
  private linkFrame(element: HtmlElement, frame: Frame): Frame {
    if (element.tag !== 'a' || !this.options.linkTarget) return frame
    const href = attr(element, 'href')
    const target = href === undefined ? undefined : this.options.linkTarget(href)
    if (!target) return frame
    const link: OpenLink = { start: this.buffer.length, target }
    this.openLinks.push(link)
    const exit = frame.exit
    return {
      ...frame,
      exit: () => {
        const index = this.openLinks.lastIndexOf(link)
        if (index >= 0) {
          this.openLinks.splice(index, 1)
          this.links.push({ start: link.start, end: this.buffer.length, ...link.target })
        }
        exit?.()
      }
    }
  }

  /** An element's id (or an old-style `<a name>`) points at the block where its text starts. */
  private anchor(element: HtmlElement): void {
    const id = attr(element, 'id') ?? (element.tag === 'a' ? attr(element, 'name') : undefined)
    if (id) this.anchors.push(id)
  }

  private listCounter(list: HtmlElement): ListCounter {
    if (list.tag !== 'ol') return { ordered: false, next: 0, step: 0 }
    const reversed = attr(list, 'reversed') !== undefined
    const start = integer(attr(list, 'start'))
    const items = reversed && start === undefined ? list.children.filter((c) => c.kind === 'element' && c.tag === 'li').length : 0
    return { ordered: true, next: start ?? (reversed ? items : 1), step: reversed ? -1 : 1 }
  }

  private itemNumber(item: HtmlElement): number | undefined {
    const list = this.lists[this.lists.length - 1]
    if (!list?.ordered) return undefined
    const number = integer(attr(item, 'value')) ?? list.next
    list.next = number + list.step
    return number
  }

  /** Appends text, collapsing white space as it goes (so that link offsets are offsets in the final text). */
  private append(raw: string): void {
    let text = raw.replace(WHITE_SPACE, ' ')
    if (text === '') return
    if (this.buffer === '' || this.buffer.endsWith(' ')) text = text.replace(/^ /, '')
    if (this.pendingSeparator && text.trim()) {
      this.buffer = this.buffer.trimEnd() + ' | '
      this.pendingSeparator = false
      text = text.replace(/^ /, '')
    }
    this.buffer += text
  }

  /** Ends the current block: its text trimmed, its links clipped to it, pending anchors and list number given to it. */
  private flush(kind: BlockKind): void {
    const raw = this.buffer
    this.buffer = ''
    this.pendingSeparator = false
    const text = raw.trim()
    const lead = raw.length - raw.trimStart().length
    for (const link of this.openLinks) {
      this.links.push({ start: link.start, end: raw.length, ...link.target })
      link.start = 0 // a link around several blocks continues in the next one
    }
    const links = this.links
    this.links = []
    if (!text) return
    const kept: PartLink[] = []
    for (const link of links) {
      let start = Math.max(0, link.start - lead)
      let end = Math.min(text.length, link.end - lead)
      while (start < end && /\s/.test(text[start]!)) start++
      while (end > start && /\s/.test(text[end - 1]!)) end--
      if (start < end) kept.push({ ...link, start, end })
    }
    const part: BlockPart = { kind, text }
    if (kind === 'li' && this.number !== undefined) part.number = this.number
    this.number = undefined
    if (kept.length > 0) part.links = kept
    if (this.anchors.length > 0) part.anchors = this.anchors
    this.anchors = []
    this.push(part)
  }

  private push(part: BlockPart): void {
    if (this.anchors.length > 0 && !part.anchors) {
      part.anchors = this.anchors
      this.anchors = []
    }
    this.parts.push(part)
    this.chars += part.text.length
  }
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return undefined
  const number = Number.parseInt(value, 10)
  return Number.isSafeInteger(number) ? number : undefined
}
