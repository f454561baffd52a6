import { describe, expect, it } from 'vitest'
import { importSummary, type ImportCounts } from '../../src/core/annotations/import-plan'
import { pageKey } from '../../src/core/annotations/place'
import { FactmarkError } from '../../src/core/errors'
import { MAX_NOTE_CHARS, MAX_NOTES_PER_CLAIM, MAX_TAG_CHARS, MAX_TAGS } from '../../src/core/limits'
import { annotationFileSizeProblem, annotationFileText } from '../../src/main/import-annotations'
import { markClaim } from '../report/sample-doc'
import { plan, read, saved, smallDoc, TRADE, w3c, wordsAt } from './small-doc'

const PAGE = 'https://news.example.org/belta/trade'

/** What `run` throws, checked to be Factmark's own error, as its message. */
async function refusal(run: () => unknown): Promise<string> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(FactmarkError)
    return (error as Error).message
  }
  throw new Error('nothing was refused')
}

/** A quote of `exact` in TRADE with 32 characters of context on each side, as most tools give it. */
function quoted(exact: string, extra: Record<string, unknown> = {}, target = 'urn:x-test:article', nth = 0) {
  let start = -1
  for (let i = 0; i <= nth; i++) start = TRADE.indexOf(exact, start + 1)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  const context = { prefix: TRADE.slice(Math.max(0, start - 32), start), suffix: TRADE.slice(start + exact.length, start + exact.length + 32) }
  return w3c(exact, extra, context, target)
}

const counts = (partial: Partial<ImportCounts>): ImportCounts => ({ placed: 0, moved: 0, notFound: 0, already: 0, otherPage: 0, noQuote: 0, replies: 0, lostReplies: 0, ...partial })

describe('placing annotations', () => {
  it('counts quotes found as they are, found with changes and not found', async () => {
    const doc = smallDoc()
    const typo = w3c('soared almost 80 % to make up $294.6 milion', {}, { prefix: 'In January-June the trade ', suffix: '.\n\nToday Kazakhstan is home to e' })
    const gone = w3c('Minsk hopes to double the number of joint plants by 2020', {}, { prefix: 'Belarusian machinery. ', suffix: '' })
    const { claims, counts: c } = await plan(doc, [quoted('eight joint plants', { id: 'urn:a:1' }), { ...typo, id: 'urn:a:2' }, { ...gone, id: 'urn:a:3' }])
    expect(c).toEqual(counts({ placed: 1, moved: 1, notFound: 1 }))
    expect(importSummary(c)).toBe('1 placed, 1 moved, 1 not found')

    const [placed, moved, notFound] = claims
    expect(wordsAt(doc, placed!)).toBe('eight joint plants')
    expect(placed!.anchor).toBeUndefined()
    expect(wordsAt(doc, moved!)).toBe('soared almost 80% to make up $294.6 million')
    expect(moved!.quote.exact).toBe('soared almost 80% to make up $294.6 million')
    expect(moved!.anchor).toEqual({ status: 'moved', textChanged: true, previousExact: 'soared almost 80 % to make up $294.6 milion' })
    // Kept, with the words it was made on, to be re-attached by a reviewer.
    expect(notFound!.quote.exact).toBe('Minsk hopes to double the number of joint plants by 2020')
    expect(notFound!.anchor).toEqual({ status: 'orphaned', textChanged: false, previousExact: 'Minsk hopes to double the number of joint plants by 2020' })
  })

  it('places a repeated word by its prefix and suffix', async () => {
    const doc = smallDoc()
    expect(TRADE.split('the trade').length - 1).toBe(2)
    const { claims } = await plan(doc, [quoted('trade', {}, undefined, 1), quoted('trade', { id: 'urn:first' }, undefined, 0)])
    expect(claims.map((c) => c.position.start)).toEqual([TRADE.indexOf('trade soared'), TRADE.indexOf('trade.')])
  })

  it('is not misled by a position that points at other words', async () => {
    const doc = smallDoc()
    // The first "trade" by its context, hinted once at the other "trade" and once at unrelated words.
    const hinted = (id: string, start: number) => {
      const annotation = quoted('trade', { id })
      return { ...annotation, target: { ...annotation.target, selector: [annotation.target.selector, { type: 'TextPositionSelector', start, end: start + 5 }] } }
    }
    const { claims, counts: c } = await plan(doc, [hinted('urn:h:1', TRADE.indexOf('trade soared')), hinted('urn:h:2', TRADE.indexOf('Today'))])
    expect(c.placed).toBe(2)
    expect(claims.map((x) => x.position.start)).toEqual([TRADE.indexOf('trade.'), TRADE.indexOf('trade.')])
  })

  it('places a quote given without context when its words occur once in the article', async () => {
    // TextQuoteSelector's prefix and suffix are optional in the model; many tools give only the exact words.
    const { claims, counts: c } = await plan(smallDoc(), w3c('eight joint plants'))
    expect(c).toEqual(counts({ placed: 1 }))
    expect(wordsAt(smallDoc(), claims[0]!)).toBe('eight joint plants')
  })

  it('clips tags and notes to the limits, and merges tags that only differ in spaces', async () => {
    const long = 'x'.repeat(MAX_NOTE_CHARS + 10)
    const bodies = [
      ...Array.from({ length: MAX_TAGS + 5 }, (_, i) => ({ type: 'TextualBody', purpose: 'tagging', value: `tag ${i}` })),
      { type: 'TextualBody', purpose: 'tagging', value: '  tag \n 0 ' },
      { type: 'TextualBody', purpose: 'tagging', value: 'y'.repeat(MAX_TAG_CHARS + 50) },
      { type: 'TextualBody', purpose: 'commenting', value: long },
      ...Array.from({ length: MAX_NOTES_PER_CLAIM + 3 }, (_, i) => ({ type: 'TextualBody', purpose: 'commenting', value: `note ${i}` }))
    ]
    const { claims } = await plan(smallDoc(), quoted('eight joint plants', { body: bodies }))
    const [claim] = claims
    expect(claim!.tags).toHaveLength(MAX_TAGS)
    expect(claim!.tags.filter((t) => t === 'tag 0')).toHaveLength(1)
    expect(Math.max(...claim!.tags.map((t) => t.length))).toBeLessThanOrEqual(MAX_TAG_CHARS)
    expect(claim!.notes).toHaveLength(MAX_NOTES_PER_CLAIM)
    expect(claim!.notes[0]!.text.length).toBeLessThanOrEqual(MAX_NOTE_CHARS)
    expect(claim!.notes[0]!.text.startsWith('x'.repeat(1000))).toBe(true)
  })
})

