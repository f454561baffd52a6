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
