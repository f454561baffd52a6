import { ErrorCodes, Tokenizer, TokenizerMode, type Token } from 'parse5'
import {
  BLOCK_TAGS,
  CLOSES_P,
  DROPPED_WITH_CONTENT,
  FOREIGN_BREAKOUT,
  FORMATTING_TAGS,
  HEADING_TAGS,
  SCOPE_TAGS,
  SPECIAL_TAGS,
  VOID_TAGS
} from './html-tags'

export interface HtmlAttr {
  name: string
  value: string
}
export interface HtmlElement {
  kind: 'element'
  tag: string
  /** In SVG or MathML. */
  foreign: boolean
  attrs: HtmlAttr[]
  children: HtmlNode[]
}
export interface HtmlText {
  kind: 'text'
  text: string
}
export type HtmlNode = HtmlElement | HtmlText

export interface HtmlTree {
  root: HtmlElement
  /** Start tags seen, kept or not. */
  elements: number
}

/**
 * How deep the tree may nest. Past it, elements are not nested any further: their text goes into plain paragraphs, split
 * where a block element started or ended. Real pages stay well under it; Readability's cost grows with the square of the
 * depth and jsdom's insertions with the depth, so a page of 100,000 nested elements must not reach them as it is.
 */
export const MAX_DEPTH = 64

/** Parsing stops past this many elements: no article needs them, and the tree alone would take a gigabyte. */
export const MAX_ELEMENTS = 1_000_000

/** Thrown when a page has more than MAX_ELEMENTS elements. */
export class TooManyElements extends Error {}

const RAW_TEXT: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT
}
/** Tags the tree leaves out (their content is kept): the document's own frame. */
const FRAME_TAGS = new Set(['html', 'head', 'body'])

export function attr(element: HtmlElement, name: string): string | undefined {
  for (const a of element.attrs) if (a.name === name) return a.value
  return undefined
}

export const element = (tag: string, attrs: HtmlAttr[] = [], foreign = false): HtmlElement => ({ kind: 'element', tag, foreign, attrs, children: [] })

/**
 * Parses HTML into a light tree in time linear in its length, whatever its nesting: parse5's tokenizer (the spec's own
 * tokenization: character references, raw text, comments) and a tree builder that follows HTML's main rules (implied ends
 * of p, li, dd/dt, headings, table cells and rows, links; void elements; foreign content) with every search of the open
 * elements bounded by `maxDepth`. It is not the spec's tree builder (parse5's takes minutes on 100,000 nested divs, because
 * every new element searches the whole stack): where they differ, text keeps its order and only its nesting differs.
 * The text of scripts, styles and other raw-text elements is kept only where metadata lives (JSON-LD, title).
 * Throws TooManyElements past MAX_ELEMENTS.
 */
export function parseHtml(html: string, maxDepth = MAX_DEPTH): HtmlTree {
  const builder = new TreeBuilder(maxDepth)
  const tokenizer = new LinearTokenizer({ sourceCodeLocationInfo: false }, builder)
  builder.tokenizer = tokenizer
  tokenizer.write(html, true)
  return { root: builder.root, elements: builder.elements }
}

/**
 * parse5's tokenizer, with its one step that is not linear made so: it checks each attribute of a tag against all the
 * tag's attributes before it (a duplicate is dropped), so one tag of 150,000 attributes (a 1 MB page) took over 8 s (20,000: 1.6 s). Here
 * the tag's names are kept in a set. Same result: the first of duplicate names wins. (An override of parse5 7's
 * protected `_leaveAttrName`; its only other work is source locations, which parseHtml does not ask for. If a later parse5
 * renames it, this no longer applies and the "many-attributes" page of test/import/hostile-html.test.ts times out.)
 */
class LinearTokenizer extends Tokenizer {
  private namesOf: Token.TagToken | null = null
  private names = new Set<string>()

  protected override _leaveAttrName(): void {
    const token = this.currentToken as Token.TagToken
    if (token !== this.namesOf) {
      this.namesOf = token
      this.names = new Set(token.attrs.map((a) => a.name))
    }
    if (this.names.has(this.currentAttr.name)) return this._err(ErrorCodes.duplicateAttribute)
    this.names.add(this.currentAttr.name)
    token.attrs.push(this.currentAttr)
  }
}

