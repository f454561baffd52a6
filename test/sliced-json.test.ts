import { describe, expect, it } from 'vitest'
import { bodyFromBlocks } from '../src/core/plain-text'
import { stringifyInSlices } from '../src/main/workspace/sliced-json'
import { sampleDoc } from './report/sample-doc'

describe('stringifyInSlices', () => {
  it.each([
    ['a whole article document', sampleDoc()],
    ['primitives', ['text "quoted"\nline', 0, -1.5, true, null, '👨‍👩‍👧‍👦 \u2028']],
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}] }],
    ['what JSON leaves out or changes', { gone: undefined, fn: () => 1, list: [undefined, () => 1], when: new Date(Date.UTC(2026, 11, 1)) }],
    ['long arrays, deep nesting', { blocks: Array.from({ length: 500 }, (_, i) => ({ kind: 'p', start: i, end: i + 1, deep: { deeper: [i, { x: `n${i}` }] } })) }],
    ['a top-level array of objects', Array.from({ length: 100 }, (_, i) => ({ i, nested: { list: Array.from({ length: 40 }, (_, j) => j) } }))]
  ])('writes %s exactly as JSON.stringify(value, null, 2) does', async (_name, value) => {
    expect(await stringifyInSlices(value)).toBe(JSON.stringify(value, null, 2))
  })

  it('gives the event loop back while it serialises a 5 MB article of 48,000 paragraphs', async () => {
    const body = bodyFromBlocks(Array.from({ length: 48_000 }, (_, i) => ({ kind: 'p' as const, text: `Paragraph ${i}: exports grew by ${i % 90} per cent in the first half of the year.` })))
    const doc = { format: 'factmark-article', article: { text: body.text, blocks: body.blocks }, claims: [], log: [] }
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    const text = await stringifyInSlices(doc)
    clearInterval(timer)
    expect(text).toBe(JSON.stringify(doc, null, 2))
    // One JSON.stringify call would have let no timer run at all.
    expect(ticks).toBeGreaterThan(2)
  })
})
