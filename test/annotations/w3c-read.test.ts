import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../src/core/annotations/body-text'
import { creatorName, readSelectors, readW3cAnnotation } from '../../src/core/annotations/w3c-read'
import { FactmarkError } from '../../src/core/errors'
import { DEFAULT_VERDICT_LABELS } from '../../src/core/model'
import { GENERATOR_ID } from '../../src/core/report/w3c'
import { plan, read, smallDoc, w3c, wordsAt } from './small-doc'

const label = DEFAULT_VERDICT_LABELS
const readOne = (annotation: Record<string, unknown>, labels = label) => readW3cAnnotation(annotation, labels)
const FACTMARK = { generator: { id: GENERATOR_ID, type: 'Software', name: 'Factmark' } }
const body = (value: string, purpose?: string, extra: Record<string, unknown> = {}) => ({ type: 'TextualBody', value, ...(purpose ? { purpose } : {}), ...extra })

/** What reading `root` throws, as the message a reviewer sees. */
async function refusal(root: unknown): Promise<string> {
  try {
    await read(root)
  } catch (error) {
    expect(error).toBeInstanceOf(FactmarkError)
    return (error as Error).message
  }
  throw new Error('the file was read')
}

describe('W3C selectors', () => {
  it('reads the quote and its context from a TextQuoteSelector', async () => {
    const a = readOne(w3c('soared almost 80%', {}, { prefix: 'the trade ', suffix: ' to make up' }))
    expect(a.quote).toEqual({ exact: 'soared almost 80%', prefix: 'the trade ', suffix: ' to make up' })
    expect(readOne(w3c('soared')).quote).toEqual({ exact: 'soared', prefix: '', suffix: '' })
  })

  it('reads a TextPositionSelector as code points, and places it past astral characters', async () => {
    // The two occurrences have the same context, so only the position can tell them apart: the second, after two globes.
    const doc = smallDoc('Rates: 🌍 the rate rose again; 🌍 the rate rose again; that is all.')
    const second = doc.article.text.lastIndexOf('rate')
    const inCodePoints = [...doc.article.text.slice(0, second)].length
    expect(inCodePoints).toBe(second - 2)
    const quote = { type: 'TextQuoteSelector', exact: 'rate', prefix: '🌍 the ', suffix: ' rose again; ' }
    const annotation = { type: 'Annotation', target: { source: 'urn:x', selector: [quote, { type: 'TextPositionSelector', start: inCodePoints, end: inCodePoints + 4 }] } }
    expect(readOne(annotation).position).toEqual({ start: inCodePoints, end: inCodePoints + 4, unit: 'code-points' })
    const { claims, counts } = await plan(doc, annotation)
    expect(counts).toMatchObject({ placed: 1, notFound: 0 })
    expect(claims[0]!.position).toEqual({ start: second, end: second + 4 })
  })

  it('reads a RangeSelector of two positions as running from the start of the first to the start of the second', async () => {
    const range = { type: 'RangeSelector', startSelector: { type: 'TextPositionSelector', start: 10, end: 11 }, endSelector: { type: 'TextPositionSelector', start: 25, end: 26 } }
    expect(readSelectors([range], 'code-points')).toEqual({ position: { start: 10, end: 25, unit: 'code-points' } })
    // A backwards range selects nothing.
    expect(readSelectors([{ ...range, startSelector: range.endSelector, endSelector: range.startSelector }], 'code-points')).toEqual({})
  })

  it('finds a quote given through refinedBy, however deep, and takes no position from a refinement (it counts from the outer selection)', async () => {
    const selector = {
      type: 'FragmentSelector',
      value: 'para3',
      refinedBy: { type: 'CssSelector', value: 'p', refinedBy: [{ type: 'TextQuoteSelector', exact: 'eight joint plants' }, { type: 'TextPositionSelector', start: 4, end: 22 }] }
    }
    expect(readSelectors(selector, 'code-points')).toEqual({ quote: { exact: 'eight joint plants', prefix: '', suffix: '' } })
    const outer = { type: 'TextPositionSelector', start: 100, end: 140, refinedBy: { type: 'TextPositionSelector', start: 4, end: 22 } }
    expect(readSelectors(outer, 'code-points')).toEqual({ position: { start: 100, end: 140, unit: 'code-points' } })
  })

  it('takes the narrower words when a quote is refined by a quote inside it', async () => {
    // The model: refinedBy is "applied to the results of the first", so the annotation is on the inner words.
    const selector = { type: 'TextQuoteSelector', exact: 'Today Kazakhstan is home to eight joint plants', refinedBy: { type: 'TextQuoteSelector', exact: 'eight joint plants' } }
    expect(readSelectors(selector, 'code-points').quote?.exact).toBe('eight joint plants')
  })

  it('gives no position for a RangeSelector of XPaths, which point into a page’s markup', async () => {
    const xpath = {
      type: 'RangeSelector',
      startSelector: { type: 'XPathSelector', value: '/html/body/p[2]' },
      endSelector: { type: 'XPathSelector', value: '/html/body/p[3]' }
    }
    expect(readSelectors([xpath], 'code-points')).toEqual({})
    expect(readSelectors([xpath, { type: 'TextQuoteSelector', exact: 'trade' }], 'code-points')).toEqual({ quote: { exact: 'trade', prefix: '', suffix: '' } })
  })

  it('reads selectors written with the oa: prefix or the full IRI', async () => {
    const a = readOne({ type: 'oa:Annotation', target: { source: 'urn:x', selector: { type: 'http://www.w3.org/ns/oa#TextQuoteSelector', exact: 'trade' } } })
    expect(a.quote?.exact).toBe('trade')
  })
})

