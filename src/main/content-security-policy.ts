const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
]

/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no inline script,
 * no remote anything. Sent by the app:// protocol (and by the e2e fixture's server, so tests see the same policy).
 */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/**
 * The same policy as src/renderer/index.html states it in its <meta> (test/security/content-security-policy.test.ts
 * holds the two together), so that it is in the page itself and a scanner reading the source sees it. Without
 * frame-ancestors: a <meta> cannot carry it (Chromium ignores it there and logs an error), the header does.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors ')).join(
  '; '
)
