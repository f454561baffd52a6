// The one feature extraction, shared by the trainer (training/train-suggest.ts) and the scorer (model.ts),
// so training and serving cannot drift. A sentence becomes a sparse vector of hashed features:
//   W  word unigrams          (numbers become shapes: <money> <pct> <year> <dec> <num> <ord> <decade>)
//   B  word bigrams           (with sentence-start and -end marks)
//   T  word trigrams          (optional)
//   S  n-grams of word shapes (x word, X capitalised, A acronym, the number shapes, ? and !: "X X said <num>")
//   C  character n-grams      (inside each word padded with spaces, digits read as 0)
//   H  hand features          (length, how many figures and of which shape, proper nouns, the kind rules)
// Each group but H is scaled by 1/sqrt(its size) so long sentences do not outvote short ones.
// Hashing is written out inline (FNV-1a, then murmur3's finaliser): this runs for every sentence of an article.

import { ALL_KINDS, kindsOf, type SuggestionKind } from './kinds'
import { foldTypography } from './typography'

export interface FeatureConfig {
  /** log2 of the number of hashed buckets */
  bits: number
  /** longest word n-gram: 1, 2 or 3 (0: no word features) */
  wordNgrams: number
  /** character n-grams from charMin to charMax code units long (charMax 0: none) */
  charMin: number
  charMax: number
  /** the value of each hand feature (0: none) */
  hand: number
  /** longest n-gram of word shapes, 2 to 4 (0: none) */
  shapes: number
}

/** Features read at most this much of a sentence (a page without punctuation is one "sentence"). */
export const MAX_FEATURE_CHARS = 2000

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const GOLDEN = 0x9e3779b1
const SEED_W = 0x57a1
const SEED_B = 0x42b2
const SEED_T = 0x54c3
const SEED_S = 0x53d4
const SEED_C = 0x43e5
const SEED_H = 0x48f6

/** murmur3's fmix32: the avalanche that makes `hash & mask` a fair bucket. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** FNV-1a of a whole string. */
function fnv(text: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h
}

/** Hash of an ordered pair (a, b) in a namespace. */
function pair(a: number, b: number, seed: number): number {
  return Math.imul(Math.imul(a ^ seed, GOLDEN) ^ b, FNV_PRIME)
}

/** A reusable sparse vector: `n` pairs of bucket index and value (an index may repeat: values add up). */
export class FeatureBuffer {
  idx: Int32Array
  val: Float32Array
  n = 0
  constructor(capacity = 1024) {
    this.idx = new Int32Array(capacity)
    this.val = new Float32Array(capacity)
  }
  clear(): void {
    this.n = 0
  }
  push(index: number, value: number): void {
    if (this.n === this.idx.length) {
      const idx = new Int32Array(this.n * 2)
      idx.set(this.idx)
      const val = new Float32Array(this.n * 2)
      val.set(this.val)
      this.idx = idx
      this.val = val
    }
    this.idx[this.n] = index
    this.val[this.n] = value
    this.n++
  }
  /** Give the entries from `from` on the value 1/sqrt(their count). */
  scaleFrom(from: number): void {
    const count = this.n - from
    if (count <= 0) return
    const v = 1 / Math.sqrt(count)
    this.val.fill(v, from, this.n)
  }
}

const NUMBER_WORDS = hashSet(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens half twice percent'
)
const ORDINAL_WORDS = hashSet('first second third fourth fifth sixth seventh eighth ninth tenth')
const WORD_I = fnv('i')
function hashSet(words: string): Set<number> {
  return new Set(words.split(' ').map(fnv))
}

const SHAPE = {
  money: fnv('<money>'),
  pct: fnv('<pct>'),
  decade: fnv('<decade>'),
  ord: fnv('<ord>'),
  year: fnv('<year>'),
  dec: fnv('<dec>'),
  num: fnv('<num>')
} as const
type NumberShape = keyof typeof SHAPE

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isCurrency = (c: number): boolean => c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x20bd // $ € £ ¥ ₽
// letters beyond ASCII, looked up once per code unit (English text rarely has any)
const LETTER_TABLE = new Uint8Array(65536)
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  if (c >= 0xd800 && c <= 0xdfff) return false
  let v = LETTER_TABLE[c]!
  if (v === 0) {
    v = /\p{L}/u.test(String.fromCharCode(c)) ? 1 : 2
    LETTER_TABLE[c] = v
  }
  return v === 1
}

