/**
 * Which links a source may carry and the app may hand to the system browser: http(s) only, no user name or
 * password in them (a classic way to disguise where a link really goes).
 */
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

export function checkSourceUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = withWebScheme(input)
  if (!trimmed) return { ok: false, message: 'Enter the address of the source (https://…).' }
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
