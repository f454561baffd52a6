// What an annotation's words are, as plain text (an HTML body is read for its text, never kept as markup), and the web
// links in them, which become sources.

import LinkifyIt from 'linkify-it'
import { parseFragment } from 'parse5'
import { checkSourceUrl } from '../links'

const linkify = new LinkifyIt()

/** Elements whose text is not words a reader sees. */
const SILENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title'])
const BLOCK = /^(?:p|div|li|br|h[1-6]|blockquote|tr|section|article|pre)$/

interface Node {
  nodeName: string
  value?: string
  childNodes?: Node[]
}

/** The text a reader sees in an HTML body: paragraphs on their own lines, no markup, nothing from scripts or styles. */
export function htmlToText(html: string): string {
  const out: string[] = []
  const walk = (node: Node) => {
    if (node.nodeName === '#text') out.push(node.value ?? '')
    if (SILENT.has(node.nodeName)) return
    const block = BLOCK.test(node.nodeName)
    if (block) out.push('\n')
    for (const child of node.childNodes ?? []) walk(child)
    if (block) out.push('\n')
  }
  walk(parseFragment(html) as unknown as Node)
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()
}

export interface BodyLink {
  url: string
  /** The words the link was given in Markdown ([words](url)), else ''. */
  title: string
}

/** Web links in a note's text that pass the source check, each once, in the order they appear. */
export function linksIn(text: string): BodyLink[] {
  const found = new Map<string, BodyLink>()
  for (const match of linkify.match(text) ?? []) {
    if (match.schema !== 'http:' && match.schema !== 'https:' && match.schema !== '') continue
    if (match.schema === '' && !/^www\./i.test(match.raw)) continue // "example.com" in prose is not taken for a link
    const link = checkSourceUrl(match.url)
    if (!link.ok || found.has(link.url)) continue
    const before = text.slice(0, match.index)
    const label = /\[([^\]\n]{1,500})\]\($/.exec(before)?.[1]?.trim() ?? ''
    found.set(link.url, { url: link.url, title: label })
  }
  return [...found.values()]
}
