import { describe, expect, it } from 'vitest'
import { exactOccurrences, fuzzyMatches, nearbyMatches, nearest, searchInRounds } from '../../src/core/anchoring/matches'

describe('exactOccurrences', () => {
  it('finds every occurrence, overlapping ones too', () => {
    expect(exactOccurrences('abababa', 'aba')).toEqual([0, 2, 4])
    expect(exactOccurrences('abc', 'x')).toEqual([])
    expect(exactOccurrences('abc', '')).toEqual([])
  })
})

describe('nearest', () => {
  it('keeps the items nearest a point, in their original order', () => {
    expect(nearest([0, 10, 20, 30, 40], (x) => x, 26, 2)).toEqual([20, 30])
    expect(nearest([5, 1], (x) => x, 0, 5)).toEqual([5, 1])
  })
})

describe('searchInRounds', () => {
  it('reports the next best places too, not only the lowest error count', () => {
    const text = 'the budget rose. the budgit rose. the bodgit rose.'
    const matches = searchInRounds(text, 'the budget rose', 3, 3, 0)
    expect(matches.map((m) => [text.slice(m.start, m.end), m.errors])).toEqual([
      ['the budget rose', 0],
      ['the budgit rose', 1],
      ['the bodgit rose', 2]
    ])
  })
})

describe('nearbyMatches', () => {
  it('sees an edited original that look-alikes elsewhere crowd out of a whole-text search', () => {
    const lookAlikes = ['inflation rose to 5.5 percent', 'inflation rose to 5.6 percent', 'inflation rose to 6.6 percent']
    const far = lookAlikes.map((l) => `${'x'.repeat(5000)} ${l}.`).join('')
    const text = `Intro. Officials said inflation rose to 7.7 per cent last year.${far}`
    const quote = 'inflation rose to 5.5 percent'
    const whole = searchInRounds(text, quote, 6, 3, 0)
    expect(whole.some((m) => m.start < 100)).toBe(false)
    const near = nearbyMatches(text, quote, 6, 20)
    expect(near.map((m) => text.slice(m.start, m.end))).toContain('inflation rose to 7.7 per cent')
  })
})

describe('fuzzyMatches', () => {
  it('finds a short quote with a few errors', () => {
    const text = 'Four score and seven years ago our fathers brought forth'
    const [m] = fuzzyMatches(text, 'sevn yeers', 2, 0)
    expect(m).toMatchObject({ errors: 2 })
    expect(text.slice(m!.start, m!.end)).toBe('seven years')
  })

  it('locates a long quote by its pieces and verifies it whole, in a large text', () => {
    let seed = 3
    const rnd = (n: number) => ((seed = (seed * 1664525 + 1013904223) >>> 0), seed % n)
    const letters = 'abcdefghijklmnopqrstuvwxyz     '
    const text = Array.from({ length: 400_000 }, () => letters[rnd(letters.length)]).join('')
    const quote = text.slice(250_000, 251_000)
    // Edit the quote in three places (12 errors), well within the 20% budget.
    const edited = text.slice(0, 250_100) + 'XXXX' + text.slice(250_104, 250_500) + 'YYYY' + text.slice(250_504, 250_900) + 'ZZZZ' + text.slice(250_904)
    const t0 = performance.now()
    const matches = fuzzyMatches(edited, quote, 200, 0)
    const elapsed = performance.now() - t0
    expect(matches).toHaveLength(1)
    expect(matches[0]).toEqual({ start: 250_000, end: 251_000, errors: 12 })
    expect(elapsed).toBeLessThan(1000)
  })

  it('finds nothing when no errors are allowed or the text is too short', () => {
    expect(fuzzyMatches('abc', 'abd', 0, 0)).toEqual([])
    expect(fuzzyMatches('ab', 'abcdefgh', 1, 0)).toEqual([])
  })
})
