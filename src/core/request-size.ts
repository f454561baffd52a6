// How big a request from the window may be before its schema is even looked at: a schema checks a million-item array
// item by item (seconds, and an error per item), and nests as deep as it is sent. Counted without recursion.
import { MAX_REQUEST_DEPTH, MAX_REQUEST_VALUES } from './limits'

/** A sentence when `value` holds more than MAX_REQUEST_VALUES values or nests deeper than MAX_REQUEST_DEPTH; else null. */
export function requestSizeProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]]
  let values = 0
  while (stack.length) {
    const [next, depth] = stack.pop()!
    if (++values > MAX_REQUEST_VALUES) return 'Factmark could not use that request: it holds too many values.'
    if (next === null || typeof next !== 'object') continue
    if (depth >= MAX_REQUEST_DEPTH) return 'Factmark could not use that request: it is nested too deeply.'
    if (Array.isArray(next)) {
      // Counted before they are pushed: an array of a million items is refused without walking it.
      if (values + next.length > MAX_REQUEST_VALUES) return 'Factmark could not use that request: it holds too many values.'
      for (const item of next) stack.push([item, depth + 1])
    } else {
      for (const key of Object.keys(next)) {
        values++
        stack.push([(next as Record<string, unknown>)[key], depth + 1])
      }
    }
  }
  return null
}
