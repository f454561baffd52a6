// Log lines and checkpoints are serialised in slices so the event loop keeps turning; they must be byte for byte
// what JSON.stringify gives, and a checkpoint's checksum must hold however its pieces were cut.
import { describe, expect, it } from 'vitest'
import { bodyFromBlocks } from '../../src/core/plain-text'
import { checksumHolds, checksumOf, withChecksum } from '../../src/main/workspace/checksum'
import { compactJsonInSlices, jsonInSlices } from '../../src/main/workspace/sliced-json'

const big = bodyFromBlocks(Array.from({ length: 20_000 }, (_, i) => ({ kind: 'p' as const, text: `Paragraph ${i}: exports grew by ${i % 90} per cent, “quoted” \u2028 👨‍👩‍👧‍👦.` })))

describe('serialising in slices', () => {
  it.each([
    ['an article creation with a long text and many blocks', { type: 'article.create', article: { text: big.text, blocks: big.blocks, links: [] }, id: 'x.y.1' }],
    ['primitives and what JSON leaves out', { a: [undefined, () => 1, 'line\nbreak', -1.5, null, true], gone: undefined, when: new Date(0), e: {}, f: [] }],
    ['long arrays of objects', Array.from({ length: 100 }, (_, i) => ({ i, nested: { list: Array.from({ length: 40 }, (_, j) => j) } }))]
  ])('writes %s on one line exactly as JSON.stringify does', async (_name, value) => {
    const pieces = await compactJsonInSlices(value)
    expect(pieces.join('')).toBe(JSON.stringify(value))
    expect(pieces.join('')).not.toContain('\n')
  })

  it('gives the loop back while it writes a 2 MB line', async () => {
    // Slices of no time at all: every place where it may give the loop back, it does (how long a slice is, is measured
    // by the serial event-loop tests; a timer count here would depend on the machine's speed).
    let turns = 0
    let running = true
    const turn = () => {
      turns++
      if (running) setImmediate(turn)
    }
    setImmediate(turn)
    const value = { text: big.text, blocks: big.blocks }
    const pieces = await compactJsonInSlices(value, 0)
    running = false
    expect(pieces.join('') === JSON.stringify(value)).toBe(true)
    expect(turns).toBeGreaterThan(10)
  })

  it('adds a checksum that holds for the file, and fails for any change to it', async () => {
    for (const value of [{ a: 1 }, { text: big.text, blocks: big.blocks }]) {
      const pieces = await jsonInSlices(value)
      const text = withChecksum(pieces, await checksumOf(pieces)).join('')
      expect(JSON.parse(text)).toMatchObject({ ...JSON.parse(JSON.stringify(value)), checksum: expect.stringMatching(/^sha256-/) })
      expect(await checksumHolds(text)).toBe(true)
      expect(await checksumHolds(text.replace('"a": 1', '"a": 2').replace('Paragraph 7:', 'Paragraph 8:'))).toBe(false)
      expect(await checksumHolds(text.replace(/,\n {2}"checksum": "[^"]*"/, ''))).toBe(false)
    }
    // The closing brace in a piece of its own.
    const cut = ['{\n  "a": 1\n', '}']
    expect(await checksumHolds(withChecksum(cut, await checksumOf(cut)).join(''))).toBe(true)
  })
})
