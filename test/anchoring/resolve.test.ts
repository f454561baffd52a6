import { describe, expect, it } from 'vitest'
import { resolveAnchor } from '../../src/core/anchoring/resolve'
import { createSelectors } from '../../src/core/anchoring/selectors'

const article = [
  'The city council met on Tuesday to discuss the new budget for the coming year.',
  'According to the mayor, unemployment fell by 3.2 percent in 2023, the largest drop in a decade.',
  'Critics said the figures were misleading because many people had simply stopped looking for work.',
  'The council will vote on the budget next month, after a public hearing in the town hall.'
].join('\n\n')

const select = (text: string, quote: string, occurrence = 0) => {
  let at = -1
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1)
  if (at < 0) throw new Error(`not in text: ${quote}`)
  return createSelectors(text, at, at + quote.length)
}

describe('resolveAnchor', () => {
  const claim = 'unemployment fell by 3.2 percent in 2023'

  it('anchors at the same place when the text is unchanged', () => {
    const s = select(article, claim)
    expect(resolveAnchor(article, s)).toEqual({ status: 'anchored', start: s.position.start, end: s.position.end, textChanged: false })
  })

  it('follows insertions and deletions before the claim (moved, same text)', () => {
    const s = select(article, claim)
    const inserted = 'BREAKING: ' + article.replace('on Tuesday', 'late on Tuesday evening')
    const r = resolveAnchor(inserted, s)
    expect(r.status).toBe('moved')
    expect(r.textChanged).toBe(false)
    expect(inserted.slice(r.start, r.end)).toBe(claim)

    const deleted = article.replace('The city council met on Tuesday to discuss the new budget for the coming year.\n\n', '')
    const d = resolveAnchor(deleted, s)
    expect(d).toMatchObject({ status: 'moved', textChanged: false, start: deleted.indexOf(claim) })
  })

  it('finds a slightly edited claim (moved, text changed)', () => {
    const s = select(article, claim)
    const edited = article.replace('fell by 3.2 percent', 'fell by 3.4 per cent')
    const r = resolveAnchor(edited, s)
    expect(r.status).toBe('moved')
    expect(r.textChanged).toBe(true)
    expect(edited.slice(r.start, r.end)).toBe('unemployment fell by 3.4 per cent in 2023')
  })

  it('orphans a claim whose text was deleted', () => {
    const s = select(article, claim)
    const gone = article.replace('According to the mayor, unemployment fell by 3.2 percent in 2023, the largest drop in a decade.\n\n', '')
    expect(resolveAnchor(gone, s)).toEqual({ status: 'orphaned', start: -1, end: -1, textChanged: false, reason: 'not found' })
    // Only the claim's words removed, its context kept: still nothing to attach to.
    const cut = article.replace(claim, '')
    expect(resolveAnchor(cut, s)).toMatchObject({ status: 'orphaned', reason: 'not found' })
  })

  it('lets the context decide between repeated phrases', () => {
    const text = [
      'In March the minister said the economy grew by two percent, a figure the bank disputed.',
      'In June the opposition leader said the economy grew by two percent, a figure nobody checked.'
    ].join('\n\n')
    const phrase = 'the economy grew by two percent'
    const second = select(text, phrase, 1)
    const revised = 'Updated. ' + text
    const r = resolveAnchor(revised, second)
    expect(r.status).toBe('moved')
    expect(r.start).toBe(revised.lastIndexOf(phrase))
    const first = select(text, phrase, 0)
    expect(resolveAnchor(revised, first).start).toBe(revised.indexOf(phrase))
  })

  it('never attaches when nothing decides between repeated phrases', () => {
    const paragraph = 'The report says that 40 percent of the funds were spent on consultants last year.'
    const text = `${paragraph}\n\n${paragraph}\n\n${paragraph}`
    const s = select(text, '40 percent of the funds', 1)
    // Shift everything, so the stored position no longer holds the quote: all three copies agree
    // with the stored context alike, and only their distance differs.
    const revised = `Summary.\n\n${text}`
    expect(resolveAnchor(revised, s)).toEqual({ status: 'orphaned', start: -1, end: -1, textChanged: false, reason: 'ambiguous' })
    // The same when the copies are edited alike and only approximate matches remain.
    const edited = revised.replaceAll('40 percent', '41 per cent')
    expect(resolveAnchor(edited, s)).toMatchObject({ status: 'orphaned', reason: 'ambiguous' })
  })

  it('handles emoji and combining marks (offsets in UTF-16 code units)', () => {
    const text = 'Intro 👨‍👩‍👧‍👦 family line. The café\u0301 in Minsk 🇧🇾 raised prices by Z̤͔ͧ̑̓ 10% 😀 last week, owners said.'
    const quote = 'café\u0301 in Minsk 🇧🇾 raised prices by Z̤͔ͧ̑̓ 10% 😀'
    const s = select(text, quote)
    expect(resolveAnchor(text, s).status).toBe('anchored')
    const moved = '🇺🇦🇵🇱 ' + text.replace('Intro', 'A longer intro')
    const r = resolveAnchor(moved, s)
    expect(r).toMatchObject({ status: 'moved', textChanged: false })
    expect(moved.slice(r.start, r.end)).toBe(quote)
    const edited = moved.replace('10% 😀', '12% 😀')
    const e = resolveAnchor(edited, s)
    expect(e).toMatchObject({ status: 'moved', textChanged: true })
    expect(edited.slice(e.start, e.end)).toBe(quote.replace('10%', '12%'))
  })

  it('anchors a quote that is the whole text, and one at the very start after an edit', () => {
    const s = createSelectors('Short claim.', 0, 12)
    expect(resolveAnchor('Short claim.', s).status).toBe('anchored')
    expect(resolveAnchor('Short claims.', s)).toMatchObject({ status: 'moved', textChanged: true })
    const start = select(article, 'The city council met')
    const r = resolveAnchor(article.replace('met on Tuesday', 'met on a rainy Tuesday'), start)
    expect(r).toMatchObject({ status: 'anchored', start: 0 })
  })

  it('does not trust the stored position when the same words sit there by coincidence', () => {
    const text = 'Wages were flat last year. The tax rose sharply this year, the minister admitted in parliament on Friday.'
    const s = select(text, 'rose')
    // Something else now sits before the old text, so that the old offset holds another "rose".
    const filler = 'During the long winter months bread '.repeat(2).slice(0, s.position.start)
    const revised = `${filler}rose too. ${text}`
    expect(revised.slice(s.position.start, s.position.end)).toBe('rose')
    const r = resolveAnchor(revised, s)
    expect(r).toMatchObject({ status: 'moved', textChanged: false, start: revised.indexOf('tax rose') + 4 })
  })

  it('orphans a claim whose words were rewritten in place rather than jump to a look-alike elsewhere', () => {
    const text = [
      'Officials said on Monday that unemployment fell sharply in the north, where two factories reopened.',
      'Officials said on Friday that unemployment fell sharply in the south, where a new port opened.'
    ].join('\n\n')
    const s = select(text, 'unemployment fell sharply', 0)
    const revised = text.replace('unemployment fell sharply in the north', 'joblessness was broadly unchanged in the north')
    expect(resolveAnchor(revised, s)).toMatchObject({ status: 'orphaned', reason: 'not found' })
    // Deleted outright: the same.
    const deleted = text.replace('unemployment fell sharply in the north', 'in the north')
    expect(resolveAnchor(deleted, s)).toMatchObject({ status: 'orphaned', reason: 'not found' })
  })

  it('finds a long quote with edits spread through it', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Sentence ${i} reports that item ${(i * 7919) % 1000} changed by ${(i * 31) % 97} units.`)
    const text = sentences.join(' ')
    const from = text.indexOf('Sentence 200 ')
    const to = text.indexOf('Sentence 215 ')
    const s = createSelectors(text, from, to - 1)
    expect(s.quote.exact.length).toBeGreaterThan(600)
    let revised = text
    for (const n of [201, 205, 209, 213]) revised = revised.replace(`Sentence ${n} reports`, `Sentence ${n} now reports`)
    revised = 'A new first paragraph.\n\n' + revised
    const r = resolveAnchor(revised, s)
    expect(r).toMatchObject({ status: 'moved', textChanged: true })
    expect(revised.slice(r.start, r.end)).toBe(revised.slice(revised.indexOf('Sentence 200 '), revised.indexOf('Sentence 215 ') - 1))
  })

  it('allows no approximate match with maxErrorRatio 0', () => {
    const s = select(article, claim)
    const edited = article.replace('fell by 3.2 percent', 'fell by 3.4 percent')
    expect(resolveAnchor(edited, s).status).toBe('moved')
    expect(resolveAnchor(edited, s, { maxErrorRatio: 0 })).toMatchObject({ status: 'orphaned', reason: 'not found' })
  })

  it('copes with a stored position outside the text', () => {
    const s = select(article, claim)
    const shorter = article.slice(0, article.indexOf('Critics'))
    const far = { ...s, position: { start: 10_000, end: 10_040 } }
    expect(resolveAnchor(shorter, far)).toMatchObject({ status: 'moved', start: shorter.indexOf(claim) })
    expect(resolveAnchor('', s)).toMatchObject({ status: 'orphaned' })
    expect(resolveAnchor(article, { ...s, quote: { ...s.quote, exact: '' } })).toMatchObject({ status: 'orphaned', reason: 'empty quote' })
  })

  it('stays fast on a 1 MB article with a 2 KB quote', () => {
    let seed = 11
    const rnd = (n: number) => ((seed = (seed * 1664525 + 1013904223) >>> 0), seed % n)
    const words = 'the of and to in that was for with said percent economy budget inflation rose fell million year report official according data country people new national between during since minister government'.split(' ')
    const parts: string[] = []
    for (let length = 0; length < 1_000_000; ) {
      const w = words[rnd(words.length)]! + (rnd(12) === 0 ? '. ' : ' ')
      parts.push(w)
      length += w.length
    }
    const text = parts.join('')
    const at = text.indexOf(' ', 600_000) + 1
    const s = createSelectors(text, at, at + 2000)
    const cases = {
      shifted: 'Inserted at the top. '.repeat(30) + text,
      edited: 'Inserted. ' + text.slice(0, at + 300) + 'EDIT' + text.slice(at + 310, at + 1500) + 'MORE EDITS' + text.slice(at + 1500),
      deleted: text.slice(0, at) + text.slice(at + 2000),
      moved: text.slice(0, 100_000) + text.slice(at, at + 2000) + ' ' + text.slice(100_000, at) + text.slice(at + 2000)
    }
    const t0 = performance.now()
    expect(resolveAnchor(cases.shifted, s)).toMatchObject({ status: 'moved', textChanged: false })
    expect(resolveAnchor(cases.edited, s)).toMatchObject({ status: 'moved', textChanged: true })
    expect(resolveAnchor(cases.deleted, s).status).toBe('orphaned')
    expect(resolveAnchor(cases.moved, s)).toMatchObject({ status: 'moved', textChanged: false, start: 100_000 })
    const elapsed = performance.now() - t0
    expect(elapsed).toBeLessThan(2000)
  })
})
