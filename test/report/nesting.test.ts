import { describe, expect, it } from 'vitest'
import { nestSpans, type MarkToken, type Span } from '../../src/core/report/nesting'

interface Named extends Span {
  name: string
}

/** Replays the tokens: checks that they nest, and collects the offsets each span covers while open. */
function replay(from: number, to: number, tokens: MarkToken<Named>[]) {
  const stack: Named[] = []
  const covered = new Map<string, number[]>()
  const ended: string[] = []
  let at = from
  for (const t of tokens) {
    if (t.kind === 'open') {
      stack.push(t.span)
      expect(t.depth).toBe(stack.length)
    } else if (t.kind === 'close') {
      expect(stack.pop()).toBe(t.span) // closes the innermost open piece: proper nesting
    } else if (t.kind === 'end') {
      expect(stack).not.toContain(t.span)
      ended.push(t.span.name)
    } else {
      expect(t.start).toBe(at) // text tokens run contiguously over the whole range
      expect(t.end).toBeGreaterThan(t.start)
      at = t.end
      for (const s of stack) {
        const list = covered.get(s.name) ?? []
        for (let i = t.start; i < t.end; i++) list.push(i)
        covered.set(s.name, list)
      }
    }
  }
  expect(at).toBe(to)
  expect(stack).toEqual([])
  return { covered, ended }
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i)

describe('nestSpans', () => {
  it('splits a claim that crosses another into two pieces, and nests a claim inside another', () => {
    const a = { name: 'a', start: 0, end: 10 }
    const b = { name: 'b', start: 5, end: 15 }
    const inner = { name: 'inner', start: 6, end: 8 }
    const tokens = nestSpans(0, 20, [a, b, inner])
    const { covered, ended } = replay(0, 20, tokens)
    expect(covered.get('a')).toEqual(range(0, 10))
    expect(covered.get('b')).toEqual(range(5, 15))
    expect(covered.get('inner')).toEqual(range(6, 8))
    expect(tokens.filter((t) => t.kind === 'open' && t.span === b)).toHaveLength(2)
    expect(tokens.filter((t) => t.kind === 'open' && t.span === a)).toHaveLength(1)
    expect(ended).toEqual(['inner', 'a', 'b'])
    // Only the first piece of a claim is its first.
    expect(tokens.filter((t) => t.kind === 'open' && t.first).map((t) => (t as { span: Named }).span.name)).toEqual(['a', 'b', 'inner'])
  })

  it('opens the longer of two claims that start together outside the shorter, and keeps identical ones in order', () => {
    const short = { name: 'short', start: 2, end: 4 }
    const long = { name: 'long', start: 2, end: 9 }
    const twin1 = { name: 'twin1', start: 12, end: 15 }
    const twin2 = { name: 'twin2', start: 12, end: 15 }
    const tokens = nestSpans(0, 16, [short, long, twin1, twin2])
    const opens = tokens.filter((t): t is Extract<MarkToken<Named>, { kind: 'open' }> => t.kind === 'open')
    expect(opens.map((t) => [t.span.name, t.depth])).toEqual([
      ['long', 1],
      ['short', 2],
      ['twin1', 1],
      ['twin2', 2]
    ])
    replay(0, 16, tokens)
  })

  it('cuts spans to the block and ends only those that end inside it', () => {
    const across = { name: 'across', start: 3, end: 30 }
    const tokens = nestSpans(10, 20, [across])
    const { covered, ended } = replay(10, 20, tokens)
    expect(covered.get('across')).toEqual(range(10, 20))
    expect(ended).toEqual([])
    expect(tokens.some((t) => t.kind === 'open' && t.first)).toBe(false)
    expect(nestSpans(20, 40, [across]).some((t) => t.kind === 'end')).toBe(true)
  })

  it('ignores empty spans and spans outside the range', () => {
    const tokens = nestSpans(0, 5, [{ name: 'empty', start: 2, end: 2 }, { name: 'after', start: 5, end: 9 }])
    expect(tokens).toEqual([{ kind: 'text', start: 0, end: 5 }])
  })

  it('nests any random set of spans properly and covers exactly their text', () => {
    let seed = 12345
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 300; round++) {
      const spans: Named[] = Array.from({ length: 1 + random(8) }, (_, i) => {
        const start = random(40)
        return { name: `s${i}`, start, end: start + random(15) }
      })
      const from = random(10)
      const to = from + 10 + random(30)
      const { covered, ended } = replay(from, to, nestSpans(from, to, spans))
      for (const s of spans) {
        expect(covered.get(s.name) ?? []).toEqual(range(Math.max(s.start, from), Math.min(s.end, to)))
        const endsHere = s.end > s.start && s.end > from && s.start < to && s.end <= to
        expect(ended.filter((n) => n === s.name)).toHaveLength(endsHere ? 1 : 0)
      }
    }
  })
})
