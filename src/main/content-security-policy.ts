/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no inline script,
 * no remote anything. Sent by the app:// protocol (and by the e2e fixture's server, so tests see the same policy).
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ')
