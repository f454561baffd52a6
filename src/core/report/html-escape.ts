// Every piece of user text reaches the HTML report through `escapeHtml`, and every link through `safeHref`.

import { checkSourceUrl } from '../links'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** An escaped href, only for http(s) links without credentials; otherwise none. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  const checked = checkSourceUrl(url)
  return checked.ok ? escapeHtml(checked.url) : undefined
}

export function linkOrText(text: string, url: string | undefined): string {
  const href = safeHref(url)
  return href ? `<a href="${href}">${escapeHtml(text)}</a>` : escapeHtml(text)
}

/** The anchor of a block that an in-article link points at ("[7]" → its reference). */
export const blockAnchor = (index: number) => `block-${index}`
