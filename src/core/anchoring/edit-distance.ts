// Levenshtein distances (insertions, deletions, substitutions; UTF-16 code units), two rows at a time.

/**
 * Edit distance between `pattern` and the best-matching prefix of `text` (semi-global alignment: all
 * of the pattern, any leading part of the text). O(|pattern|·|text|).
 */
export function anchoredDistance(pattern: string, text: string): number {
  const row = lastRow(pattern, text)
  let best = pattern.length
  for (const d of row) best = Math.min(best, d)
  return best
}

/** Edit distance between the whole of `a` and the whole of `b`. O(|a|·|b|). */
export function editDistance(a: string, b: string): number {
  return lastRow(a, b)[b.length]!
}

/** Last row of the DP table: distance between all of `pattern` and each prefix of `text`. */
function lastRow(pattern: string, text: string): number[] {
  const n = text.length
  let row = new Array<number>(n + 1)
  let next = new Array<number>(n + 1)
  for (let j = 0; j <= n; j++) row[j] = j
  for (let i = 1; i <= pattern.length; i++) {
    next[0] = i
    const pc = pattern.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const substitute = row[j - 1]! + (pc === text.charCodeAt(j - 1) ? 0 : 1)
      next[j] = Math.min(substitute, row[j]! + 1, next[j - 1]! + 1)
    }
    ;[row, next] = [next, row]
  }
  return row
}
