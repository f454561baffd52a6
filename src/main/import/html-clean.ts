import { DROPPED_WITH_CONTENT } from './html-tags'
import { attr, textOf, type HtmlElement } from './html-tree'

/** Landmark roles of page furniture, not of an article. */
const BOILERPLATE_ROLES = new Set(['navigation', 'search', 'menu', 'menubar', 'toolbar', 'dialog', 'alertdialog', 'contentinfo', 'complementary'])

/**
 * Class names and ids of page furniture, matched as whole words: tables of contents, "[edit]" links, navigation boxes,
 * sidebars, category lists, breadcrumbs and skip links. Many are MediaWiki's (Wikipedia and every other wiki), whose
 * markup marks them plainly. Not its `noprint` flag: it also marks "[citation needed]", which a fact-checker wants to see.
 */
const BOILERPLATE_CLASSES = new Set([
  'toc', 'vector-toc', 'mw-editsection', 'mw-jump-link', 'navbox', 'vertical-navbox', 'navbox-styles', 'sidebar', 'catlinks',
  'printfooter', 'mw-footer', 'navigation-not-searchable', 'mw-empty-elt', 'mw-indicators', 'portalbox', 'sistersitebox', 'breadcrumb',
  'breadcrumbs', 'skip-link', 'skip-links', 'skip-to-content'
])
const BOILERPLATE_IDS = new Set([
  'toc', 'mw-panel-toc', 'vector-toc', 'mw-navigation', 'mw-panel', 'mw-head', 'mw-page-base', 'mw-head-base', 'jump-to-nav',
  'sitesub', 'contentsub', 'catlinks', 'footer', 'mw-hidden-catlinks', 'p-lang', 'p-lang-btn', 'p-search'
])

/** Whether an element is page furniture (see above), or hidden from readers. */
export function isBoilerplate(element: HtmlElement): boolean {
  if (element.tag === 'a') return isSkipLink(element)
  const role = attr(element, 'role')?.trim().toLowerCase()
  if (role && BOILERPLATE_ROLES.has(role)) return true
  if (attr(element, 'hidden') !== undefined || attr(element, 'aria-hidden')?.trim().toLowerCase() === 'true') return true
  const style = attr(element, 'style')
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style)) return true
  const id = attr(element, 'id')?.trim().toLowerCase()
  if (id && BOILERPLATE_IDS.has(id)) return true
  const classes = attr(element, 'class')
  if (classes) for (const name of classes.toLowerCase().split(/\s+/)) if (BOILERPLATE_CLASSES.has(name)) return true
  return false
}

/** "Jump to navigation", "Skip to content": a link to a place in the page for keyboard users. */
function isSkipLink(element: HtmlElement): boolean {
  const classes = attr(element, 'class')?.toLowerCase().split(/\s+/) ?? []
  if (classes.some((name) => BOILERPLATE_CLASSES.has(name))) return true
  if (!attr(element, 'href')?.trim().startsWith('#')) return false
  return /^\s*(?:jump|skip)\s+to\b/i.test(textOf(element))
}

/**
 * Removes, in place, what is never article text: active and embedded content, navigation and forms (DROPPED_WITH_CONTENT),
 * and page furniture (`isBoilerplate`). Iterative, so any depth is safe. Returns how many elements are left.
 */
export function removeBoilerplate(root: HtmlElement): number {
  let kept = 0
  const stack: HtmlElement[] = [root]
  while (stack.length > 0) {
    const current = stack.pop()!
    kept++
    current.children = current.children.filter(
      (child) => child.kind === 'text' || !(child.foreign || DROPPED_WITH_CONTENT.has(child.tag) || isBoilerplate(child))
    )
    for (const child of current.children) if (child.kind === 'element') stack.push(child)
  }
  return kept - 1
}