class TreeBuilder {
  tokenizer!: Tokenizer
  readonly root = element('#root')
  private readonly stack: HtmlElement[] = [this.root]
  elements = 0
  /** Past the depth limit: the paragraph collecting text, names of elements left open there, and content being dropped. */
  private run: HtmlElement | null = null
  private readonly skipped = new Map<string, number>()
  private skippedCount = 0
  private dropping: { tag: string; open: number } | null = null
  /** Inside a raw-text element: its end tag, and whether its text is kept. */
  private raw: { tag: string; keep: boolean; inTree: boolean } | null = null

  constructor(private readonly maxDepth: number) {}

  private get top(): HtmlElement {
    return this.stack[this.stack.length - 1]!
  }

  onStartTag(token: Token.TagToken): void {
    const tag = token.tagName
    if (++this.elements > MAX_ELEMENTS) throw new TooManyElements()
    const rawMode = this.top.foreign ? undefined : RAW_TEXT[tag]
    if (rawMode !== undefined) this.tokenizer.state = rawMode

    if (this.dropping) {
      if (tag === this.dropping.tag && !VOID_TAGS.has(tag)) this.dropping.open++
      if (rawMode !== undefined) this.raw = { tag, keep: false, inTree: false }
      return
    }
    if (FRAME_TAGS.has(tag)) return
    if (this.top.foreign && (FOREIGN_BREAKOUT.has(tag) || (tag === 'font' && token.attrs.some((a) => ['color', 'face', 'size'].includes(a.name))))) {
      while (this.stack.length > 1 && this.top.foreign) this.pop()
    }
    const foreign = this.top.foreign || tag === 'svg' || tag === 'math'
    if (!foreign) this.closeImplied(tag)

    const isVoid = foreign ? token.selfClosing : VOID_TAGS.has(tag)
    if (this.skippedCount > 0 || (!isVoid && this.stack.length > this.maxDepth)) return this.beyondDepth(token, rawMode !== undefined, isVoid)

    const node = element(tag, token.attrs, foreign)
    this.top.children.push(node)
    this.run = null
    if (isVoid) return
    this.stack.push(node)
    this.tokenizer.inForeignNode = foreign
    if (rawMode !== undefined) {
      const type = (attr(node, 'type') ?? '').trim().toLowerCase()
      this.raw = { tag, keep: tag === 'title' || (tag === 'script' && type === 'application/ld+json'), inTree: true }
    }
  }

  onEndTag(token: Token.TagToken): void {
    const tag = token.tagName
    if (this.raw && this.raw.tag === tag) {
      const { inTree } = this.raw
      this.raw = null
      if (inTree) this.pop()
      return
    }
    if (this.dropping) {
      if (tag === this.dropping.tag && --this.dropping.open === 0) this.dropping = null
      return
    }
    if (FRAME_TAGS.has(tag)) return
    const skipped = this.skipped.get(tag)
    if (skipped) {
      this.skipped.set(tag, skipped - 1)
      this.skippedCount--
      if (BLOCK_TAGS.has(tag)) this.run = null
      return
    }
    if (tag === 'br') return this.onStartTag({ ...token, attrs: [] })
    const stopAt = FORMATTING_TAGS.has(tag) || SPECIAL_TAGS.has(tag) || this.top.foreign ? SCOPE_TAGS : SPECIAL_TAGS
    const listItem = tag === 'li'
    const tablePart = ['tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption'].includes(tag)
    for (let i = this.stack.length - 1; i > 0; i--) {
      const open = this.stack[i]!
      if (open.tag === tag || (HEADING_TAGS.has(tag) && HEADING_TAGS.has(open.tag))) return this.popTo(i)
      if (open.foreign) continue
      if (tablePart ? open.tag === 'table' : stopAt.has(open.tag) || (listItem && (open.tag === 'ol' || open.tag === 'ul'))) return
    }
  }

  onCharacter(token: Token.CharacterToken): void {
    this.text(token.chars)
  }
  onWhitespaceCharacter(token: Token.CharacterToken): void {
    this.text(token.chars)
  }
  onNullCharacter(): void {}
  onComment(): void {}
  onDoctype(): void {}
  onEof(): void {}

