import { describe, expect, it } from 'vitest'
import { ArticleDoc, type Claim } from '../../src/core/model'
import { exportW3c } from '../../src/core/report/w3c'
import { sampleDoc, sampleOptions } from './sample-doc'

/** Parsed JSON-LD, read loosely. */
type Json = Record<string, any>

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i

function items(json: string): Json[] {
  const collection = JSON.parse(json) as Json
  return collection.first.items as Json[]
}

function selector(annotation: Json, type: string): Json {
  const found = (annotation.target.selector as Json[]).find((s) => s.type === type)
  if (!found) throw new Error(`${annotation.id} has no ${type}`)
  return found
}

describe('exportW3c', () => {
  const doc = sampleDoc()
  const text = doc.article.text
  const byId = new Map(doc.claims.map((c) => [`urn:factmark:claim:${c.id}`, c]))

  it('is an AnnotationCollection with one page holding every reported claim', () => {
    const collection = JSON.parse(exportW3c(doc, sampleOptions())) as Json
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.id).toMatch(IRI)
    expect(collection.label).toBe('Fact-check of “Trade "boom", tariffs, and a 🌍 roundup”')
    expect(collection.total).toBe(doc.claims.length)
    expect(collection.first.type).toBe('AnnotationPage')
    expect(collection.first.id).toMatch(IRI)
    expect(collection.first.partOf).toBe(collection.id)
    expect(collection.first.items).toHaveLength(doc.claims.length)
  })

  it('gives every annotation the required keys and values, motivated by "assessing"', () => {
    for (const a of items(exportW3c(doc, sampleOptions()))) {
      const claim = byId.get(a.id)!
      expect(claim).toBeDefined()
      expect(a.type).toBe('Annotation')
      expect(a.motivation).toBe('assessing')
      expect(a.created).toMatch(ISO_UTC)
      expect(a.modified).toMatch(ISO_UTC)
      expect(Date.parse(a.created)).toBe(Date.parse(claim.createdAt))
      expect(Date.parse(a.modified)).toBe(Date.parse(claim.updatedAt))
      expect(a.generated).toBe('2026-11-28T12:00:00.000Z')
      expect(a.creator).toEqual({ type: 'Person', name: doc.people[claim.createdBy] })
      expect(['Ana Petrova', 'Bashir Haddad', 'Chen Wei']).toContain(a.creator.name)
      expect(a.generator).toMatchObject({ type: 'Software', name: 'Factmark' })
      expect('bodyValue' in a).toBe(false)
      expect(a.target.source).toBe('https://news.example.org/wire/roundup?id=42&lang=en')
      expect(selector(a, 'TextQuoteSelector')).toEqual({ type: 'TextQuoteSelector', ...claim.quote })
      // Every body is embedded text with a value or a SpecificResource with a source; purposes only on those two.
      for (const body of a.body as Json[]) {
        if (body.type === 'TextualBody') {
          expect(typeof body.value).toBe('string')
          expect(body.source).toBeUndefined()
        } else {
          expect(body.type).toBe('SpecificResource')
          expect(body.source.id).toMatch(/^https?:\/\//)
          expect(body.source.purpose).toBeUndefined()
          expect(body.value).toBeUndefined()
        }
        expect(['assessing', 'describing', 'commenting', 'linking', 'tagging', 'classifying']).toContain(body.purpose)
      }
      expect(a.body[0]).toEqual({ type: 'TextualBody', id: `urn:factmark:verdict:${claim.verdict}`, purpose: 'assessing', value: sampleOptions().verdictLabels[claim.verdict], format: 'text/plain' })
    }
  })

  it('counts TextPositionSelector offsets in code points, selecting exactly the quote', () => {
    let astralBefore = 0
    for (const a of items(exportW3c(doc, sampleOptions()))) {
      const claim = byId.get(a.id)!
      const position = selector(a, 'TextPositionSelector')
      expect([...text].slice(position.start, position.end).join('')).toBe(claim.quote.exact)
      if (position.start !== claim.position.start) astralBefore++
    }
    // The globe emoji in the heading comes before every claim, so code points and UTF-16 units differ for all.
    expect(astralBefore).toBe(doc.claims.length)
    const e = items(exportW3c(doc, sampleOptions())).find((a) => a.id === 'urn:factmark:claim:claim-i')!
    expect(selector(e, 'TextPositionSelector').end - selector(e, 'TextPositionSelector').start).toBe([...'several code points to a computer.\n\nCombining marks'].length)
  })

  it('has bodies for the verdict, conclusion, notes, sources and tags with fitting purposes', () => {
    const all = items(exportW3c(doc, sampleOptions()))
    const b = all.find((a) => a.id === 'urn:factmark:claim:claim-b')!
    const claimB = byId.get(b.id)!
    const comments = (b.body as Json[]).filter((x) => x.purpose === 'commenting')
    expect(comments.map((x) => x.value)).toEqual(claimB.notes.map((n) => n.text))
    expect(comments[0]).toMatchObject({ type: 'TextualBody', creator: { type: 'Person', name: 'Ana Petrova' }, created: '2026-11-28T09:40:00.000Z' })
    expect(comments[1]!.modified).toBe('2026-11-28T09:45:00.000Z')
    expect((b.body as Json[]).find((x) => x.purpose === 'describing' && x.value === claimB.conclusion)).toBeDefined()
    const links = (b.body as Json[]).filter((x) => x.purpose === 'linking')
    expect(links).toHaveLength(1) // the javascript: "source" is not a web resource
    expect(links[0]!.source).toEqual({ id: 'http://customs.example.by/report?id=7&lang=ru', type: 'Text', label: '<b>Customs</b> report' })
    expect(links[0]!.label).toContain('Refutes the claim')

    const a = all.find((x) => x.id === 'urn:factmark:claim:claim-a')!
    const link = (a.body as Json[]).find((x) => x.purpose === 'linking')!
    expect(link.source.id).toBe('https://www.belstat.gov.by/en/search?q=export&year=2017')
    expect(link.selector).toEqual({ type: 'TextQuoteSelector', exact: 'Exports to Kazakhstan: $252.6m,\n"up 12%"' })
    expect((a.body as Json[]).filter((x) => x.purpose === 'tagging').map((x) => x.value)).toEqual(['trade', 'Kazakhstan'])
  })

  it('follows the options and copes with a changed text and an article without a web address', () => {
    const noNotes = items(exportW3c(doc, sampleOptions({ includeNotes: false, includeUnreviewed: false })))
    expect(noNotes.some((a) => (a.body as Json[]).some((x) => x.purpose === 'commenting'))).toBe(false)
    expect(noNotes.map((a) => a.id)).not.toContain('urn:factmark:claim:claim-g')
    expect(JSON.parse(exportW3c(doc, sampleOptions({ includeUnreviewed: false }))).total).toBe(noNotes.length)

    const moved: Claim = { ...doc.claims[0]!, position: { start: 0, end: 5 } }
    const pasted = ArticleDoc.parse({ ...doc, article: { ...doc.article, origin: { kind: 'paste' } }, claims: [moved] })
    const [only] = items(exportW3c(pasted, sampleOptions()))
    expect(only!.target.source).toBe('urn:factmark:article:wire-roundup')
    // The stored position no longer selects the quote: only the quote selector is given.
    expect(only!.target.selector).toHaveLength(1)
    expect(selector(only!, 'TextQuoteSelector').exact).toBe(moved.quote.exact)
  })
})
