import { describe, expect, it } from 'vitest'
import { readHypothesisAnnotation } from '../../src/core/annotations/hypothesis-read'
import { importSummary } from '../../src/core/annotations/import-plan'
import { plan, read, smallDoc, TRADE, wordsAt } from './small-doc'

const PAGE = 'https://news.example.org/belta/trade'

/** A row as Hypothesis's search API gives it, on `PAGE`, quoting `exact` in TRADE with its context. */
function row(id: string, exact: string, extra: Record<string, unknown> = {}) {
  const start = TRADE.indexOf(exact)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  return {
    id,
    created: '2026-11-20T08:00:00.123456+00:00',
    updated: '2026-11-20T08:00:00.123456+00:00',
    user: 'acct:alice@hypothes.is',
    uri: PAGE,
    text: '',
    tags: [],
    group: '__world__',
    target: [
      {
        source: PAGE,
        selector: [
          { type: 'RangeSelector', startContainer: '/main[1]/p[2]', startOffset: 17, endContainer: '/main[1]/p[2]', endOffset: 34 },
          { type: 'TextPositionSelector', start: start + 500, end: start + 500 + exact.length },
          { type: 'TextQuoteSelector', exact, prefix: TRADE.slice(Math.max(0, start - 32), start), suffix: TRADE.slice(start + exact.length, start + exact.length + 32) }
        ]
      }
    ],
    document: { title: ['Belarus–Kazakhstan trade'] },
    links: { html: `https://hypothes.is/a/${id}` },
    ...extra
  }
}

const reply = (id: string, to: string, text: string, user = 'acct:bob@hypothes.is') => ({
  id,
  created: '2026-11-21T09:00:00.000000+00:00',
  user,
  uri: PAGE,
  text,
  tags: [],
  target: [{ source: PAGE }],
  references: [to]
})

const doc = () => smallDoc(TRADE, PAGE)

describe('Hypothesis files', () => {
  it('reads a search response’s rows', async () => {
    const file = await read({ total: 2, rows: [row('h1', 'soared almost 80%'), row('h2', 'eight joint plants')] })
    expect(file.format).toBe('hypothesis')
    expect(file.annotations.map((a) => [a.id, a.quote?.exact])).toEqual([['h1', 'soared almost 80%'], ['h2', 'eight joint plants']])
    const { claims, counts } = await plan(doc(), { total: 2, rows: [row('h1', 'soared almost 80%'), row('h2', 'eight joint plants')] })
    expect(importSummary(counts)).toBe('2 placed, 0 moved, 0 not found')
    expect(claims.map((c) => wordsAt(doc(), c))).toEqual(['soared almost 80%', 'eight joint plants'])
    expect(claims[0]!.imported).toEqual({ annotation: 'h1', target: PAGE, format: 'hypothesis', author: 'alice' })
  })

  it('keeps replies given beside the rows as notes on the claim of their thread', async () => {
    const root = { rows: [row('h1', 'soared almost 80%', { text: 'Is it 80%?' })], replies: [reply('r1', 'h1', 'Belstat says 79.6%.'), reply('r2', 'gone', 'Lost.')] }
    const { claims, counts } = await plan(doc(), root)
    expect(claims).toHaveLength(1)
    expect(claims[0]!.notes.map((n) => [n.text, n.author])).toEqual([['Is it 80%?', 'alice'], ['Belstat says 79.6%.', 'bob']])
    expect(counts).toMatchObject({ placed: 1, replies: 1, lostReplies: 1 })
    expect(importSummary(counts)).toBe('1 placed, 0 moved, 0 not found; 1 reply kept as notes, 1 reply to annotations not in the file left out')
  })

  it('reads one annotation on its own, or a list of them', async () => {
    expect((await read(row('h1', 'eight joint plants'))).annotations.map((a) => a.id)).toEqual(['h1'])
    expect((await read([row('h1', 'eight joint plants'), row('h2', 'soared almost 80%')])).annotations.map((a) => a.id)).toEqual(['h1', 'h2'])
  })
})

