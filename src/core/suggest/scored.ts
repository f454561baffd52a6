// Scoring an article with a given model: its sentences, block by block, each with a score and its kinds.
// index.ts does this with the shipped weights; the trainer with the weights it is about to ship.
import { kindsOf, type SuggestionKind } from './kinds'
import type { SuggestModel } from './model'
import { sentencesOfBlocks } from '../sentences'

export interface ScoredSentence {
  start: number
  end: number
  text: string
  score: number
  kinds: SuggestionKind[]
}

export function scoreSentences(model: SuggestModel, text: string, blocks: readonly { start: number; end: number }[]): ScoredSentence[] {
  return sentencesOfBlocks(text, blocks).map(({ start, end }) => {
    const sentence = text.slice(start, end)
    const kinds = kindsOf(sentence)
    return { start, end, text: sentence, score: model.score(sentence, kinds), kinds }
  })
}
