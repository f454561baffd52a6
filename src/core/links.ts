/**
 * Which links a source may carry and the app may hand to the system browser: http(s) only, no user name or
 * password in them (a classic way to disguise where a link really goes).
 */
export function checkSourceUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = input.trim()
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
