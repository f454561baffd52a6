// The public shapes of the arithmetic cross-check (re-exported by index.ts) and the richer internal quantity the
// relations work with.

/** Normalised: 'USD', 'EUR', 'GBP', '%', 'percentage points', 'points', 'times', 'years', 'people', 'tonnes', … or null for a bare count. */
export type QuantityUnit = string | null

export interface Quantity {
  /** UTF-16 offsets into the text; `text.slice(start, end) === this.text`. The span includes a hedge ("almost 80%"). */
  start: number
  end: number
  text: string
  /**
   * The full number, scale applied: "$294.6 million" → 294600000; percentages in percent ("12%" → 12,
   * "two-thirds" → 66.67); a multiple its factor ("a 2.5-time increase" → 2.5); a rank its place; a year the year.
   */
  value: number
  unit: QuantityUnit
  /** The scale word's factor (1, 1e3, 1e6, 1e9 …), already applied to `value`; 1 without one. */
  scale: number
  hedge: 'almost' | 'about' | 'more-than' | 'less-than' | null
  kind: 'amount' | 'percent' | 'multiple' | 'rank' | 'count' | 'duration' | 'year'
  /** What it counts when the text names it: "exports", "imports", "trade". */
  subject?: string
}

export type FindingKind = 'sum' | 'change' | 'multiple' | 'shares' | 'difference'
export type FindingStatus = 'consistent' | 'inconsistent' | 'not-checkable'

export interface Finding {
  status: FindingStatus
  kind: FindingKind
  /** The span of text the finding covers, from its first to its last quantity. */
  start: number
  end: number
  /** The quantities involved, in text order. */
  quantities: Quantity[]
  /**
   * The value the text gives for the checked quantity: the total (sum), the percentage or points (change), the new
   * value (multiple), the difference (difference); for shares, 100, the whole they should make up.
   */
  stated?: number
  /** What the other quantities give, in the same unit as `stated`. */
  computed?: number
  /** computed − stated. */
  difference?: number
  /** One or two plain sentences a reviewer reads. */
  explanation: string
}

export interface Span {
  start: number
  end: number
}

export type Hedge = Quantity['hedge']

/** How a multiple relates the new value to the old. */
export type Reading = 'both' | 'times' | 'divide'

/** A quantity as the relations see it: the public fields plus what the parse and the annotation learned. */
export interface Q extends Quantity {
  /** Where the number itself (with its currency and unit, without the hedge) starts. */
  coreStart: number
  /** Rounding tolerance: half a unit of the last digit given, in the unit of `value`. */
  tol: number
  /** Part of a range or of alternatives ("between 10 and 12", "10-12%", "two or three"): never a part or a total. */
  range: boolean
  /** A bare number with no unit and no noun after it ("12 in Grodno"): it takes the unit of the list it is in. */
  elliptic: boolean
  /** For multiples: how the factor applies. */
  reading?: Reading
  /** Written as a word ("eight", "threefold"). */
  word: boolean
  /** Index of its sentence within the paragraph (set by the annotation). */
  sentence: number
  /** The year its clause names ("In January-June 2016 the imports were …"). */
  period?: number
  /** Its clause marks it as an earlier value ("a year earlier", "last year's"). */
  earlier: boolean
  /** Preceded by "from"/"than": the base of a comparison, not a value of the period. */
  baseLike: boolean
  /** A noun before the subject's head ("export" in "export turnover"). */
  modifier?: string
  /** The noun right after a count ("eight engineers" → "engineers"). */
  noun?: string
  /** Normalised head nouns of what it counts (right and left subject). */
  heads: string[]
  /** The prepositional phrase qualifying its subject ("to the EU", "between Belarus and Russia"), lowercased. */
  qualifier?: string
  /** A partner-like qualifier that restricts the subject ("to the EU", "from China"); parts must agree on it. */
  partner?: string
}
