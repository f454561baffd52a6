// Sentence offsets: every suggestion points at exactly its words in the text the app holds.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreBlocks, scoreText, type ScoredSentence } from '../../src/core/suggest/index'
import { linesOf } from '../../src/core/sentences'

function expectWellFormed(text: string, sentences: ScoredSentence[]): void {
  let previousEnd = 0
  for (const s of sentences) {
    expect(text.slice(s.start, s.end)).toBe(s.text)
    expect(s.text).toBe(s.text.trim())
    expect(s.text.length).toBeGreaterThan(0)
    expect(s.start).toBeGreaterThanOrEqual(previousEnd)
    expect(s.score).toBeGreaterThanOrEqual(0)
    expect(s.score).toBeLessThanOrEqual(1)
    expect(Number.isFinite(s.score)).toBe(true)
    previousEnd = s.end
  }
}

describe('scoreText offsets', () => {
  it('gives nothing for empty text or text without sentences', () => {
    expect(scoreText('')).toEqual([])
    expect(scoreText('   \n\t\r\n  \u2028 ')).toEqual([])
  })

  it('splits on lines first, then sentences, with UTF-16 offsets into the text', () => {
    const text = 'Trade rose 80%. Exports totaled $252.6 million.\nThank you very much.'
    const sentences = scoreText(text)
    expect(sentences.map((s) => s.text)).toEqual(['Trade rose 80%.', 'Exports totaled $252.6 million.', 'Thank you very much.'])
    expectWellFormed(text, sentences)
  })

  it('never lets a sentence run across a line break (LF, CRLF, CR)', () => {
    const text = 'The first line has no full stop\r\nthe second goes on\rand the third.\nFourth line.  \r\n'
    const sentences = scoreText(text)
    expect(sentences.map((s) => s.text)).toEqual(['The first line has no full stop', 'the second goes on', 'and the third.', 'Fourth line.'])
    expectWellFormed(text, sentences)
    for (const s of sentences) expect(s.text).not.toMatch(/[\r\n]/)
  })

  it('keeps emoji and other surrogate pairs whole', () => {
    const text = '🇧🇾 Belarus exported 👩‍🔬 $42 million. 😀 Thank you! 𝒳 grew 5%.'
    const sentences = scoreText(text)
    expectWellFormed(text, sentences)
    expect(sentences.map((s) => s.text).join(' ')).toBe(text)
    for (const s of sentences) {
      expect(s.text.charCodeAt(0) & 0xfc00).not.toBe(0xdc00) // no sentence starts in the middle of a pair
      expect(s.text.charCodeAt(s.text.length - 1) & 0xfc00).not.toBe(0xd800)
    }
  })

  it('scores a 20,000-character sentence without punctuation, quickly', () => {
    const words = ['trade', 'exports', 'grew', 'million', 'the', 'country', 'and', '42', 'plants']
    let text = ''
    for (let i = 0; text.length < 20_000; i++) text += words[(i * 7) % words.length] + ' '
    text = text.slice(0, 20_000).trim()
    const t0 = performance.now()
    const sentences = scoreText(text)
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(sentences).toHaveLength(1)
    expect(sentences[0]!.text).toBe(text)
    expectWellFormed(text, sentences)
  })

  it('holds for any text (property)', () => {
    const piece = fc.constantFrom('Trade rose 80%.', ' ', '\n', '\r\n', '\r', '?', '!', '.', '“', '”', '😀', '\u00a0', 'Mr. Smith said', 'a', '$1.5', '\u2028', '\ud800', '\udc00')
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expectWellFormed(text, scoreText(text))
      }),
      { numRuns: 300 }
    )
  })
})

describe('scoreBlocks', () => {
  it('keeps sentences inside their blocks and in block order', () => {
    const text = 'Heading without stop Body one. Body two grew 5%.'
    const blocks = [
      { start: 0, end: 20 },
      { start: 21, end: text.length }
    ]
    const sentences = scoreBlocks(text, blocks)
    expect(sentences.map((s) => s.text)).toEqual(['Heading without stop', 'Body one.', 'Body two grew 5%.'])
    for (const s of sentences) expect(blocks.some((b) => s.start >= b.start && s.end <= b.end)).toBe(true)
    expectWellFormed(text, sentences)
  })

  it('gives the same scores as scoreText for one line', () => {
    const text = 'The exports totaled $252.6 million. Thank you very much for having me.'
    expect(scoreBlocks(text, [{ start: 0, end: text.length }])).toEqual(scoreText(text))
  })

  it('skips empty blocks and clamps blocks that run past the text', () => {
    const text = 'Trade rose 80%.'
    const sentences = scoreBlocks(text, [
      { start: 5, end: 5 },
      { start: 0, end: 999 }
    ])
    expect(sentences.map((s) => s.text)).toEqual(['Trade rose 80%.'])
  })
})

describe('the sentence splitter', () => {
  it('scores exactly the sentences the app’s sentence navigation selects, titles and initials kept inside', async () => {
    const { sentenceAfter, sentencesOfBlocks } = await import('../../src/core/sentences')
    const { readFileSync } = await import('node:fs')
    const article = readFileSync(new URL('../fixtures/belta-2017-08-14-belarus-kazakhstan-trade.txt', import.meta.url), 'utf8')
    const blocks = linesOfArticle(article)
    const navigated: { start: number; end: number }[] = []
    for (let next = sentenceAfter(article, blocks, 0); next; next = sentenceAfter(article, blocks, next.end)) navigated.push(next)
    expect(scoreBlocks(article, blocks).map(({ start, end }) => ({ start, end }))).toEqual(navigated)
    const text = 'Thank you, Mr. President. John F. Kennedy won in 1960. Dr. Smith agreed.'
    expect(sentencesOfBlocks(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end))).toEqual([
      'Thank you, Mr. President.',
      'John F. Kennedy won in 1960.',
      'Dr. Smith agreed.'
    ])
  })
})

/** The article's lines as paragraph blocks, as a pasted text's are. */
function linesOfArticle(text: string): { kind: 'p'; start: number; end: number }[] {
  return linesOf(text).filter((l) => text.slice(l.start, l.end).trim()).map((l) => ({ kind: 'p' as const, ...l }))
}