  private text(chars: string): void {
    if (this.dropping || (this.raw && !this.raw.keep)) return
    let parent = this.top
    if (this.skippedCount > 0) {
      if (!this.run) {
        this.run = element('p')
        this.top.children.push(this.run)
      }
      parent = this.run
    }
    const last = parent.children[parent.children.length - 1]
    if (last?.kind === 'text') last.text += chars
    else parent.children.push({ kind: 'text', text: chars })
  }

  /** An element past the depth limit: not nested; it separates paragraphs if it is a block; its content may be dropped. */
  private beyondDepth(token: Token.TagToken, raw: boolean, isVoid: boolean): void {
    const tag = token.tagName
    if (raw) {
      this.raw = { tag, keep: false, inTree: false }
      return
    }
    if (DROPPED_WITH_CONTENT.has(tag) || tag === 'title') {
      if (!isVoid) this.dropping = { tag, open: 1 }
      return
    }
    if (BLOCK_TAGS.has(tag) || tag === 'hr') this.run = null
    const id = token.attrs.find((a) => a.name === 'id')
    if (id) {
      // keeps the element's id as an anchor for in-page links, at the place its text starts
      if (!this.run) {
        this.run = element('p')
        this.top.children.push(this.run)
      }
      this.run.children.push(element('span', [id]))
    }
    if (isVoid) return
    this.skipped.set(tag, (this.skipped.get(tag) ?? 0) + 1)
    this.skippedCount++
  }

  /** HTML's implied end tags for a start tag, searching no further than the open elements (at most `maxDepth`). */
  private closeImplied(tag: string): void {
    if (CLOSES_P.has(tag)) this.closeWithin('p', SCOPE_TAGS_AND_BUTTON)
    if (tag === 'li') this.closeItem(['li'])
    else if (tag === 'dd' || tag === 'dt') this.closeItem(['dd', 'dt'])
    else if (HEADING_TAGS.has(tag) && HEADING_TAGS.has(this.top.tag)) this.pop()
    else if (tag === 'a') this.closeWithin('a', SCOPE_TAGS)
    else if (tag === 'td' || tag === 'th') this.closeInTable(['td', 'th'])
    else if (tag === 'tr') this.closeInTable(['tr'])
    else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') this.closeInTable(['tbody', 'thead', 'tfoot'])
  }

  private closeWithin(tag: string, stopAt: Set<string>): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const open = this.stack[i]!
      if (open.tag === tag && !open.foreign) return this.popTo(i)
      if (stopAt.has(open.tag) || open.foreign) return
    }
  }

  private closeItem(tags: string[]): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const open = this.stack[i]!
      if (tags.includes(open.tag)) return this.popTo(i)
      if (SPECIAL_TAGS.has(open.tag) && open.tag !== 'address' && open.tag !== 'div' && open.tag !== 'p') return
    }
  }

  private closeInTable(tags: string[]): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const open = this.stack[i]!
      if (tags.includes(open.tag)) return this.popTo(i)
      if (open.tag === 'table' || open.tag === 'template') return
    }
  }

  private pop(): void {
    this.popTo(this.stack.length - 1)
  }

  /** Closes the open element at `index` and everything opened inside it. */
  private popTo(index: number): void {
    if (index < 1) return
    this.stack.length = index
    this.run = null
    this.tokenizer.inForeignNode = this.top.foreign
  }
}

const SCOPE_TAGS_AND_BUTTON = new Set([...SCOPE_TAGS, 'button'])

/** The text of a subtree, iteratively (any depth), leaving out elements `skip` says to. */
export function textOf(node: HtmlNode, skip: (element: HtmlElement) => boolean = () => false): string {
  if (node.kind === 'text') return node.text
  let text = ''
  const stack: HtmlNode[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.kind === 'text') {
      text += current.text
      continue
    }
    if (current !== node && skip(current)) continue
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!)
  }
  return text
}

/** Every element of a subtree in document order, iteratively. */
export function* elementsOf(root: HtmlElement): Generator<HtmlElement> {
  const stack: HtmlElement[] = [root]
  while (stack.length > 0) {
    const current = stack.pop()!
    yield current
    for (let i = current.children.length - 1; i >= 0; i--) {
      const child = current.children[i]!
      if (child.kind === 'element') stack.push(child)
    }
  }
}
