import { describe, expect, it } from 'vitest'
import { bodyFromPlainText, findDateline } from '../src/core/plain-text'

const blockTexts = (raw: string) => {
  const { text, blocks } = bodyFromPlainText(raw)
  return blocks.map((b) => text.slice(b.start, b.end))
}

describe('plain text to paragraphs', () => {
  it('makes each line a paragraph when there are no blank lines', () => {
    expect(blockTexts('One.\nTwo.\r\nThree.\n')).toEqual(['One.', 'Two.', 'Three.'])
  })

  it('unwraps hard-wrapped paragraphs separated by blank lines', () => {
    expect(blockTexts('A long\nwrapped line.\n\n\nNext\n  paragraph.\n')).toEqual(['A long wrapped line.', 'Next paragraph.'])
  })

  it('drops a byte-order mark and keeps every other character exactly (NFD stays NFD)', () => {
    const nfd = 'cafe\u0301'
    expect(blockTexts(`\uFEFF${nfd} 👨‍👩‍👧‍👦`)).toEqual([`${nfd} 👨‍👩‍👧‍👦`])
  })

  it('joins blocks with a blank line, with offsets in UTF-16 code units', () => {
    const { text, blocks } = bodyFromPlainText('🇧🇾 flag\nNext')
    expect(text).toBe('🇧🇾 flag\n\nNext')
    expect(blocks).toEqual([
      { kind: 'p', start: 0, end: 9 },
      { kind: 'p', start: 11, end: 15 }
    ])
  })
})

describe('dateline', () => {
  it('finds a wire-story dateline', () => {
    expect(findDateline('ASTANA, 14 August (BelTA) – Belarus is aimed to…')).toBe('ASTANA, 14 August (BelTA)')
    expect(findDateline('WASHINGTON, March 3 (Reuters) - The…')).toBe('WASHINGTON, March 3 (Reuters)')
  })
  it('finds none in ordinary prose', () => {
    expect(findDateline('The council voted on Monday – narrowly.')).toBeUndefined()
  })
})
