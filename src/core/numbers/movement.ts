// Words of rising and falling around a figure ("rose 12%", "down 4%", "a 25% increase", "12% more than"), and the
// small gaps that link a change to its values ("from $40 million", "to make up $294.6 million").

export type Direction = 'up' | 'down'

const UP_VERBS =
  'rose|rise|rises|rising|risen|grew|grow|grows|growing|grown|increased|increase|increases|increasing|climbed|climb|climbs|jumped|jump|jumps|soared|soar|soars|surged|surge|surges|gained|gain|gains|advanced|expanded|added|rallied|went up|was up|were up|is up|are up|up|edged up|ticked up|picked up|spiked|rocketed|leapt|leaped|accelerated|higher|boosted|raised'
const DOWN_VERBS =
  'fell|fall|falls|falling|fallen|dropped|drop|drops|declined|decline|declines|declining|decreased|decrease|decreases|decreasing|slid|slide|slumped|slump|plunged|plunge|plummeted|shrank|shrunk|shrink|shrinking|contracted|sank|sunk|tumbled|lost|went down|was down|were down|is down|are down|down|edged down|ticked down|slipped|dipped|eased|retreated|cut|reduced|lower'
const UP_NOUNS = 'increase|rise|jump|growth|gain|surge|hike|climb|boost|upturn|expansion'
const DOWN_NOUNS = 'drop|decline|fall|decrease|reduction|cut|slump|contraction|loss|dip|slide'

/** "rose slightly by", "fell sharply", "grew by a further". */
const ADVERB = String.raw`(?:(?:slightly|sharply|strongly|significantly|markedly|modestly|steadily|further|again|only|just|marginally|substantially|rapidly|dramatically|considerably|notably|nearly|almost|by\s+(?:nearly|almost|about|around|some|over|more\s+than))\s+)?`
const UP_LEFT = new RegExp(String.raw`\b(?:${UP_VERBS})\s+${ADVERB}(?:by\s+)?(?:(?:a|an|some|another|further|additional)\s+)?$`, 'i')
const DOWN_LEFT = new RegExp(String.raw`\b(?:${DOWN_VERBS})\s+${ADVERB}(?:by\s+)?(?:(?:a|an|some|another|further)\s+)?$`, 'i')
const UP_NOUN_BEFORE = new RegExp(String.raw`\b(?:an?|the)\s+(?:[\p{L}-]+\s+)?(?:${UP_NOUNS})\s+of\s+$`, 'iu')
const DOWN_NOUN_BEFORE = new RegExp(String.raw`\b(?:an?|the)\s+(?:[\p{L}-]+\s+)?(?:${DOWN_NOUNS})\s+of\s+$`, 'iu')
const UP_NOUN_AFTER = new RegExp(String.raw`^(?:\s|-)+(?:(?:year[- ]on[- ]year|annual|y\/y|yearly|monthly)\s+)?(?:${UP_NOUNS})\b`, 'i')
const DOWN_NOUN_AFTER = new RegExp(String.raw`^(?:\s|-)+(?:(?:year[- ]on[- ]year|annual|y\/y|yearly|monthly)\s+)?(?:${DOWN_NOUNS})\b`, 'i')
const UP_COMPARATIVE = /^\s+(?:more|higher|greater|larger|bigger|above|up)\s+(?:than|on|from|compared\s+(?:with|to))\s/i
const DOWN_COMPARATIVE = /^\s+(?:less|lower|smaller|fewer|below|cheaper|down)\s+(?:than|on|from|compared\s+(?:with|to))\s/i

/** Rising or falling said just before a figure ("rose by", "down", "an increase of"). */
export function directionBefore(text: string): Direction | null {
  const before = text.slice(-40)
  if (!/[a-z]\s*$/i.test(before)) return null
  const ofBefore = /\bof\s*$/i.test(before)
  if (UP_LEFT.test(before) || (ofBefore && UP_NOUN_BEFORE.test(before))) return 'up'
  if (DOWN_LEFT.test(before) || (ofBefore && DOWN_NOUN_BEFORE.test(before))) return 'down'
  return null
}

