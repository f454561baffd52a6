import { describe, expect, it } from 'vitest'
import { contextAgreement } from '../../src/core/anchoring/context'
import { anchoredDistance, editDistance } from '../../src/core/anchoring/edit-distance'
import { createSelectors } from '../../src/core/anchoring/selectors'

describe('edit distances', () => {
  it('computes the Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })

  it('aligns all of the pattern with the best prefix of the text', () => {
    expect(anchoredDistance('abc', 'abcdef')).toBe(0)
    expect(anchoredDistance('abc', 'axbc')).toBe(1)
    expect(anchoredDistance('abc', '')).toBe(3)
  })
})

describe('contextAgreement', () => {
  const text = 'The committee met on Tuesday. Its chair said the new rules would take effect in spring, not in winter.'
  const quote = 'the new rules would take effect'
  const at = text.indexOf(quote)
  const { prefix, suffix } = createSelectors(text, at, at + quote.length).quote

  it('is complete where the context is unchanged', () => {
    const c = contextAgreement(text, at, at + quote.length, prefix, suffix)
    expect(c).toMatchObject({ prefix: 1, suffix: 1 })
    expect(c.chars).toBe(c.stored)
    // The suffix runs into the end of the text, which counts as one more character of context.
    expect(c.stored).toBe(prefix.length + suffix.length + 1)
  })

  it('loses about one character per edit next to the quote, not the whole side', () => {
    const edited = text.replace('chair said', 'chair, Ms Ode, said')
    const start = edited.indexOf(quote)
    const c = contextAgreement(edited, start, start + quote.length, prefix, suffix)
    expect(c.suffix).toBe(1)
    expect(c.prefix).toBeGreaterThan(0.4)
    expect(c.prefix).toBeLessThan(1)
  })

  it('scores unrelated context near zero', () => {
    const other = `Football results from the weekend, all of them. ${quote} by the referee, who later apologised.`
    const start = other.indexOf(quote)
    const c = contextAgreement(other, start, start + quote.length, prefix, suffix)
    expect(c.chars).toBeLessThan(10)
  })

  it('remembers that a quote stood at the start of the text', () => {
    const t = 'Breaking: the dam has failed, officials said.'
    const s = createSelectors(t, 0, 9)
    expect(s.quote.prefix).toBe('')
    expect(contextAgreement(t, 0, 9, s.quote.prefix, s.quote.suffix).prefix).toBe(1)
    const moved = `Update. ${t}`
    expect(contextAgreement(moved, 8, 17, s.quote.prefix, s.quote.suffix).prefix).toBe(0)
  })
})
