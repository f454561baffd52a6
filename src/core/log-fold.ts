// A fold over an article's log that is worked out again only for what a change added. Logs grow at their end (each
// change is a new array: the old one's operations, then the new one), so the fold of the last log asked for is kept:
// a log that starts with the same operations and goes on from them folds only the rest, onto the earlier state, which
// `extend` must copy where it changes (the earlier log's state stays as it was). Any other log is folded whole.

import type { Operation } from './model'

export interface LogFold<S> {
  /** The whole log, from nothing. */
  whole(log: readonly Operation[]): S
  /** `added` on top of `earlier` (not changed: copied where it differs); null when only a whole fold will do. */
  extend(earlier: S, added: readonly Operation[]): S | null
}

export function logFold<S>(fold: LogFold<S>): (log: readonly Operation[]) => S {
  let last: { log: readonly Operation[]; state: S } | null = null
  return (log) => {
    if (last?.log === log) return last.state
    const prev = last
    const grown = prev !== null && prev.log.length > 0 && log.length > prev.log.length && log[0] === prev.log[0] && log[prev.log.length - 1] === prev.log.at(-1)
    const state = (grown ? fold.extend(prev.state, log.slice(prev.log.length)) : null) ?? fold.whole(log)
    last = { log, state }
    return state
  }
}