/** The shape of the figure at text[start, end): [$€£¥₽]?\d[\d,]*(\.\d+)?(%|st|nd|rd|th|s)? */
function numberShape(text: string, start: number, end: number): NumberShape {
  if (!isDigit(text.charCodeAt(start))) return 'money'
  const last = text.charCodeAt(end - 1)
  if (last === 37) return 'pct'
  if (last >= 97 && last <= 122) return last === 115 ? 'decade' : 'ord' // 1990s, 3rd
  if (end - start === 4) {
    const a = text.charCodeAt(start)
    const b = text.charCodeAt(start + 1)
    if ((a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48)) {
      if (isDigit(text.charCodeAt(start + 2)) && isDigit(text.charCodeAt(start + 3))) return 'year'
    }
  }
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 46) return 'dec'
  return 'num'
}

const SUFFIXES = ['st', 'nd', 'rd', 'th', 's'].map((s) => Array.from(s, (c) => c.charCodeAt(0)))

/** Where the figure starting at `i` ends, or i when there is none there. */
function figureEnd(text: string, i: number): number {
  let j = i
  if (isCurrency(codeAt(text, j))) j++
  if (!isDigit(codeAt(text, j))) return i
  j++
  while (j < text.length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 44)) j++
  if (codeAt(text, j) === 46 && isDigit(codeAt(text, j + 1))) {
    j += 2
    while (isDigit(codeAt(text, j))) j++
  }
  const c = codeAt(text, j)
  if (c === 37) return j + 1
  // st nd rd th s, as a whole suffix (a letter must not follow); the text is lower-cased already
  for (const s of SUFFIXES) {
    let ok = true
    for (let k = 0; k < s.length; k++) if (codeAt(text, j + k) !== s[k]) ok = false
    if (ok && !isLetter(codeAt(text, j + s.length))) return j + s.length
  }
  return j
}

function bucket(n: number, edges: readonly number[]): number {
  let b = 0
  while (b < edges.length && n > edges[b]!) b++
  return b
}
const LENGTH_EDGES = [3, 6, 10, 15, 20, 30, 45]
const COUNT_EDGES = [0, 1, 2]

const SHAPE_LOWER = fnv('x')
const SHAPE_CAPITAL = fnv('X')
const SHAPE_ACRONYM = fnv('A')
const START = fnv('<s>')
const END = fnv('</s>')
const handHash = (name: string): number => mix(Math.imul(fnv(name) ^ SEED_H, GOLDEN))
// the hand features' hashes, worked out once
const HAND_BIAS = handHash('bias')
const HAND_LENGTH = Array.from({ length: LENGTH_EDGES.length + 1 }, (_, b) => handHash(`len:${b}`))
const HAND_FIGURES = Array.from({ length: COUNT_EDGES.length + 1 }, (_, b) => handHash(`figures:${b}`))
const HAND_NAMES = Array.from({ length: COUNT_EDGES.length + 1 }, (_, b) => handHash(`names:${b}`))
const HAND_SHAPE = Object.fromEntries(Object.keys(SHAPE).map((shape) => [shape, handHash(`shape:<${shape}>`)])) as Record<NumberShape, number>
const HAND_NUMBER_WORD = handHash('numberword')
const HAND_ORDINAL = handHash('ordinal')
const HAND_ANY_QUANTITY = handHash('anyquantity')
const HAND_ACRONYM = handHash('acronym')
const HAND_KIND = Object.fromEntries(ALL_KINDS.map((kind) => [kind, handHash(`kind:${kind}`)])) as Record<SuggestionKind, number>

// Scratch shared by the steps below, reused from sentence to sentence: per token its hash, its shape's hash and
// where it is in the lower-cased text. (Small functions: V8 optimises each sooner than one long one.)
let tokenHashes: Int32Array = new Int32Array(256)
let shapeHashes: Int32Array = new Int32Array(256)
let tokenStart: Int32Array = new Int32Array(256)
let tokenEnd: Int32Array = new Int32Array(256)
let tokenIsFigure: Uint8Array = new Uint8Array(256)
const counts = { tokens: 0, figures: 0, numberWords: 0, ordinals: 0, names: 0, acronyms: 0 }
const figureShapes = new Set<NumberShape>()

