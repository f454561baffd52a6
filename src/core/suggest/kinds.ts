// Why a sentence may (or may not) be worth checking, told by transparent rules a fact-checker can read.
// The first seven are Full Fact's claim types (reasons for); the last three are reasons against.
// The rules explain a score; the model's own features include them too (see features.ts).

import { foldTypography } from './typography'

import type { SuggestionKind } from '../model'

export type { SuggestionKind } // one list of kinds: core/model.ts, where claims record them

export const KINDS_FOR: readonly SuggestionKind[] = Object.freeze(['quantity', 'comparison', 'cause', 'prediction', 'quote', 'law', 'experience'] as const)
export const KINDS_AGAINST: readonly SuggestionKind[] = Object.freeze(['opinion', 'courtesy', 'question'] as const)
export const ALL_KINDS: readonly SuggestionKind[] = Object.freeze([...KINDS_FOR, ...KINDS_AGAINST])

// Rules read a bounded prefix of very long "sentences" so a page without punctuation stays cheap.
const MAX_RULE_CHARS = 4000

// "two" is left out: "the two countries", "the two of us" name the sides, not a figure to check
const NUMBER_WORD =
  'three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|thrice|quarter|tenfold|twofold|threefold'
const ORDINAL_WORD = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th)'

/** Alternatives, any of which will do, joined into one expression over the lower-cased sentence. */
function anyOf(...parts: (RegExp | string)[]): RegExp {
  return new RegExp(parts.map((p) => (typeof p === 'string' ? p : p.source).toLowerCase()).join('|'))
}

