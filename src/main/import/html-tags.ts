// The element vocabularies the HTML importer works with, in one place: the tree builder, the boilerplate cleaner and the
// block walker all read them from here.

/** Elements without content or end tag. */
export const VOID_TAGS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param',
  'source', 'track', 'wbr'
])

/**
 * Removed with everything inside them: active or embedded content (what DOMPurify forbids with its content) and parts of a
 * page that are never article text (navigation, forms, footers).
 */
export const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'param', 'svg', 'math', 'canvas', 'map', 'audio', 'video', 'picture', 'source', 'track', 'img', 'textarea',
  'select', 'option', 'optgroup', 'datalist', 'button', 'input', 'form', 'nav', 'aside', 'footer', 'dialog', 'colgroup'
])

/** Metadata elements: kept for Readability's sake, never text. */
export const METADATA_TAGS = new Set(['title', 'meta', 'link', 'base'])

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Elements whose text becomes blocks of the surrounding kind (one block before, one inside, one after). */
export const CONTAINER_TAGS = new Set([
  'div', 'section', 'article', 'main', 'header', 'hgroup', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'address', 'center', 'details',
  'summary', 'ul', 'ol', 'menu', 'dir', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'td', 'th', 'hr', 'fieldset', 'legend',
  'search', 'body', 'html'
])

/** Inline elements: their text joins the block around them. */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr'
])

/** Everything that separates text into blocks: where flattened content starts a new paragraph. */
export const BLOCK_TAGS = new Set([...CONTAINER_TAGS, ...HEADING_TAGS, 'p', 'li', 'blockquote', 'pre', 'listing', 'tr', 'br'])

/** Start tags that close an open paragraph (HTML's "close a p element" rule, simplified). */
export const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'pre', 'listing', 'form', 'hr', 'table', 'plaintext', 'xmp', 'li', 'dd', 'dt'
])

/** HTML's "special" elements: an end tag for an ordinary element does not close past them. */
export const SPECIAL_TAGS = new Set([...CLOSES_P, 'applet', 'area', 'base', 'body', 'br', 'caption', 'col', 'colgroup', 'embed',
  'frame', 'frameset', 'head', 'html', 'iframe', 'img', 'input', 'link', 'marquee', 'meta', 'noembed', 'noframes', 'noscript',
  'object', 'param', 'script', 'select', 'source', 'style', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'title',
  'tr', 'track', 'wbr'])

/** Formatting elements: their end tag reaches past blocks (HTML's adoption agency, simplified to closing them). */
export const FORMATTING_TAGS = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'])

/** Where an element "in scope" search stops. */
export const SCOPE_TAGS = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template'])

/** Start tags that end foreign content (an unclosed `<svg>` does not swallow the article after it). */
export const FOREIGN_BREAKOUT = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong',
  'strike', 'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var'
])
