import { VOID_TAGS } from './html-tags'
import type { HtmlElement } from './html-tree'

/** Attributes worth handing to Readability (it scores by class and id, finds bylines by rel and itemprop); no others. */
const KEPT_ATTRIBUTES = new Set([
  'id', 'class', 'name', 'href', 'start', 'value', 'reversed', 'role', 'rel', 'itemprop', 'itemscope', 'itemtype', 'property', 'content',
  'datetime', 'lang', 'dir', 'colspan', 'rowspan'
])
const NAME = /^[a-z][a-z0-9-]*$/
/** Space-separated lists: their runs of white space mean one space. */
const TOKEN_LISTS = new Set(['class', 'rel', 'role', 'property', 'itemprop', 'itemtype'])
/**
 * Longer values are left out (no class, id or metadata name is this long; a longer href is dropped as a link anyway, see
 * MAX_URL_CHARS). Readability runs regular expressions over them, one of them quadratic in a run of spaces (its meta
 * `property` pattern: a million spaces would take over half an hour), hence the collapsed lists too.
 */
const MAX_VALUE_CHARS = 4_000

/**
 * A light tree back to HTML, iteratively, for jsdom and Readability: only well-formed tag names and the attributes above,
 * text and attribute values escaped. Elements with odd names are left out but their content kept.
 */
export function serializeTree(root: HtmlElement): string {
  const out: string[] = []
  const stack: (HtmlElement | string)[] = [root]
  while (stack.length > 0) {
    const item = stack.pop()!
    if (typeof item === 'string') {
      out.push(item)
      continue
    }
    const named = item !== root && NAME.test(item.tag)
    if (named) {
      let open = `<${item.tag}`
      for (const { name, value } of item.attrs) {
        if (!KEPT_ATTRIBUTES.has(name)) continue
        const kept = TOKEN_LISTS.has(name) ? value.replace(/[\t\n\f\r ]+/g, ' ').trim() : value
        if (kept.length <= MAX_VALUE_CHARS) open += ` ${name}="${escapeAttribute(kept)}"`
      }
      out.push(`${open}>`)
      if (VOID_TAGS.has(item.tag)) continue
      stack.push(`</${item.tag}>`)
    }
    for (let i = item.children.length - 1; i >= 0; i--) {
      const child = item.children[i]!
      stack.push(child.kind === 'text' ? escapeText(child.text) : child)
    }
  }
  return out.join('')
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;')
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;')
}
