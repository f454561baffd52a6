// The JSON-LD reports as text: pretty-printed, and safe to paste into a page.

/**
 * JSON safe inside a page's `<script type="application/ld+json">`, which is how ClaimReview (and JSON-LD generally)
 * is published: `<`, `>` and `&` written as \u escapes, so that a "</script>" or "<!--" in a quote or a note cannot
 * end or disturb that element. Parsed, every string is the same.
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
