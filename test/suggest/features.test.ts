// The one feature extraction the trainer and the scorer share.
import { describe, expect, it } from 'vitest'
import { extractFeatures, FeatureBuffer, MAX_FEATURE_CHARS, type FeatureConfig } from '../../src/core/suggest/features'
import weights from '../../src/core/suggest/weights.json'
import type { ModelFile } from '../../src/core/suggest/model'

const CONFIG: FeatureConfig = (weights as ModelFile).members[0]!.features

function features(sentence: string, kinds: [] | undefined = undefined): number[] {
  const out = new FeatureBuffer(8)
  extractFeatures(sentence, CONFIG, out, kinds)
  const pairs: number[] = []
  for (let i = 0; i < out.n; i++) pairs.push(out.idx[i]! * 1000 + Math.round(out.val[i]! * 1000))
  return pairs.sort((a, b) => a - b)
}

describe('features', () => {
  it('are the same every time, and every bucket is inside the table', () => {
    const s = 'In January-June the trade soared almost 80% to make up $294.6 million.'
    expect(features(s)).toEqual(features(s))
    const out = new FeatureBuffer()
    extractFeatures(s, CONFIG, out)
    for (let i = 0; i < out.n; i++) {
      expect(out.idx[i]).toBeGreaterThanOrEqual(0)
      expect(out.idx[i]).toBeLessThan(2 ** CONFIG.bits)
    }
  })

  it('read figures by their shape: one sum of money is as good as another, a year is not a count', () => {
    expect(features('The exports totaled $252.6 million.')).toEqual(features('The exports totaled $718.3 million.'))
    expect(features('Trade grew 80% in 2017.')).toEqual(features('Trade grew 35% in 2016.'))
    expect(features('It happened in 2016.')).not.toEqual(features('It happened in 4016.'))
  })

  it('fold typographic quotes and dashes to plain ones', () => {
    expect(features('“Belarus’ trade – up”')).toEqual(features('"Belarus\' trade - up"'))
  })

  it('read at most MAX_FEATURE_CHARS of a very long sentence', () => {
    const long = 'trade grew and exports rose '.repeat(1000)
    expect(features(long, [])).toEqual(features(long.slice(0, MAX_FEATURE_CHARS), []))
  })

  it('cope with empty text, lone surrogates and letters beyond ASCII', () => {
    expect(() => features('')).not.toThrow()
    expect(() => features('\ud800 \udc00 Ölpreise stiegen um 5 %, İstanbul')).not.toThrow()
    expect(features('Ölpreise')).not.toEqual(features('Preise'))
  })
})
