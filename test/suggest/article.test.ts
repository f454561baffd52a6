// The sample BelTA article: its figures, ranks and dates are suggested; courtesy without figures is not.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scoreText, SUGGEST_THRESHOLD } from '../../src/core/suggest/index'

const ARTICLE = readFileSync(new URL('../fixtures/belta-2017-08-14-belarus-kazakhstan-trade.txt', import.meta.url), 'utf8')
const scored = scoreText(ARTICLE)

function sentenceWith(words: string) {
  const found = scored.filter((s) => s.text.includes(words))
  expect(found, `one sentence holds "${words}"`).toHaveLength(1)
  return found[0]!
}

describe('the BelTA article of 14 August 2017', () => {
  it.each(['$294.6 million', 'almost 80%', '$252.6 million', '$42 million', 'third among the CIS member states', 'eight joint plants', '25 years'])(
    'suggests the sentence with %j',
    (words) => {
      const s = sentenceWith(words)
      expect(s.score).toBeGreaterThan(SUGGEST_THRESHOLD)
      expect(s.kinds).toContain('quantity')
    }
  )

  it('says why: the trade figures are quantities and comparisons, the attributed quotes are quotes', () => {
    expect(sentenceWith('soared almost 80%').kinds).toEqual(expect.arrayContaining(['quantity', 'comparison']))
    expect(sentenceWith('lagging behind').kinds).toContain('comparison')
    expect(sentenceWith('will be signed').kinds).toContain('prediction')
    expect(sentenceWith('gained strategic importance').kinds).toContain('quote')
  })

  it('ranks the sentences with figures above those without', () => {
    const withFigures = scored.filter((s) => /\$\d|\d%/.test(s.text)).map((s) => s.score)
    const others = scored.filter((s) => !/\d/.test(s.text)).map((s) => s.score)
    expect(Math.min(...withFigures)).toBeGreaterThan(Math.max(...others) - 0.3)
    expect(withFigures.reduce((a, b) => a + b, 0) / withFigures.length).toBeGreaterThan(others.reduce((a, b) => a + b, 0) / others.length)
  })

  it('covers every sentence of the article, in order', () => {
    expect(scored.length).toBeGreaterThanOrEqual(24)
    for (const s of scored) expect(ARTICLE.slice(s.start, s.end)).toBe(s.text)
    expect(scored.map((s) => s.start)).toEqual([...scored.map((s) => s.start)].sort((a, b) => a - b))
  })
})

describe('courtesy without figures', () => {
  const COURTESY = [
    'Thank you very much for having me.',
    'Congratulations on your victory.',
    'It is a pleasure to be here in Minsk.',
    'Good evening, and welcome.',
    'Thank you, Mr. President, it is an honour to welcome you to Minsk.',
    'We are grateful to our Kazakh friends for their warm hospitality.',
    'Ladies and gentlemen, thank you for coming.',
    'Thanks, Jim, it is great to be here.'
  ]
  it.each(COURTESY)('%j scores below the threshold and says it is courtesy', (sentence) => {
    const [s, ...rest] = scoreText(sentence)
    expect(rest).toHaveLength(0)
    expect(s!.score).toBeLessThan(SUGGEST_THRESHOLD)
    expect(s!.kinds).toContain('courtesy')
  })

  it('the article has no courtesy of its own to suggest', () => {
    for (const s of scored.filter((x) => x.kinds.includes('courtesy') && !/\d/.test(x.text))) expect(s.score).toBeLessThan(SUGGEST_THRESHOLD)
  })
})