describe('W3C bodies', () => {
  const created = '2026-11-20T08:00:00Z'
  const withBodies = (bodies: unknown[], extra: Record<string, unknown> = {}) => readOne(w3c('trade', { creator: 'Alice', created, body: bodies, ...extra }))

  it('makes a comment a note by its own creator at its own time, else the annotation’s', async () => {
    const a = withBodies([
      body('Belstat says 79.6%.', 'commenting', { creator: { type: 'Person', name: 'Bob' }, created: '2026-11-21T09:30:00+02:00' }),
      body('No purpose at all.')
    ])
    expect(a.notes).toEqual([
      { text: 'Belstat says 79.6%.', author: 'Bob', at: '2026-11-21T07:30:00.000Z' },
      { text: 'No purpose at all.', author: 'Alice', at: '2026-11-20T08:00:00.000Z' }
    ])
  })

  it('makes bodyValue a note by the annotation’s creator', async () => {
    const a = readOne(w3c('trade', { bodyValue: '  Check the June figure.  ', creator: 'Alice', created }))
    expect(a.notes).toEqual([{ text: 'Check the June figure.', author: 'Alice', at: '2026-11-20T08:00:00.000Z' }])
  })

  it('reads an older Open Annotation body’s chars as its words', async () => {
    expect(withBodies([{ type: 'TextualBody', chars: 'Old style.' }]).notes.map((n) => n.text)).toEqual(['Old style.'])
  })

  it('makes a tagging body a tag', async () => {
    const a = withBodies([body('trade', 'tagging'), body('Kazakhstan', 'oa:tagging')])
    expect(a.tags).toEqual(['trade', 'Kazakhstan'])
    expect(a.notes).toEqual([])
  })

  it('makes a classifying body from another tool a tag, and drops Factmark’s own (where the claim stood)', async () => {
    expect(withBodies([body('economy', 'classifying')]).tags).toEqual(['economy'])
    expect(withBodies([body('Not found', 'classifying')], FACTMARK).tags).toEqual([])
  })

  it('makes an assessing body with a verdict’s name the verdict, whatever its case', async () => {
    expect(withBodies([body('disputed', 'assessing')]).verdict).toBe('disputed')
    expect(withBodies([body('Needs context', 'assessing')]).verdict).toBe('needs-context')
    // The workspace's own names for the verdicts count too.
    const labels = { ...label, verified: 'Correct' }
    expect(readOne(w3c('trade', { body: body('correct', 'assessing') }), labels).verdict).toBe('verified')
  })

  it('reads Factmark’s verdict by its body id, whatever the label says', async () => {
    expect(withBodies([body('Stimmt nicht', 'assessing', { id: 'urn:factmark:verdict:disputed' })], FACTMARK).verdict).toBe('disputed')
  })

  it('makes an assessing body with an unknown label a note, and a second verdict a note too', async () => {
    const a = withBodies([body('Mostly true', 'assessing'), body('Verified', 'assessing'), body('Disputed', 'assessing', { creator: 'Bob' })])
    expect(a.verdict).toBe('verified')
    expect(a.notes.map((n) => [n.text, n.author])).toEqual([['Mostly true', 'Alice'], ['Disputed', 'Bob']])
  })

  it('reads Factmark’s describing bodies as the claimant and the conclusion, and drops where the claim stood', async () => {
    const a = withBodies(
      [
        body('Not found in the current text. Earlier words: “eight joint plants”.', 'describing'),
        body('Reviewers disagree: Ana: Verified; Bashir: Disputed.', 'describing'),
        body('Verdict given for the earlier wording: “eight joint plants”.', 'describing'),
        body('Matches Belstat, table 3.\nGoods only.', 'describing', { id: 'urn:factmark:conclusion:c-1' }),
        body('Claimant:  Andrei Kobyakov ', 'describing'),
        body('A second description.', 'describing')
      ],
      FACTMARK
    )
    expect(a.conclusion).toBe('Matches Belstat, table 3.\nGoods only.')
    expect(a.claimant).toBe('Andrei Kobyakov')
    expect(a.notes.map((n) => n.text)).toEqual(['A second description.'])
  })

  it('keeps another tool’s describing body as a note, not a conclusion', async () => {
    const a = withBodies([body('Claimant: nobody', 'describing')])
    expect(a.conclusion).toBeUndefined()
    expect(a.claimant).toBeUndefined()
    expect(a.notes.map((n) => n.text)).toEqual(['Claimant: nobody'])
  })

  it('reads an HTML body as its text: paragraphs on their own lines, nothing from scripts or styles', async () => {
    const a = withBodies([body('<p>First <b>bold</b> point.</p><script>steal()</script><style>p{color:red}</style><p>Second&nbsp;&amp; last.</p>', 'commenting', { format: 'text/html' })])
    expect(a.notes.map((n) => n.text)).toEqual(['First bold point.\n\nSecond\u00a0& last.'])
  })

  it('makes a linking SpecificResource a source, with its page’s label as title and its quote as excerpt', async () => {
    const a = withBodies([
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: 'https://www.belstat.gov.by/en/trade', label: 'Foreign trade 2017' },
        selector: { type: 'TextQuoteSelector', exact: 'Exports: $252.6m' }
      }
    ])
    expect(a.sources).toEqual([{ url: 'https://www.belstat.gov.by/en/trade', title: 'Foreign trade 2017', publisher: '', excerpt: 'Exports: $252.6m', stance: 'context' }])
  })

  it('reads a Factmark source’s label for its stance, title, publisher and day read', async () => {
    const link = (label: string, title?: string) => ({ type: 'SpecificResource', purpose: 'linking', label, source: { id: 'https://example.org/a', type: 'Text', ...(title ? { label: title } : {}) } })
    const a = withBodies(
      [
        link('Refutes the claim: Customs report — State Customs Committee (accessed 2026-11-27)', 'Customs report'),
        link('Supports the claim: Belstat (accessed 2026-11-26)'),
        link('Context (accessed 2026-11-25)'),
        link('Supports the claim: A: B — C (accessed 2026-11-24)', 'A: B')
      ],
      FACTMARK
    )
    expect(a.sources.map(({ title, publisher, stance, accessedAt }) => ({ title, publisher, stance, accessedAt }))).toEqual([
      { title: 'Customs report', publisher: 'State Customs Committee', stance: 'refutes', accessedAt: '2026-11-27' },
      { title: '', publisher: 'Belstat', stance: 'supports', accessedAt: '2026-11-26' },
      { title: '', publisher: '', stance: 'context', accessedAt: '2026-11-25' },
      { title: 'A: B', publisher: 'C', stance: 'supports', accessedAt: '2026-11-24' }
    ])
  })

  it('takes another tool’s label as a source’s title, without reading a stance into it', async () => {
    const a = withBodies([{ type: 'SpecificResource', purpose: 'linking', label: 'Refutes the claim: X (accessed 2026-01-01)', source: 'https://example.org/b' }])
    expect(a.sources).toEqual([{ url: 'https://example.org/b', title: 'Refutes the claim: X (accessed 2026-01-01)', publisher: '', excerpt: '', stance: 'context' }])
  })

  it('makes an IRI body, or a body that is only an id, a source', async () => {
    const a = withBodies(['https://example.org/page', { id: 'https://example.org/other', type: 'Text' }])
    expect(a.sources.map((s) => s.url)).toEqual(['https://example.org/page', 'https://example.org/other'])
  })

  it('makes the web links in a note’s words sources too', async () => {
    const a = withBodies([body('See https://example.org/x and www.example.net/y, not example.com.', 'commenting')])
    expect(a.sources.map((s) => s.url)).toEqual(['https://example.org/x', 'http://www.example.net/y'])
  })
})

