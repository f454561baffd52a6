// Ranking and threshold metrics for the check-worthy class (label 1).

/** Average precision as scikit-learn computes it: sum over distinct scores of (R_n - R_{n-1}) * P_n. */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!)
  let positives = 0
  for (let i = 0; i < labels.length; i++) positives += labels[i]! === 1 ? 1 : 0
  if (positives === 0) return 0
  let tp = 0
  let seen = 0
  let ap = 0
  let lastRecall = 0
  for (let k = 0; k < order.length; ) {
    const s = scores[order[k]!]!
    while (k < order.length && scores[order[k]!]! === s) {
      tp += labels[order[k]!]! === 1 ? 1 : 0
      seen++
      k++
    }
    const recall = tp / positives
    ap += (recall - lastRecall) * (tp / seen)
    lastRecall = recall
  }
  return ap
}

export interface AtThreshold {
  threshold: number
  precision: number
  recall: number
  f1: number
  tp: number
  fp: number
  fn: number
}

/** Precision, recall and F1 of "score >= threshold" as the prediction of label 1. */
export function atThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): AtThreshold {
  let tp = 0
  let fp = 0
  let fn = 0
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold
    const actual = labels[i]! === 1
    if (predicted && actual) tp++
    else if (predicted) fp++
    else if (actual) fn++
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { threshold, precision, recall, f1, tp, fp, fn }
}

/**
 * The threshold with the best F1, put halfway between the lowest score taken and the highest score left out
 * (so a small shift of the scores does not flip the sentence at the edge).
 */
export function bestF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>): AtThreshold {
  const distinct = [...new Set(Array.from(scores))].sort((a, b) => b - a)
  let best: AtThreshold | null = null
  for (let i = 0; i < distinct.length; i++) {
    const lower = i + 1 < distinct.length ? distinct[i + 1]! : 0
    const t = (distinct[i]! + lower) / 2
    const r = atThreshold(scores, labels, t)
    if (!best || r.f1 > best.f1) best = r
  }
  return best ?? atThreshold(scores, labels, 0.5)
}

export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1))
  return { mean, sd }
}
