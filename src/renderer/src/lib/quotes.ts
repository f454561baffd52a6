/** “…” around a quotation, unless it already begins with a quotation mark of its own. */
export function quoted(text: string): string {
  return /^\s*[“"«„‘'‹「『]/.test(text) ? text : `“${text}”`
}
