import { describe, expect, it } from 'vitest'
import { compareStamps, formatHlc, HLC_PATTERN, hlcTime, HybridClock, MAX_CLOCK_AHEAD_MS, parseHlc } from '../../src/core/clock'

const T = Date.parse('2026-11-28T09:00:00.000Z')

function fakeWall(start = T) {
  const wall = { ms: start }
  return { wall, clock: new HybridClock(() => wall.ms) }
}

describe('hybrid logical clock', () => {
  it('writes values whose string order is their time order', () => {
    expect(formatHlc(T, 7)).toBe(`000${T}.00007`)
    expect(formatHlc(T, 7)).toMatch(HLC_PATTERN)
    expect(parseHlc(formatHlc(T, 7))).toEqual({ ms: T, counter: 7 })
    expect(hlcTime(formatHlc(T, 99_999))).toBe('2026-11-28T09:00:00.000Z')
    // A shorter number of milliseconds is padded, so it sorts before a longer one as a number does.
    expect(formatHlc(999, 0) < formatHlc(1000, 0)).toBe(true)
    expect(formatHlc(T, 9) < formatHlc(T, 10)).toBe(true)
  })

  it('follows the wall clock while it moves on, and counts within a millisecond', () => {
    const { wall, clock } = fakeWall()
    expect(clock.next()).toBe(formatHlc(T, 0))
    expect(clock.next()).toBe(formatHlc(T, 1))
    wall.ms += 5
    expect(clock.next()).toBe(formatHlc(T + 5, 0))
  })

  it('never goes back when the wall clock does', () => {
    const { wall, clock } = fakeWall()
    const values = [clock.next()]
    wall.ms -= 60 * 60_000 // the machine's clock set back an hour
    for (let i = 0; i < 5; i++) values.push(clock.next())
    wall.ms = T + 1
    values.push(clock.next())
    expect([...values].sort()).toEqual(values)
    expect(new Set(values).size).toBe(values.length)
    expect(values.slice(1, 6).every((v) => parseHlc(v).ms === T)).toBe(true) // held at the latest time it knew
    expect(values.at(-1)).toBe(formatHlc(T + 1, 0))
  })

  it('after observing another writer’s value, only makes later ones, even with its own clock behind', () => {
    const ahead = fakeWall(T + 120_000) // two minutes fast
    const behind = fakeWall(T)
    const theirs = ahead.clock.next()
    behind.clock.observe(theirs)
    const mine = behind.clock.next()
    expect(mine > theirs).toBe(true)
    expect(mine).toBe(formatHlc(T + 120_000, 1))
    // Observing an older value changes nothing.
    behind.clock.observe(formatHlc(T - 1, 3))
    expect(behind.clock.next()).toBe(formatHlc(T + 120_000, 2))
    // And once its own wall clock passes the observed time, it follows the wall clock again.
    behind.wall.ms = T + 200_000
    expect(behind.clock.next()).toBe(formatHlc(T + 200_000, 0))
  })

  it('does not follow a value more than a year ahead of its own clock (a broken clock, a forged line): its next values stay its own', () => {
    const { clock } = fakeWall(T)
    clock.observe(formatHlc(T + MAX_CLOCK_AHEAD_MS + 1, 0))
    expect(clock.next()).toBe(formatHlc(T, 0))
    clock.observe(formatHlc(9_999_999_999_999_999, 99_999)) // past the last date a Date can hold
    expect(hlcTime(clock.next())).toBe(new Date(T).toISOString())
    clock.observe(formatHlc(T + MAX_CLOCK_AHEAD_MS - 1, 0)) // a clock months fast is still followed
    expect(clock.next()).toBe(formatHlc(T + MAX_CLOCK_AHEAD_MS - 1, 1))
  })

  it('gives 100,000 operations in one millisecond distinct, increasing values, borrowing the next millisecond beyond', () => {
    const { clock } = fakeWall()
    let previous = ''
    for (let i = 0; i < 100_000; i++) {
      const value = clock.next()
      if (!(value > previous)) throw new Error(`value ${i} (${value}) is not after ${previous}`)
      previous = value
    }
    expect(previous).toBe(formatHlc(T, 99_999))
    expect(clock.next()).toBe(formatHlc(T + 1, 0)) // the counter would overflow its five digits
    expect(clock.next()).toBe(formatHlc(T + 1, 1))
  })

  it('orders operations by clock value, then writer, then id', () => {
    const op = (ts: string, replica: string, id: string) => ({ ts, replica, id })
    const a = formatHlc(T, 0)
    const b = formatHlc(T, 1)
    const ops = [op(b, 'desk-a', 'x.1'), op(a, 'desk-b', 'y.2'), op(a, 'desk-a', 'z.9'), op(a, 'desk-a', 'a.1')]
    expect([...ops].sort(compareStamps).map((o) => o.id)).toEqual(['a.1', 'z.9', 'y.2', 'x.1'])
    expect(compareStamps(ops[0]!, { ...ops[0]! })).toBe(0)
    expect(compareStamps(ops[1]!, ops[0]!)).toBeLessThan(0)
    expect(compareStamps(ops[0]!, ops[1]!)).toBeGreaterThan(0)
  })
})