/** "an increase of", "a cut of" right before a figure. */
export function changeNounBefore(text: string): Direction | null {
  const before = text.slice(-40)
  if (!/\bof\s*$/i.test(before)) return null
  if (UP_NOUN_BEFORE.test(before)) return 'up'
  if (DOWN_NOUN_BEFORE.test(before)) return 'down'
  return null
}

/** A noun of change right after a figure ("25% increase"), with its length. */
export function changeNounAfter(after: string): { direction: Direction; length: number } | null {
  let m = UP_NOUN_AFTER.exec(after)
  if (m) return { direction: 'up', length: m[0].length }
  m = DOWN_NOUN_AFTER.exec(after)
  if (m) return { direction: 'down', length: m[0].length }
  return null
}

/** "12% more than", "5 points lower than": a comparison right after a figure. */
export function comparativeAfter(after: string): Direction | null {
  if (UP_COMPARATIVE.test(after)) return 'up'
  if (DOWN_COMPARATIVE.test(after)) return 'down'
  return null
}

/** The gap before a base: "from", "up from", ", compared with", "on last year's", "than the". */
export const FROM_GAP =
  /^\s*,?\s*(?:(?:up|down)\s+)?(?:from|on|compared\s+(?:with|to)|against|over|versus|vs\.?)\s+(?:(?:the|a|an|its|their|previous|last|[\p{L}]+['’]s?)\s+){0,3}$/iu

/** The gap before a new value: "to", "to make up", "to reach", "to a record". */
export const TO_GAP =
  /^\s*,?\s*to\s+(?:(?:make|made|makes)\s+up\s+|reach(?:ing)?\s+|stand(?:ing)?\s+at\s+|total(?:l?ing)?\s+|hit(?:ting)?\s+|come\s+to\s+|amount\s+to\s+|an?\s+(?:record|all-time|new|historic)\s+(?:high\s+|low\s+)?(?:of\s+)?)?$/i

/** The gap between a value and a change said after it: ", up", " (down", ", a", ", an increase of", ", or". */
export const APPOSITION_GAP = new RegExp(
  String.raw`^\s*(?:,|\(|—|–|;)\s*(?:(?:which is|that is|or|marking|representing|showing|reflecting|an?|the)\s+)*(?:(?:up|down|increasing|decreasing|rising|falling|growing|declining)\s+)?(?:(?:an?\s+)?(?:[\p{L}-]+\s+)?(?:${UP_NOUNS}|${DOWN_NOUNS})\s+of\s+)?(?:by\s+)?$`,
  'iu'
)

/**
 * The gap from a figure to a comparison said of it: ", ", " is ", ", which is ", " students enrolled, ",
 * ", spending was ". A few words, no second clause.
 */
export function comparedFigureGap(g: string): boolean {
  if (g.length > 50 || /\b(?:and|while|whereas|but|or|than|from|to)\b|[;.]/i.test(g)) return false
  return /^\s*(?:[\p{L}'’-]+\s+){0,3}?(?:[\p{L}'’-]+\s*)?(?:[,—–(:]\s*)?(?:[\p{L}'’-]+\s+){0,3}$/u.test(g)
}

/** The gap from a comparison to its base: " more than the ", " lower than last year's ", " less than ". */
export const THAN_GAP =
  /^\s+(?:more|higher|greater|larger|bigger|above|less|lower|smaller|fewer|below|cheaper|up|down)\s+(?:than|on|from|compared\s+(?:with|to))\s+(?:(?:the|a|an|its|their|last|previous|[\p{L}]+['’]s)\s+){0,3}(?:(?:[\p{L}-]+\s+){1,2}of\s+)?$/iu
