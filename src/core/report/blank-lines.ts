/**
 * Tidies a text given in pieces as `text.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'` would tidy it whole (at most one
 * blank line in a row, one newline at the end), a piece at a time: a report's pieces can then go out as they are made,
 * without one pass over megabytes at the end. The whitespace a piece ends with is held back until the next piece,
 * so that a run of newlines is never cut between two.
 */
export function blankLineTidier(): { push(piece: string): string; end(): string } {
  let held = ''
  return {
    push(piece) {
      const text = (held + piece).replace(/\n{3,}/g, '\n\n')
      const kept = text.trimEnd().length
      held = text.slice(kept)
      return text.slice(0, kept)
    },
    end() {
      held = ''
      return '\n'
    }
  }
}
