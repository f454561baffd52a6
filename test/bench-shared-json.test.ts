// The bench's transport keeps shared objects shared, as Electron's structured clone does, and loses nothing else.
import { describe, expect, it } from 'vitest'
import { SHARED_JSON_READER, sharedJson } from '../bench/shared-json'

const read = new Function(`return (${SHARED_JSON_READER})`)() as (json: string) => unknown

describe('the bench transport', () => {
  it('gives back the same value, with an object met twice as one object', () => {
    const claim = { id: 'c1', quote: { exact: 'rose by 4', prefix: '', suffix: '' }, tags: ['a'] }
    const doc = { claims: [claim, { id: 'c2', quote: claim.quote, tags: [] }], log: [{ type: 'claim.create', claim }], text: 'x', n: 3, none: null }
    const back = read(sharedJson(doc)) as typeof doc
    expect(back).toEqual(doc)
    expect(back.log[0]!.claim).toBe(back.claims[0])
    expect(back.claims[1]!.quote).toBe(back.claims[0]!.quote)
    expect(back.claims[0]).not.toBe(back.claims[1])
  })

  it('is plain JSON when nothing is shared', () => {
    const value = { a: [1, 2, { b: 'c' }], d: { e: null } }
    expect(sharedJson(value)).toBe(JSON.stringify(value))
    expect(read(sharedJson(value))).toEqual(value)
  })
})
