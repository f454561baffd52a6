// The check-worthiness model at run time: a few linear models over hashed features (see features.ts),
// their logits averaged and mapped to a probability by Platt scaling fitted on out-of-fold training scores.
import { unpackWeights, type PackedWeights } from './codec'
import { extractFeatures, FeatureBuffer, type FeatureConfig } from './features'
import type { SuggestionKind } from './kinds'

export const MODEL_FORMAT = 'factmark-suggest/1'

/** weights.json as the trainer writes it. */
export interface ModelFile {
  format: string
  members: { name: string; features: FeatureConfig; bias: number; weights: PackedWeights }[]
  /** probability = sigmoid(a * mean(member logits) + b) */
  calibration: { a: number; b: number }
  /** the default threshold on that probability, chosen on the dev set */
  threshold: number
}

interface Member {
  features: FeatureConfig
  key: string
  bias: number
  w: Float32Array
}

export class SuggestModel {
  private readonly members: Member[]
  private readonly calibration: { a: number; b: number }
  private readonly buffer = new FeatureBuffer(4096)

  constructor(file: ModelFile) {
    if (file.format !== MODEL_FORMAT) throw new Error(`weights: format ${file.format} is not ${MODEL_FORMAT}`)
    if (file.members.length === 0) throw new Error('weights: no members')
    this.members = file.members
      .map((m) => ({ features: m.features, key: JSON.stringify(m.features), bias: m.bias, w: unpackWeights(m.weights, 2 ** m.features.bits) }))
      // members that read the same features sit together, so each sentence is read once per feature set
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    this.calibration = file.calibration
  }

  /** The mean logit of the members (before calibration). */
  logit(sentence: string, kinds?: readonly SuggestionKind[]): number {
    let sum = 0
    let readKey = ''
    const buffer = this.buffer
    for (const member of this.members) {
      if (member.key !== readKey) {
        extractFeatures(sentence, member.features, buffer, kinds)
        readKey = member.key
      }
      let z = member.bias
      const w = member.w
      const idx = buffer.idx
      const val = buffer.val
      for (let i = 0; i < buffer.n; i++) z += w[idx[i]!]! * val[i]!
      sum += z
    }
    return sum / this.members.length
  }

  /** The calibrated probability that the sentence is check-worthy. */
  score(sentence: string, kinds?: readonly SuggestionKind[]): number {
    const z = this.calibration.a * this.logit(sentence, kinds) + this.calibration.b
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
  }
}
