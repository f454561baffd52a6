// The JSON-LD reports as text: pretty-printed, and safe to paste into a page.

/**
 * JSON safe inside a page's `<script type="application/ld+json">`, which is how ClaimReview (and JSON-LD generally)
 * is published: `<`, `>` and `&` written as \u escapes, so that a "</script>" or "<!--" in a quote or a note cannot
 * end or disturb that element. Parsed, every string is the same. `indent` 0 prints it on one line.
 */
export function embeddableJson(value: unknown, indent = 2): string {
  let json = JSON.stringify(value, null, indent)
  // Looked for one by one, and replaced only when there: a plain search of megabytes is far quicker than a pattern.
  for (const [c, escape] of ESCAPES) if (json.includes(c)) json = json.replaceAll(c, escape)
  return json
}

const ESCAPES = [
  ['<', '\\u003c'],
  ['>', '\\u003e'],
  ['&', '\\u0026']
] as const