const RULES: Record<Exclude<SuggestionKind, 'quote'>, RegExp> = {
  quantity: anyOf(
    /\d\s*(?:%|per ?cent|percent|pct)\b/,
    /[$€£¥₽]\s*\d|\d\s*(?:dollars|euros?|pounds|rubles|roubles|yuan|usd|eur|gbp)\b/,
    `\\b(?:${NUMBER_WORD})\\b`,
    /\b(?:million|billion|trillion|percent|per cent|percentage|majority|minority|average|median|rate|ratio)\b/,
    // ranks: "third among the CIS member states", "first in the world", "the second largest"
    `\\b(?:${ORDINAL_WORD})\\s+(?:among|in|on|of|out of|place|largest|biggest|highest|lowest|most|least|best|worst)\\b`,
    // "a 2.5-time increase", "three times"
    /\b\d+(?:\.\d+)?[- ]?(?:times?|fold)\b/,
    // a figure that is not only a year: 42, 2.5, 294.6, 1,000 (a bare 1900-2099 is a date, not a quantity)
    /\d[.,]\d|(?<![\d.,])(?!(?:1[89]|20)\d\d(?![\d.,]?\d))\d+/
  ),
  comparison: anyOf(
    /\b(?:more|less|fewer|higher|lower|greater|smaller|larger|bigger|better|worse|faster|slower|cheaper|richer|poorer)\s+than\b/,
    /\b(?:highest|lowest|largest|biggest|smallest|greatest|fastest|slowest|best|worst|most|least|record)\b/,
    /\b(?:soar(?:ed|ing|s)?|surg(?:e|ed|ing)|jump(?:ed|s)|rose|risen|rising|fell|fallen|falling|plung(?:e|ed|ing)|plummet(?:ed|ing)?|declin(?:e|ed|es|ing)|drop(?:ped|s)?|grew|grown|growing|doubl(?:e|ed|es)|tripl(?:e|ed|es)|halv(?:e|ed)|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|shr[ua]nk|outpac(?:e|ed)|overtak(?:e|en)|overtook)\b/,
    /\b(?:lagg?(?:ing|s|ed)? behind|compared (?:to|with)|in comparison|up from|down from|as (?:much|many) as|the same as|on a par with|ahead of|trend)\b/
  ),
  cause: anyOf(
    /\b(?:because|due to|owing to|thanks to|as a result|result(?:ed|s|ing)? in|caus(?:e|ed|es|ing)|led to|lead(?:s|ing)? to|therefore|consequently|so that|responsible for|blame[ds]? (?:for|on)|driven by|enables?|enabled|allow(?:s|ed)? (?:us|them|people) to|contribut(?:e|ed|es) to)\b/
  ),
  prediction: anyOf(
    // "will be signed" (not a question that opens with "Will")
    /(?<!^\s*"?)\b(?:will|shall|'ll|won't)\s+(?:(?:not|also|soon|still|never|be able to|have to)\s+)?[a-z]+/,
    /\b(?:going to|plans? to|planned|planning to|intends? to|intended to|aim(?:s|ed)? (?:to|at)|expect(?:s|ed)? to|is set to|are set to|forecast|projected|predict(?:s|ed)?|estimated to|on track to|in the coming|next (?:year|month|week|decade)|in the future)\b/,
    /\b(?:by|through|until|in)\s+(?:the end of\s+)?20[2-9]\d\b/
  ),
  law: anyOf(
    /\b(?:laws?|bills?|legislation|legislat(?:ive|ure|or)|regulations?|regulat(?:ed|es|ory)|illegal(?:ly)?|unlawful|legal(?:ly|ity)?|unconstitutional|constitution(?:al)?|statutes?|decree|treaty|ordinance|court|supreme court|ruled|ruling|banned|bans?|prohibit(?:s|ed|ion)?|mandates?|mandatory|veto(?:ed)?|sanctions?|tariffs?|rules? (?:say|require|allow|forbid)|signed into law|executive order|amendment)\b/
  ),
  experience: anyOf(
    /\b(?:I(?:'ve| have)? (?:seen|met|visited|been to|talked to|spoken (?:to|with)|watched|witnessed|heard)|when I was|I remember|I grew up|in my experience|my (?:father|mother|dad|mom|mum|parents|family|grandfather|grandmother|wife|husband|son|daughter|brother|sister)|I worked|I used to|I was (?:there|born|raised))\b/
  ),
  opinion: anyOf(
    /\b(?:I|we) (?:really |truly |honestly |strongly )?(?:think|believe|feel|guess|suppose|hope|wish|doubt)\b/,
    /\b(?:should|shouldn't|ought to|in my (?:opinion|view)|it seems to me|I'm (?:sure|convinced|confident)|I am (?:sure|convinced|confident)|we (?:need|have|must) to|we must|it(?:'s| is) (?:time|important|essential|vital) to)\b/
  ),
  courtesy: anyOf(
    /\b(?:thank(?:s| you)|congratulat(?:e|es|ed|ions|ing)|(?:it is|it's|what) a (?:great )?(?:pleasure|privilege|honou?r)|(?:pleased|glad|delighted|happy|honou?red) to (?:be|have|meet|see|welcome|join)|welcome to|good (?:morning|afternoon|evening|night)|nice to (?:meet|see)|grateful|appreciate|best wishes|ladies and gentlemen)\b/
  ),
  question: /\?[\s"')\]]*$/
}
// a law by name: "the Affordable Care Act" (case matters here)
const NAMED_ACT = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)* Act\b/
// a quotation (a pair of marks around a few words) with its attribution: "…," he said / X stressed / according to
const QUOTATION = /"[^"]{3,}"|"[^"]{12,}$|^[^"]{12,}"|(?:^|\s)'[^']{3,}'(?=\s|[,.;:!?]|$)/
const ATTRIBUTION =
  /\b(?:said|says|stressed|noted|explained|added|told|stated|claimed|declared|announced|insisted|argued|emphasi[sz]ed|underlined|remarked|wrote|tweeted|according to|in (?:his|her|their) words|quoted)\b/

/** The kinds whose rules fire for one sentence, in the order of ALL_KINDS. */
export function kindsOf(sentence: string): SuggestionKind[] {
  const s = foldTypography(sentence.length > MAX_RULE_CHARS ? sentence.slice(0, MAX_RULE_CHARS) : sentence)
  const lower = s.toLowerCase()
  const found: SuggestionKind[] = []
  for (const kind of ALL_KINDS) {
    let fires: boolean
    if (kind === 'quote') fires = QUOTATION.test(s) && ATTRIBUTION.test(lower)
    else if (kind === 'question') fires = RULES.question.test(sentence.length <= MAX_RULE_CHARS ? s : foldTypography(sentence.slice(-40))) // how it ends
    else fires = RULES[kind].test(lower) || (kind === 'law' && NAMED_ACT.test(s))
    if (fires) found.push(kind)
  }
  return found
}
