// Hybrid logical clock values for operations (after Kulkarni et al., and Actual Budget's crdt timestamps): a wall-clock
// millisecond and a counter, written so that comparing the strings compares the times. A writer's clock only moves
// forward, even when the machine's clock goes back, and never falls behind an operation it has seen from another writer.

/** "0001733130000000.00000": 16 digits of milliseconds since 1970, a dot, 5 digits of counter. */
export type Hlc = string

const MS_DIGITS = 16
const COUNTER_DIGITS = 5
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1
export const HLC_PATTERN = /^\d{16}\.\d{5}$/

export function formatHlc(ms: number, counter: number): Hlc {
  return `${String(Math.max(0, Math.floor(ms))).padStart(MS_DIGITS, '0')}.${String(counter).padStart(COUNTER_DIGITS, '0')}`
}

export function parseHlc(ts: Hlc): { ms: number; counter: number } {
  const [ms, counter] = ts.split('.')
  return { ms: Number(ms), counter: Number(counter) }
}

/** The wall-clock time of a clock value, as an ISO string (what the audit trail shows). */
export function hlcTime(ts: Hlc): string {
  return new Date(parseHlc(ts).ms).toISOString()
}

/**
 * How far ahead of this machine's clock a value from another writer may carry ours. Changes made here must sort after
 * those seen (or a reviewer's edit would lose to one it replaced), so a colleague whose clock is weeks fast is followed;
 * a value more than a year ahead is a broken clock or a forged line, and following it would date every later change of
 * ours in that future, or past the last date there is. Such a value is still folded in its place; our clock just does
 * not follow it.
 */
export const MAX_CLOCK_AHEAD_MS = 365 * 24 * 60 * 60 * 1000

/** A writer's clock. `now` is the wall clock (tests pass their own). */
export class HybridClock {
  #ms = 0
  #counter = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** The next value for an operation this writer makes: after every value it has made or seen. */
  next(): Hlc {
    const wall = this.now()
    if (wall > this.#ms) {
      this.#ms = wall
      this.#counter = 0
    } else if (this.#counter < MAX_COUNTER) {
      this.#counter++
    } else {
      // 100,000 operations in one millisecond: borrow the next millisecond rather than overflow.
      this.#ms++
      this.#counter = 0
    }
    return formatHlc(this.#ms, this.#counter)
  }

  /** Takes in a value from another writer (or from this writer's log at start), so later values sort after it. */
  observe(ts: Hlc): void {
    const { ms, counter } = parseHlc(ts)
    if (ms > Math.max(this.now(), this.#ms) + MAX_CLOCK_AHEAD_MS) return
    if (ms > this.#ms || (ms === this.#ms && counter > this.#counter)) {
      this.#ms = ms
      this.#counter = counter
    }
  }
}

/** The order operations are folded in: by clock value, then writer, then id. */
export function compareStamps(a: { ts: Hlc; replica: string; id: string }, b: { ts: Hlc; replica: string; id: string }): number {
  return a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
