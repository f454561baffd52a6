import { describe, expect, it } from 'vitest'
import { groupBlocks } from '../../src/renderer/src/lib/block-groups'
import type { Block, BlockKind } from '../../src/core/model'

function blocksOf(kinds: BlockKind[], size = 10): Block[] {
  return kinds.map((kind, i) => ({ kind, start: i * (size + 2), end: i * (size + 2) + size }))
}

describe('groupBlocks', () => {
  it('covers every block once, in order, with no empty group', () => {
    const blocks = blocksOf(Array.from({ length: 1000 }, (_, i) => (i % 17 === 5 ? 'h2' : 'p')))
    const groups = groupBlocks(blocks, 64, 1_000_000)
    expect(groups[0]!.from).toBe(0)
    expect(groups.at(-1)!.to).toBe(1000)
    for (let g = 1; g < groups.length; g++) expect(groups[g]!.from).toBe(groups[g - 1]!.to)
    for (const group of groups) expect(group.to).toBeGreaterThan(group.from)
  })

  it('cuts by block count and by characters', () => {
    expect(groupBlocks(blocksOf(Array(130).fill('p')), 64, 1_000_000).map((g) => g.to - g.from)).toEqual([64, 64, 2])
    // 10 characters each, at most 35: three blocks a group.
    expect(groupBlocks(blocksOf(Array(7).fill('p')), 64, 35).map((g) => g.to - g.from)).toEqual([3, 3, 1])
  })

  it('never starts a group at a heading, but the first', () => {
    const kinds: BlockKind[] = ['h1', 'p', 'p', 'h2', 'h3', 'p', 'p', 'h2', 'p']
    const groups = groupBlocks(blocksOf(kinds), 2, 1_000_000)
    expect(groups[0]!.from).toBe(0)
    for (const group of groups.slice(1)) expect(kinds[group.from]).toBe('p')
    expect(groups.map((g) => [g.from, g.to])).toEqual([[0, 2], [2, 5], [5, 8], [8, 9]])
  })

  it('keeps a block longer than the limit whole, and an empty article has no group', () => {
    const blocks: Block[] = [{ kind: 'p', start: 0, end: 5 }, { kind: 'p', start: 7, end: 100_007 }, { kind: 'p', start: 100_009, end: 100_010 }]
    expect(groupBlocks(blocks, 64, 1000).map((g) => [g.from, g.to])).toEqual([[0, 1], [1, 2], [2, 3]])
    expect(groupBlocks([])).toEqual([])
  })
})