describe('annotations made on another page', () => {
  const doc = () => smallDoc(TRADE, PAGE)
  const other = 'https://elsewhere.example.com/story'

  it('refuses a file whose annotations are all for another page, naming both addresses', async () => {
    const message = await refusal(() => plan(doc(), [quoted('eight joint plants', { id: 'urn:o:1' }, other), quoted('trade', { id: 'urn:o:2' }, other)]))
    expect(message).toContain(other)
    expect(message).toContain(PAGE)
    expect(message).toBe(`These annotations were made on ${other}, not on this article (${PAGE}). Nothing was imported; import them anyway only if it is the same article.`)
  })

  it('leaves out, and counts, those for another page when only some are', async () => {
    const { claims, counts: c } = await plan(doc(), [quoted('eight joint plants', { id: 'urn:o:1' }, other), quoted('trade', { id: 'urn:o:2' }, PAGE)])
    expect(claims.map((x) => x.quote.exact)).toEqual(['trade'])
    expect(c).toEqual(counts({ placed: 1, otherPage: 1 }))
    expect(importSummary(c)).toBe('1 placed, 0 moved, 0 not found; 1 annotation made on another page left out')
  })

  it('imports them all when the reviewer says it is the same article', async () => {
    const { claims, counts: c } = await plan(doc(), [quoted('eight joint plants', { id: 'urn:o:1' }, other)], { anyPage: true })
    expect(c).toEqual(counts({ placed: 1 }))
    expect(claims[0]!.imported?.target).toBe(other)
  })

  it('takes the same address written another way for the same page', async () => {
    expect(pageKey('http://www.news.example.org/belta/trade/?utm_source=x#p3')).toBe(pageKey(PAGE))
    const { counts: c } = await plan(doc(), [quoted('eight joint plants', {}, 'http://www.news.example.org/belta/trade/?utm_source=x#p3')])
    expect(c).toEqual(counts({ placed: 1 }))
  })
})

describe('importing again', () => {
  it('takes an annotation given twice in one file once', async () => {
    const { claims } = await plan(smallDoc(), [quoted('eight joint plants', { id: 'urn:d:1' }), quoted('eight joint plants', { id: 'urn:d:1' }), quoted('trade', {})])
    expect(claims).toHaveLength(2)
  })

  it('adds nothing for annotations already imported, with or without ids', async () => {
    const file = [quoted('eight joint plants', { id: 'urn:d:1' }), quoted('trade', { bodyValue: 'no id' })]
    const first = await plan(smallDoc(), file)
    expect(first.claims).toHaveLength(2)
    const again = await plan(saved(smallDoc(), first.claims), file)
    expect(again.claims).toEqual([])
    expect(importSummary(again.counts)).toBe('0 placed, 0 moved, 0 not found; 2 annotations already here')
  })

  it('adds nothing for Factmark’s own export of claims already in this article', async () => {
    const doc = markClaim(smallDoc(), 'claim-here', 'eight joint plants', 'verified', 1)
    const { claims, counts: c } = await plan(doc, [quoted('eight joint plants', { id: 'urn:factmark:claim:claim-here' }), quoted('trade', { id: 'urn:factmark:claim:claim-elsewhere' })])
    expect(claims.map((x) => x.quote.exact)).toEqual(['trade'])
    expect(c).toEqual(counts({ placed: 1, already: 1 }))
  })
})