function grow(): void {
  const n = tokenHashes.length * 2
  const g32 = (a: Int32Array): Int32Array => {
    const b = new Int32Array(n)
    b.set(a)
    return b
  }
  tokenHashes = g32(tokenHashes)
  shapeHashes = g32(shapeHashes)
  tokenStart = g32(tokenStart)
  tokenEnd = g32(tokenEnd)
  const f = new Uint8Array(n)
  f.set(tokenIsFigure)
  tokenIsFigure = f
}

/** The code unit at i, or -1 past the end (reading past the end would make V8 deoptimise). */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1
}

/** A word: letters, and letters after an apostrophe (don't, Belarus's); returns where it ends. */
function wordEnd(lower: string, i: number): number {
  let j = i + 1
  for (;;) {
    while (j < lower.length && isLetter(lower.charCodeAt(j))) j++
    if (codeAt(lower, j) === 39 && isLetter(codeAt(lower, j + 1))) j += 2
    else return j
  }
}

/** The shape of the word at [i, j): x, X (capitalised, not first), A (acronym); counts names and acronyms. */
function wordShape(folded: string, lower: string, i: number, j: number, h: number, first: boolean): number {
  if (h === WORD_I || folded.charCodeAt(i) === lower.charCodeAt(i)) return SHAPE_LOWER
  let allCaps = j - i > 1
  for (let k = i + 1; k < j && allCaps; k++) if (folded.charCodeAt(k) === lower.charCodeAt(k) && isLetter(lower.charCodeAt(k))) allCaps = false
  if (allCaps) {
    counts.acronyms++
    return SHAPE_ACRONYM
  }
  if (first) return SHAPE_LOWER
  counts.names++
  return SHAPE_CAPITAL
}

function addToken(hash: number, shape: number, start: number, end: number, figure: boolean): void {
  const n = counts.tokens
  if (n === tokenHashes.length) grow()
  tokenHashes[n] = hash
  shapeHashes[n] = shape
  tokenStart[n] = start
  tokenEnd[n] = end
  tokenIsFigure[n] = figure ? 1 : 0
  counts.tokens = n + 1
}

/** Split the lower-cased sentence into tokens (into the scratch arrays). */
function tokenize(folded: string, lower: string): void {
  counts.tokens = counts.figures = counts.numberWords = counts.ordinals = counts.names = counts.acronyms = 0
  figureShapes.clear()
  const length = lower.length
  for (let i = 0; i < length; ) {
    const c = lower.charCodeAt(i)
    if (isDigit(c) || isCurrency(c)) {
      const end = figureEnd(lower, i)
      if (end > i) {
        // a figure ($294.6, 80%, 2016, 3rd) is read as its shape; characters see it with digits as 0
        const shape = numberShape(lower, i, end)
        addToken(SHAPE[shape], SHAPE[shape], i, end, true)
        figureShapes.add(shape)
        counts.figures++
        i = end
        continue
      }
    }
    if (isLetter(c)) {
      const j = wordEnd(lower, i)
      let h = FNV_OFFSET
      for (let k = i; k < j; k++) h = Math.imul(h ^ lower.charCodeAt(k), FNV_PRIME)
      addToken(h, wordShape(folded, lower, i, j, h, counts.tokens === 0), i, j, false)
      if (NUMBER_WORDS.has(h)) counts.numberWords++
      if (ORDINAL_WORDS.has(h)) counts.ordinals++
      i = j
      continue
    }
    if (c === 63 || c === 33 || c === 37 || c === 36) {
      // ? ! % $ on their own (no characters of their own for the C group)
      const h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME)
      addToken(h, h, i, i, false)
    }
    i++
  }
}

function pushUnigrams(out: FeatureBuffer, mask: number): void {
  const from = out.n
  for (let i = 0; i < counts.tokens; i++) out.push(mix(Math.imul(tokenHashes[i]! ^ SEED_W, GOLDEN)) & mask, 1)
  out.scaleFrom(from)
}

function pushBigrams(out: FeatureBuffer, mask: number): void {
  const from = out.n
  let prev = START
  for (let i = 0; i < counts.tokens; i++) {
    out.push(mix(pair(prev, tokenHashes[i]!, SEED_B)) & mask, 1)
    prev = tokenHashes[i]!
  }
  out.push(mix(pair(prev, END, SEED_B)) & mask, 1)
  out.scaleFrom(from)
}

