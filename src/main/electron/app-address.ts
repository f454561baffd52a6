// Where the packaged UI lives: app://factmark/. Its own module so the protocol, the window and the IPC check share it.

export const APP_SCHEME = 'app'
/** As `URL.protocol` spells it. */
export const APP_PROTOCOL = `${APP_SCHEME}:`
export const APP_HOST = 'factmark'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * An address of the packaged UI: app://factmark/…, any path, query or hash. Compared by scheme and host, never by
 * `origin`: for a non-special scheme such as app: Node's URL gives the origin "null", which matches nothing useful.
 */
export function isAppUrl(url: URL): boolean {
  return url.protocol === APP_PROTOCOL && url.host === APP_HOST && !url.username && !url.password
}
