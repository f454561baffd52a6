import { createRequire } from 'node:module'
import type { Readability as ReadabilityClass } from '@mozilla/readability'
import type createDOMPurifyFunction from 'dompurify'
import type { WindowLike } from 'dompurify'
import type * as jsdom from 'jsdom'
import { BLOCK_TAGS, DROPPED_WITH_CONTENT, INLINE_TAGS } from './html-tags'

interface Libraries {
  JSDOM: typeof jsdom.JSDOM
  VirtualConsole: typeof jsdom.VirtualConsole
  Readability: typeof ReadabilityClass
  createDOMPurify: typeof createDOMPurifyFunction
}
let libraries: Libraries | undefined

/**
 * jsdom, Readability and DOMPurify, loaded on first use: jsdom alone takes most of a second to load, which every import
 * worker would otherwise pay before reading a text file. All three are CommonJS, so they load synchronously.
 */
function load(): Libraries {
  if (!libraries) {
    const require = createRequire(import.meta.url)
    const { JSDOM, VirtualConsole } = require('jsdom') as typeof jsdom
    const { Readability } = require('@mozilla/readability') as { Readability: typeof ReadabilityClass }
    libraries = { JSDOM, VirtualConsole, Readability, createDOMPurify: require('dompurify') as typeof createDOMPurifyFunction }
  }
  return libraries
}

/** What Readability found: the main content as sanitised HTML, and the metadata it read. */
export interface ReadableResult {
  content: string
  title?: string
  byline?: string
  siteName?: string
  publishedTime?: string
}

/**
 * Structure only: the tags the block walker reads (the rest are unwrapped, or removed with their content when they are
 * active or never article text), and the attributes links, anchors and list numbers need. Ids are kept
 * whatever they are called (DOM clobbering does not apply: no script ever sees this DOM).
 */
const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [...BLOCK_TAGS, ...INLINE_TAGS],
  ALLOWED_ATTR: ['href', 'id', 'name', 'start', 'value', 'reversed'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: false,
  ADD_FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
  KEEP_CONTENT: true,
  IN_PLACE: true
}

const H1_MARK = 'factmark-import-h1'

/**
 * Readability's main content of a page, sanitised by DOMPurify down to structure, or null when it finds none or gives up.
 * The page is parsed by jsdom with its defaults: no script runs, nothing is loaded; `baseUrl` only resolves relative links.
 * Callers hand it pages of bounded size and depth (see html.ts): its cost grows with both.
 */
export function readableContent(html: string, baseUrl?: string): ReadableResult | null {
  const { JSDOM, VirtualConsole, createDOMPurify } = load()
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), ...(baseUrl ? { url: baseUrl } : {}) })
  try {
    const result = readerFor(dom.window.document).parse()
    if (!result?.content) return null
    const content = restoreH1s(result.content)
    createDOMPurify(dom.window as unknown as WindowLike).sanitize(content, SANITIZE_CONFIG)
    return {
      content: content.innerHTML,
      ...(result.title ? { title: result.title } : {}),
      ...(result.byline ? { byline: result.byline } : {}),
      ...(result.siteName ? { siteName: result.siteName } : {}),
      ...(result.publishedTime ? { publishedTime: result.publishedTime } : {})
    }
  } catch {
    return null // Readability gives up on some odd documents; the caller walks the whole page instead
  } finally {
    dom.window.close()
  }
}

/**
 * Readability over the page (which it changes), adjusted to keep the headline. Its reader view shows the title above the text, so it drops
 * the first h1/h2 that repeats the title and turns every other h1 into h2; the headline is part of what a reviewer checks (and
 * annotates), so that one step is turned off (a private method of @mozilla/readability 0.6: if a later version renames it, the
 * hostile-markup test, which expects the h1, fails) and h1s are marked with a preserved class to be turned back (`restoreH1s`).
 */
function readerFor(document: Document): ReadabilityClass<Element> {
  for (const h1 of Array.from(document.querySelectorAll('h1'))) h1.classList.add(H1_MARK)
  const reader = new (load().Readability)<Element>(document, { classesToPreserve: [H1_MARK], serializer: (node) => node as Element })
  ;(reader as unknown as { _headerDuplicatesTitle: (node: Node) => boolean })._headerDuplicatesTitle = () => false
  return reader
}

/** Readability's content with the headings that were h1 in the page made h1 again. */
function restoreH1s(content: Element): Element {
  for (const heading of Array.from(content.querySelectorAll(`.${H1_MARK}`))) {
    if (heading.localName === 'h1') continue
    const h1 = content.ownerDocument.createElement('h1')
    h1.append(...Array.from(heading.childNodes))
    const id = heading.getAttribute('id')
    if (id !== null) h1.setAttribute('id', id)
    heading.replaceWith(h1)
  }
  return content
}
