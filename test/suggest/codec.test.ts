// How the weights travel: base64 that Node's Buffer agrees with, and a packing that keeps every weight to 1/32767 of the largest.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeBase64, packWeights, unpackWeights } from '../../src/core/suggest/codec'
import { SuggestModel, type ModelFile } from '../../src/core/suggest/model'
import weights from '../../src/core/suggest/weights.json'

describe('weights codec', () => {
  it('base64 round-trips and agrees with Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64'))
        expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes))
      })
    )
  })

  it('refuses what is not base64', () => {
    expect(() => decodeBase64('ab$d')).toThrow(/not base64/)
  })

  it('packs a sparse weight vector and unpacks it to within half a quantum', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.double({ min: -5, max: 5, noNaN: true })), { maxLength: 200 }), (entries) => {
        const dense = new Float64Array(4096)
        for (const [i, w] of entries) dense[i] = w
        const packed = packWeights(dense)
        const back = unpackWeights(packed, dense.length)
        let worst = 0
        for (let i = 0; i < dense.length; i++) worst = Math.max(worst, Math.abs(back[i]! - dense[i]!))
        expect(worst).toBeLessThanOrEqual(packed.scale / 2 + 1e-9)
      }),
      { numRuns: 50 }
    )
  })

  it('the shipped file is this format, and loads in a few milliseconds', () => {
    const file = weights as ModelFile
    expect(file.format).toBe('factmark-suggest/1')
    expect(file.threshold).toBeGreaterThan(0)
    expect(file.threshold).toBeLessThan(1)
    const t0 = performance.now()
    const model = new SuggestModel(file)
    expect(performance.now() - t0).toBeLessThan(500)
    expect(model.score('In January-June the trade soared almost 80% to make up $294.6 million.')).toBeGreaterThan(model.score('Thank you very much.'))
    expect(() => new SuggestModel({ ...file, format: 'other/1' })).toThrow(/format/)
  })
})