describe('Hypothesis annotations', () => {
  it('names the author by their display name, else by their account', () => {
    expect(readHypothesisAnnotation(row('h1', 'trade', { user_info: { display_name: 'Alice Smith' } })).author).toBe('Alice Smith')
    expect(readHypothesisAnnotation(row('h1', 'trade', { user_info: { display_name: '  ' } })).author).toBe('alice')
    expect(readHypothesisAnnotation(row('h1', 'trade', { user: 'acct:carol.k@example.org' })).author).toBe('carol.k')
  })

  it('makes the text a note at the annotation’s time, and keeps its tags', () => {
    const a = readHypothesisAnnotation(row('h1', 'trade', { text: '  **Check** this.\n\nSecond paragraph. ', tags: ['trade', ' ', 'Kazakhstan'] }))
    expect(a.notes).toEqual([{ text: '**Check** this.\n\nSecond paragraph.', author: 'alice', at: '2026-11-20T08:00:00.123Z' }])
    expect(a.tags).toEqual(['trade', 'Kazakhstan'])
  })

  it('makes a Markdown link a source titled with its words, and a bare address a source', () => {
    const a = readHypothesisAnnotation(row('h1', 'trade', { text: 'See [Belstat, table 3](https://www.belstat.gov.by/en/t3) and https://example.org/report?id=7.' }))
    expect(a.sources).toEqual([
      { url: 'https://www.belstat.gov.by/en/t3', title: 'Belstat, table 3', publisher: '', excerpt: '', stance: 'context' },
      { url: 'https://example.org/report?id=7', title: '', publisher: '', excerpt: '', stance: 'context' }
    ])
  })

  it('makes no source of javascript:, data: or mailto: links', async () => {
    const text = '[click](javascript:alert(1)) [img](data:text/html;base64,PHNjcmlwdD4=) mailto:alice@example.org <mailto:bob@example.org> [me](mailto:carol@example.org)'
    expect(readHypothesisAnnotation(row('h1', 'trade', { text })).sources).toEqual([])
    const { claims } = await plan(doc(), [row('h1', 'eight joint plants', { text })])
    expect(claims[0]!.sources).toEqual([])
    expect(claims[0]!.notes[0]!.text).toBe(text) // kept as the words they are
  })

  it('reads positions as code units of the page’s text', async () => {
    // The same context around both "rate"s: only the position tells them apart, counted in UTF-16 units (the globes are two each).
    const text = 'Rates: 🌍 the rate rose again; 🌍 the rate rose again; that is all.'
    const second = text.lastIndexOf('rate')
    const annotation = {
      id: 'h-astral',
      uri: PAGE,
      user: 'acct:alice@hypothes.is',
      target: [{ source: PAGE, selector: [{ type: 'TextPositionSelector', start: second, end: second + 4 }, { type: 'TextQuoteSelector', exact: 'rate', prefix: '🌍 the ', suffix: ' rose again; ' }] }]
    }
    expect(readHypothesisAnnotation(annotation).position).toEqual({ start: second, end: second + 4, unit: 'code-units' })
    const { claims, counts } = await plan(smallDoc(text, PAGE), [annotation])
    expect(counts).toMatchObject({ placed: 1 })
    expect(claims[0]!.position).toEqual({ start: second, end: second + 4 })
  })

  it('gives no position from a RangeSelector of XPaths', () => {
    const a = readHypothesisAnnotation({ ...row('h1', 'trade'), target: [{ source: PAGE, selector: [row('x', 'trade').target[0]!.selector[0]] }] })
    expect([a.quote, a.position]).toEqual([undefined, undefined])
  })

  it('leaves out a page note, which quotes nothing', async () => {
    const note = { ...row('h-page', 'trade', { text: 'About the whole page.' }), target: [{ source: PAGE }] }
    const { claims, counts } = await plan(doc(), { rows: [note, row('h1', 'eight joint plants')] })
    expect(claims).toHaveLength(1)
    expect(importSummary(counts)).toBe('1 placed, 0 moved, 0 not found; 1 annotation without quoted text left out')
  })
})