function pushTrigrams(out: FeatureBuffer, mask: number): void {
  const n = counts.tokens
  if (n === 0) return
  const from = out.n
  let a = START
  let b = tokenHashes[0]!
  for (let i = 1; i <= n; i++) {
    const c = i < n ? tokenHashes[i]! : END
    out.push(mix(pair(pair(a, b, SEED_T), c, SEED_T)) & mask, 1)
    a = b
    b = c
  }
  out.scaleFrom(from)
}

/** n-grams of word shapes, 2 to `longest` long, with boundary marks. */
function pushShapes(out: FeatureBuffer, mask: number, longest: number): void {
  const n = counts.tokens
  const from = out.n
  for (let i = -1; i < n; i++) {
    let h = i < 0 ? START : shapeHashes[i]!
    for (let k = 1; k < longest && i + k <= n; k++) {
      h = pair(h, i + k < n ? shapeHashes[i + k]! : END, SEED_S)
      out.push(mix(h) & mask, 1)
    }
  }
  out.scaleFrom(from)
}

/** Character n-grams of one token padded with spaces, digits of a figure read as 0. */
function pushTokenChars(out: FeatureBuffer, mask: number, lower: string, t: number, charMin: number, charMax: number): void {
  const base = tokenStart[t]! - 1
  const len = tokenEnd[t]! - tokenStart[t]! + 2
  const figure = tokenIsFigure[t] === 1
  const seed = (FNV_OFFSET ^ SEED_C) >>> 0
  for (let i = 0; i < len; i++) {
    let h = seed
    const stop = Math.min(len, i + charMax)
    for (let j = i; j < stop; j++) {
      let code = j === 0 || j === len - 1 ? 32 : lower.charCodeAt(base + j)
      if (figure && code >= 48 && code <= 57) code = 48
      h = Math.imul(h ^ code, FNV_PRIME)
      if (j - i + 1 >= charMin && !(j === i && code === 32)) out.push(mix(h) & mask, 1)
    }
  }
}

function pushChars(out: FeatureBuffer, mask: number, lower: string, charMin: number, charMax: number): void {
  const from = out.n
  for (let t = 0; t < counts.tokens; t++) if (tokenEnd[t]! > tokenStart[t]!) pushTokenChars(out, mask, lower, t, charMin, charMax)
  out.scaleFrom(from)
}

function pushHand(out: FeatureBuffer, mask: number, v: number, kinds: readonly SuggestionKind[]): void {
  const hand = (hash: number): void => out.push(hash & mask, v)
  hand(HAND_BIAS)
  hand(HAND_LENGTH[bucket(counts.tokens, LENGTH_EDGES)]!)
  hand(HAND_FIGURES[bucket(counts.figures, COUNT_EDGES)]!)
  for (const shape of figureShapes) hand(HAND_SHAPE[shape])
  if (counts.numberWords > 0) hand(HAND_NUMBER_WORD)
  if (counts.ordinals > 0) hand(HAND_ORDINAL)
  if (counts.figures + counts.numberWords > 0) hand(HAND_ANY_QUANTITY)
  hand(HAND_NAMES[bucket(counts.names, COUNT_EDGES)]!)
  if (counts.acronyms > 0) hand(HAND_ACRONYM)
  for (const kind of kinds) hand(HAND_KIND[kind])
}

/** Write the features of one sentence into `out` (cleared first). `kinds`, when given, is kindsOf(sentence). */
export function extractFeatures(sentence: string, config: FeatureConfig, out: FeatureBuffer, kinds?: readonly SuggestionKind[]): void {
  out.clear()
  const mask = (1 << config.bits) - 1
  const folded = foldTypography(sentence.length > MAX_FEATURE_CHARS ? sentence.slice(0, MAX_FEATURE_CHARS) : sentence)
  // Lower-case once; where that changes the length (rare letters), keep the folded text's own case.
  const lowered = folded.toLowerCase()
  const lower = lowered.length === folded.length ? lowered : folded
  tokenize(folded, lower)
  if (config.wordNgrams >= 1) pushUnigrams(out, mask)
  if (config.wordNgrams >= 2) pushBigrams(out, mask)
  if (config.wordNgrams >= 3) pushTrigrams(out, mask)
  if (config.shapes >= 2) pushShapes(out, mask, config.shapes)
  if (config.charMax > 0) pushChars(out, mask, lower, config.charMin, config.charMax)
  if (config.hand > 0) pushHand(out, mask, config.hand, kinds ?? kindsOf(sentence))
}