describe('importSummary', () => {
  it('says what was placed, then what was left out and why', () => {
    expect(importSummary(counts({ placed: 3, moved: 1, notFound: 2 }))).toBe('3 placed, 1 moved, 2 not found')
    expect(importSummary(counts({ placed: 1234, replies: 2, already: 1, otherPage: 3, noQuote: 1, lostReplies: 1 }))).toBe(
      '1,234 placed, 0 moved, 0 not found; 2 replies kept as notes, 1 annotation already here, 3 annotations made on another page left out, 1 annotation without quoted text left out, 1 reply to annotations not in the file left out'
    )
  })
})

describe('files that are not annotations', () => {
  const oneSentence = (message: string) => {
    expect(message).not.toMatch(/[{}[\]]|expected|zod|Unexpected token|JSON\.parse/)
    expect(message.length).toBeLessThan(300)
  }

  it('refuses a Hypothesis file of 100,001 rows in a sentence', async () => {
    const message = await refusal(() => read(JSON.stringify({ total: 100_001, rows: Array.from({ length: 100_001 }, () => ({})) })))
    expect(message).toBe('The file has 100,001 annotations; at most 20,000 can be imported at once. Nothing was imported.')
    oneSentence(message)
  })

  it('refuses a Hypothesis file whose replies bring it over the limit', async () => {
    const row = { id: 'h1', uri: PAGE, user: 'acct:a@hypothes.is', target: [{ source: PAGE, selector: [{ type: 'TextQuoteSelector', exact: 'trade' }] }] }
    const reply = { id: 'r', uri: PAGE, user: 'acct:b@hypothes.is', text: 'ok', target: [{ source: PAGE }], references: ['h1'] }
    const message = await refusal(() => read({ rows: [row], replies: Array.from({ length: 20_000 }, () => reply) }))
    expect(message).toBe('The file has 20,001 annotations; at most 20,000 can be imported at once. Nothing was imported.')
  })

  it('refuses an empty file', async () => {
    for (const text of ['', '  \n\t', '\uFEFF']) expect(await refusal(() => read(text))).toBe('The file is empty.')
  })

  it('refuses a file that is not JSON, without the parser’s words', async () => {
    const message = await refusal(() => read('<html><body>not json</body></html>'))
    expect(message).toMatch(/^The file is not JSON, so it is not an annotation export\./)
    oneSentence(message.replace('(JSON-LD)', '').replace('(JSON from its API)', ''))
  })

  it('refuses bytes that are not text', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00])
    expect(await refusal(() => annotationFileText(png))).toBe('The file is not text (or not in UTF-8), so it is not an annotation export.')
    expect(annotationFileText(new TextEncoder().encode('{"rows":[]}'))).toBe('{"rows":[]}')
    // UTF-16 with its byte-order mark is read too.
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'[]'].flatMap((c) => [c.charCodeAt(0), 0])])
    expect(annotationFileText(utf16)).toBe('[]')
  })

  it('refuses a file over the size limit before reading it', () => {
    expect(annotationFileSizeProblem(50 * 1024 * 1024)).toBeNull()
    expect(annotationFileSizeProblem(50 * 1024 * 1024 + 1)?.message).toBe('The file is 50 MB; annotation files of up to 50 MB are imported.')
  })

  it('refuses JSON of another shape, and [1,2,3], in the same sentence', async () => {
    const neither = 'It holds no annotations Factmark can read: it is neither W3C Web Annotations (JSON-LD) nor a Hypothesis export (JSON from its API).'
    for (const root of [{ hello: 'world' }, [1, 2, 3], 'text', 42, null, { type: 'Person', name: 'Ana' }, [{ type: 'Note' }]]) {
      expect(await refusal(() => read(JSON.stringify(root))), JSON.stringify(root)).toBe(neither)
    }
  })

  it('says a file holds no annotations when its list is empty', async () => {
    for (const root of [[], { rows: [] }, { type: 'AnnotationPage', items: [] }, { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } }]) {
      expect(await refusal(() => read(JSON.stringify(root))), JSON.stringify(root)).toBe('The file holds no annotations.')
    }
  })
})
