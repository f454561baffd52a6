/**
 * Text on one line, cut to `max` characters with an ellipsis: for a title or a quote inside a sentence (a notice, a
 * history entry, a list row). Cuts by code points, so that a cut never leaves half a surrogate pair.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')
}

/** An article's title inside a sentence (a notice, a question): its first 80 characters. */
export const titleInSentence = (title: string) => shorten(title, 80)

/** A sentence made to go on after a colon: "That change was refused: a claim needs words…". */
export function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1)
}

/** `text` cut to at most `max` code units with an ellipsis, never through a surrogate pair; quick on any length. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}
