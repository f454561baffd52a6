// Writers for tests: each has a replica id, a reviewer, and its own hybrid logical clock over a fake wall clock, and
// makes operations the way main does (core's stampOperation against the writer's own document).

import { HybridClock, hlcTime } from '../../src/core/clock'
import type { Article, ArticleDoc, Operation, OperationBody } from '../../src/core/model'
import { apply, fold } from '../../src/core/ops'
import { stampOperation, type Stamp } from '../../src/core/stamp'

export interface Writer {
  replica: string
  by: string
  name: string
  clock: HybridClock
  /** The fake wall clock, in milliseconds; tests move it. */
  wall: { ms: number }
  counter: number
}

export const T0_MS = Date.parse('2026-11-28T09:00:00.000Z')

export function writer(replica: string, by: string, name: string, startMs = T0_MS): Writer {
  const wall = { ms: startMs }
  return { replica, by, name, wall, clock: new HybridClock(() => wall.ms), counter: 0 }
}

/** The next stamp of a writer: a fresh id, the clock's next value, and the wall-clock time of that value. */
export function nextStamp(w: Writer): Stamp {
  const ts = w.clock.next()
  return { id: `${w.replica}.${++w.counter}`, ts, replica: w.replica, by: w.by, name: w.name, at: hlcTime(ts) }
}

/**
 * The operation `w` makes of `body` on `doc`; throws (a FactmarkError) where main would refuse it. A writer has seen
 * every operation of the document it changes, so its clock has too.
 */
export function make(w: Writer, doc: ArticleDoc, body: OperationBody): Operation {
  const last = doc.log.at(-1)
  if (last) w.clock.observe(last.ts)
  return stampOperation(doc, body, nextStamp(w))
}

/** Makes and applies: the document after `w`'s change. */
export function act(w: Writer, doc: ArticleDoc, body: OperationBody): ArticleDoc {
  return apply(doc, make(w, doc, body))
}

/** An article's first operation (never stamped by stampOperation: an import is not a change to a document). */
export function createOp(w: Writer, article: Omit<Article, 'createdBy' | 'createdAt' | 'updatedAt'>): Operation {
  const stamp = nextStamp(w)
  return { type: 'article.create', article: { ...article, createdBy: w.by, createdAt: stamp.at, updatedAt: stamp.at }, ...stamp, rev: stamp.id }
}

export function created(w: Writer, article: Omit<Article, 'createdBy' | 'createdAt' | 'updatedAt'>): ArticleDoc {
  return fold([createOp(w, article)])
}
