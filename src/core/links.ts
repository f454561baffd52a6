// The one rule for web addresses: which links a source may carry, an article may keep, reports may point to and the
// app may hand to the system browser. http(s) only, no user name or password in them (a classic way to disguise where
// a link really goes), no hidden characters.

/**
 * A web address as people type it: "www.belstat.gov.by/…" or "belstat.gov.by/page" is taken as https; anything that
 * already names a scheme ("http:", "javascript:", "file:") is left as it is, for the checks to judge.
 */
export function withWebScheme(input: string): string {
  const trimmed = input.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(?:[/?#]|$)/.test(trimmed)) return trimmed
  if (trimmed.startsWith('//')) return `https:${trimmed}`
  // A host name with a dot (or localhost), optionally a port, then a path: an address without its scheme.
  return /^(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}(?::\d+)?(?:[/?#]|$)|^localhost(?::\d+)?(?:[/?#]|$)/iu.test(trimmed) ? `https://${trimmed}` : trimmed
}

/**
 * Control characters (NUL, line breaks inside), and the invisible marks that reorder or hide text (U+202E makes
 * "moc.live" read "evil.com"): an address holding one is refused, not cleaned, so what is opened is what was shown.
 */
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/

export type LinkCheck = { ok: true; url: string } | { ok: false; message: string }

export function checkSourceUrl(input: string): LinkCheck {
  const trimmed = withWebScheme(input)
  if (!trimmed) return { ok: false, message: 'Enter the address of the source (https://…).' }
  if (HIDDEN_CHARACTERS.test(trimmed)) return { ok: false, message: 'The address holds invisible or control characters; type it again.' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { ok: false, message: `"${trimmed.slice(0, 80)}" is not a web address; it should start with https:// or http://.` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `Only web links (http or https) can be sources; "${url.protocol}" links are refused.` }
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Links with a user name or password in them are refused.' }
  }
  if (!url.hostname) return { ok: false, message: 'The link has no host name.' }
  return { ok: true, url: url.href }
}

/**
 * The address where published reports live (ClaimReview urls point into it): empty, or a web address written out in
 * full (https://…), under the same rule as a source's.
 */
export function checkReportAddress(input: string): LinkCheck {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: true, url: '' }
  if (!/^https?:\/\//i.test(trimmed)) return { ok: false, message: 'The report address must start with https:// or http://.' }
  return checkSourceUrl(trimmed)
}

/**
 * A desk's CouchDB server: a web address under the same rule (no user name or password in it: those are asked for
 * apart and kept in the system's keychain), without a query or fragment; given without a scheme, https.
 */
export function checkServerAddress(input: string): LinkCheck {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, message: 'Enter the server’s address (https://…).' }
  const link = checkSourceUrl(trimmed)
  if (!link.ok) return link.message.startsWith('Links with a user name') ? { ok: false, message: 'Give the user name and password apart, not in the server’s address.' } : link
  const url = new URL(link.url)
  if (url.search || url.hash) return { ok: false, message: 'A server’s address has no “?” or “#” part.' }
  return { ok: true, url: url.href.replace(/\/+$/, '') }
}
