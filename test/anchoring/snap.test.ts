import { describe, expect, it } from 'vitest'
import { graphemeAt, snapSelection } from '../../src/core/anchoring/snap'

const family = '👨‍👩‍👧‍👦' // 11 code units: 4 emoji joined by ZWJ
const flag = '🇧🇾' // two regional indicators, 4 code units
const zalgo = 'Z̤͔ͧ̑̓' // Z with five combining marks

describe('snapSelection', () => {
  it('orders the ends and clamps them to the text', () => {
    expect(snapSelection('hello world', 8, 2)).toEqual({ start: 2, end: 8 })
    expect(snapSelection('hello', -4, 99)).toEqual({ start: 0, end: 5 })
  })

  it('trims white space of every kind, line breaks and NBSP included', () => {
    const text = 'a \n\t\u00a0\u2003\u3000\u202f\u2028word\u00a0\n\u205f\u0085 b'
    const start = 1
    const end = text.length - 1
    const snapped = snapSelection(text, start, end)!
    expect(text.slice(snapped.start, snapped.end)).toBe('word')
  })

  it('returns null when nothing but white space, or nothing, is selected', () => {
    expect(snapSelection('a \n\u00a0 b', 1, 5)).toBeNull()
    expect(snapSelection('abc', 2, 2)).toBeNull()
    expect(snapSelection('', 0, 0)).toBeNull()
  })

  it('grows a selection that ends inside an emoji family to the whole family', () => {
    const text = `Our ${family} trip`
    const start = text.indexOf(family)
    for (let cut = 1; cut < family.length; cut++) {
      const snapped = snapSelection(text, 0, start + cut)!
      expect(text.slice(snapped.start, snapped.end)).toBe(`Our ${family}`)
      // ...and one that starts inside it.
      const fromInside = snapSelection(text, start + cut, text.length)!
      expect(text.slice(fromInside.start, fromInside.end)).toBe(`${family} trip`)
    }
  })

  it('keeps flags (regional indicator pairs) whole, also in a run of flags', () => {
    const text = `Flags ${flag}${flag}${flag} end`
    const first = text.indexOf(flag)
    // Ending after the 3rd regional indicator (inside the second flag) grows to the end of that flag.
    const snapped = snapSelection(text, first, first + 6)!
    expect(text.slice(snapped.start, snapped.end)).toBe(flag + flag)
    // Starting at the 2nd indicator of the second flag grows back to its start.
    const back = snapSelection(text, first + 6, first + 12)!
    expect(text.slice(back.start, back.end)).toBe(flag + flag)
  })

  it('never splits a surrogate pair', () => {
    const text = 'x😀y'
    expect(snapSelection(text, 0, 2)).toEqual({ start: 0, end: 3 })
    expect(snapSelection(text, 2, 4)).toEqual({ start: 1, end: 4 })
  })

  it('takes combining marks along with their base letter', () => {
    const text = `He said ${zalgo}ut loud`
    const at = text.indexOf(zalgo)
    const snapped = snapSelection(text, at, at + 1)! // only the base letter
    expect(text.slice(snapped.start, snapped.end)).toBe(zalgo)
    const fromMark = snapSelection(text, at + 3, at + 8)! // starting in the middle of the marks
    expect(text.slice(fromMark.start, fromMark.end)).toBe(`${zalgo}ut`)
    const nfd = 'cafe\u0301 noir'
    expect(snapSelection(nfd, 0, 4)).toEqual({ start: 0, end: 5 })
  })

  it('keeps emoji with skin tone modifiers, keycaps, Hangul jamo and Indic vowel signs whole', () => {
    for (const cluster of ['👍🏽', '1️⃣', '\u1100\u1161\u11a8', 'e\u0301\u0302', '\u0915\u093f']) {
      const text = `ab ${cluster} cd`
      const at = 3
      for (let cut = at + 1; cut < at + cluster.length; cut++) {
        expect(snapSelection(text, 0, cut)).toEqual({ start: 0, end: at + cluster.length })
        expect(snapSelection(text, cut, text.length)).toEqual({ start: at, end: text.length })
      }
    }
  })

  // Which clusters some sequences form depends on the ICU version (Indic conjuncts joined only from
  // Unicode 15.1); whatever it is, segmenting a window must agree with segmenting the whole text.
  it('agrees with segmenting the whole text, on a text full of complex clusters', () => {
    const parts = ['a', ' ', family, flag, zalgo, 'é', '\u0915\u094d\u0937', '👍🏽', '\n', 'Ω', '\u0e01\u0e33', '한', '\r\n', '中', '©\u200d']
    let seed = 7
    const rnd = (n: number) => ((seed = (seed * 1664525 + 1013904223) >>> 0), seed % n)
    const text = Array.from({ length: 400 }, () => parts[rnd(parts.length)]).join('')
    const boundaries = new Set<number>([text.length])
    for (const s of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) boundaries.add(s.index)
    for (let i = 0; i < text.length; i++) {
      const g = graphemeAt(text, i)
      expect(g.start <= i && i < g.end).toBe(true)
      expect(boundaries.has(g.start) && boundaries.has(g.end)).toBe(true)
      for (let j = g.start + 1; j < g.end; j++) expect(boundaries.has(j)).toBe(false)
    }
  })

  it('stays cheap on a 1 MB single-line text', () => {
    const big = 'Claims need checking 😀, sources and dates. '.repeat(25_000)
    const t0 = performance.now()
    for (let i = 0; i < 2000; i++) {
      const a = (i * 7919) % big.length
      snapSelection(big, a, a + 500)
    }
    const whole = snapSelection(big, 0, big.length)
    const elapsed = performance.now() - t0
    expect(whole).toEqual({ start: 0, end: big.length - 1 })
    expect(elapsed).toBeLessThan(1000)
  })
})
