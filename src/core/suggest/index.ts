// Claim suggestions: how check-worthy each sentence of an article is, and why (derived, never stored).
// See README.md beside this file for what the model was trained on and how well it does.
import weights from './weights.json' with { type: 'json' }
import { KINDS_AGAINST, KINDS_FOR, type SuggestionKind } from './kinds'
import { SuggestModel, type ModelFile } from './model'
import { scoreSentences, type ScoredSentence } from './scored'
import { linesOf } from '../sentences'

export type { SuggestionKind, ScoredSentence }
export { KINDS_FOR, KINDS_AGAINST }

const file = weights as ModelFile

/** The default threshold, chosen on the dev set (see README.md beside this file). */
export const SUGGEST_THRESHOLD: number = file.threshold

let model: SuggestModel | null = null

/** Milliseconds-cheap lazy model load; exported so the benchmark can time the load alone. */
export function loadSuggestModel(): unknown {
  model ??= new SuggestModel(file)
  return model
}

/** Every sentence of `text` in order, offsets are UTF-16 indices into `text`, `text.slice(start,end) === sentence.text`, trimmed. */
export function scoreText(text: string): ScoredSentence[] {
  return scoreBlocks(text, linesOf(text))
}

/** Same over an article's blocks (sentences never cross a block; blocks are {start,end} spans of text). */
export function scoreBlocks(text: string, blocks: readonly { start: number; end: number }[]): ScoredSentence[] {
  return scoreSentences(loadSuggestModel() as SuggestModel, text, blocks)
}