describe('W3C creators', () => {
  it('names a creator given as a string, a Person, a nickname, an account or a list', async () => {
    expect(creatorName('Alice Smith')).toBe('Alice Smith')
    expect(creatorName({ type: 'Person', name: 'Bob Jones' })).toBe('Bob Jones')
    expect(creatorName({ type: 'Person', nickname: 'bobby' })).toBe('bobby')
    expect(creatorName('acct:carol@hypothes.is')).toBe('carol')
    expect(creatorName({ type: 'Person', id: 'mailto:dan@example.org' })).toBe('dan')
    expect(creatorName([{ type: 'Person' }, { type: 'Person', name: '  ' }, 'Erin'])).toBe('Erin')
    expect(creatorName(undefined)).toBe('')
  })

  it('gives notes without a creator an unknown author', async () => {
    const { claims } = await plan(smallDoc(), w3c('eight joint plants', { bodyValue: 'Who said this?' }, { prefix: 'home to ', suffix: ' which assemble' }))
    expect(claims[0]!.notes.map((n) => n.author)).toEqual(['Unknown author'])
  })
})

describe('W3C documents', () => {
  const item = (exact: string, id: string) => ({ ...w3c(exact), id })

  it('reads a collection’s pages embedded one after another through next', async () => {
    const root = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [item('trade', 'urn:a:1')], next: { type: 'AnnotationPage', items: [item('plants', 'urn:a:2')], next: { type: 'AnnotationPage', items: [item('June', 'urn:a:3')] } } }
    }
    const file = await read(root)
    expect(file.format).toBe('w3c')
    expect(file.annotations.map((a) => [a.id, a.quote?.exact])).toEqual([['urn:a:1', 'trade'], ['urn:a:2', 'plants'], ['urn:a:3', 'June']])
  })

  it('says where a collection’s annotations are when its first page is only an address', async () => {
    expect(await refusal({ type: 'AnnotationCollection', first: 'https://annotations.example.org/c/1?page=0' })).toBe(
      "The collection's annotations are not in this file: it points to them at https://annotations.example.org/c/1?page=0."
    )
  })

  it('reads a page, a single annotation and a list of them', async () => {
    expect((await read({ type: 'AnnotationPage', items: [item('trade', 'urn:p:1'), { type: 'Note' }] })).annotations.map((a) => a.id)).toEqual(['urn:p:1'])
    expect((await read(item('trade', 'urn:s:1'))).annotations.map((a) => a.id)).toEqual(['urn:s:1'])
    expect((await read([item('trade', 'urn:l:1'), item('plants', 'urn:l:2')])).annotations.map((a) => a.id)).toEqual(['urn:l:1', 'urn:l:2'])
  })

  it('takes the target from a string, an object or the first of a list', async () => {
    expect(readOne({ type: 'Annotation', target: 'https://news.example.org/a' })).toMatchObject({ target: 'https://news.example.org/a' })
    expect(readOne({ type: 'Annotation', target: { id: 'https://news.example.org/b' } }).target).toBe('https://news.example.org/b')
    const listed = readOne({ type: 'Annotation', target: [{ source: 'https://news.example.org/c', selector: { type: 'TextQuoteSelector', exact: 'x' } }, 'https://other.example'] })
    expect([listed.target, listed.quote?.exact]).toEqual(['https://news.example.org/c', 'x'])
  })

  it('reads Factmark’s bodies only when its generator says the file is Factmark’s', async () => {
    const bodies = [body('Claimant: Ana', 'describing'), body('Not found', 'classifying')]
    const other = readOne(w3c('trade', { body: bodies, generator: { id: 'urn:other:tool', name: 'Factmark' } }))
    expect([other.claimant, other.tags]).toEqual([undefined, ['Not found']])
    const ours = readOne(w3c('trade', { body: bodies, generator: GENERATOR_ID }))
    expect([ours.claimant, ours.tags]).toEqual(['Ana', []])
  })
})

