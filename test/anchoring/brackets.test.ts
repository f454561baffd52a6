import { describe, expect, it } from 'vitest'
import { contextBrackets } from '../../src/core/anchoring/brackets'
import { createSelectors } from '../../src/core/anchoring/selectors'

describe('contextBrackets', () => {
  const text = 'Officials said on Monday that unemployment fell sharply in the north, where two factories reopened.'
  const quote = 'unemployment fell sharply'
  const at = text.indexOf(quote)
  const { prefix, suffix } = createSelectors(text, at, at + quote.length).quote

  it('finds where the context still stands around rewritten words', () => {
    const revised = text.replace(quote, 'joblessness was broadly unchanged')
    const brackets = contextBrackets(revised, prefix, suffix, quote.length, at)
    expect(brackets).toContainEqual({ start: at, end: at + 'joblessness was broadly unchanged'.length, sides: 2 })
  })

  it('finds an empty bracket where the words were deleted', () => {
    const revised = text.replace(`${quote} `, '')
    expect(contextBrackets(revised, prefix, suffix, quote.length, at)).toContainEqual({ start: at, end: at, sides: 2 })
  })

  it('reports one side alone when the other was rewritten too', () => {
    const revised = text.replace(`${quote} in the north, where two factories`, 'nothing much changed at all, said several of the owners')
    const brackets = contextBrackets(revised, prefix, suffix, quote.length, at)
    expect(brackets).toContainEqual({ start: at, end: at + quote.length, sides: 1 })
    expect(brackets.every((b) => b.sides === 1)).toBe(true)
  })

  it('needs some context on both sides to search at all', () => {
    expect(contextBrackets(text, '', suffix, quote.length, 0)).toEqual([])
  })
})
