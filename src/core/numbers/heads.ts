// One form for the nouns a quantity counts, so that "exports", "exported" and "export" compare equal.

/** "exports" → "export", "tractors" → "tractor", "exported" → "export": heads compare in one form. */
export function normaliseHead(word: string): string {
  const w = word.toLowerCase()
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y'
  if (w.length > 4 && /(?:ed)$/.test(w) && !/(?:eed)$/.test(w)) return w.slice(0, -2)
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1)
  return w
}