describe('hostile W3C bodies', () => {
  const hostile = {
    ...w3c('eight joint plants', {
      id: 'urn:hostile:1',
      creator: { type: 'Person', name: '<img src=x onerror=alert(1)>' },
      body: [
        body('<img src=x onerror=alert(1)> <script>alert(2)</script>', 'commenting'),
        body('<p>Safe words<script>alert("javascript:3")</script></p><a href="javascript:alert(4)">click</a>', 'commenting', { format: 'text/html' }),
        { type: 'SpecificResource', purpose: 'linking', source: { id: 'javascript:alert(5)', label: 'Bad' } },
        'javascript:alert(6)',
        'data:text/html,<script>alert(7)</script>',
        { type: 'SpecificResource', source: 'https://user:pw@example.org/' }
      ]
    }, { prefix: 'home to ', suffix: ' which assemble' })
  }

  it('keeps markup in a plain-text body as words, and drops a script’s text from an HTML one', async () => {
    const a = readOne(hostile)
    expect(a.notes.map((n) => n.text)).toEqual(['<img src=x onerror=alert(1)> <script>alert(2)</script>', 'Safe words\nclick'])
    expect(htmlToText('<script>alert(1)</script><img src=x onerror=alert(1)>Hello')).toBe('Hello')
  })

  it('makes claims that hold no javascript: link and no source but web pages', async () => {
    const { claims } = await plan(smallDoc(), hostile)
    expect(claims).toHaveLength(1)
    const [claim] = claims
    expect(claim!.sources).toEqual([])
    expect(claim!.notes[0]!.text).toBe('<img src=x onerror=alert(1)> <script>alert(2)</script>')
    expect(claim!.notes[0]!.author).toBe('<img src=x onerror=alert(1)>')
    expect(JSON.stringify(claims)).not.toContain('javascript:')
    expect(wordsAt(smallDoc(), claim!)).toBe('eight joint plants')
  })
})
