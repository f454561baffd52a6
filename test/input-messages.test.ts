import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { channels, contract, type Channel } from '../src/core/api'
import { count, describeInvalidInput, INPUT_FIELDS, internalFailureMessage } from '../src/core/input-messages'
import { MAX_NOTE_CHARS, MAX_TAGS } from '../src/core/limits'

const at = '2024-03-31T12:00:00.000Z'

/** What the handler wrapper does with an argument that fails its channel's schema. */
function problem(channel: Channel, arg: unknown) {
  const parsed = (contract[channel].input as z.ZodType).safeParse(arg)
  if (parsed.success) throw new Error(`${channel} accepted ${JSON.stringify(arg).slice(0, 100)}`)
  return describeInvalidInput(channel, parsed.error, arg)
}

const addNote = (text: unknown) => ({
  articleId: 'belta-2017',
  op: { type: 'claim.addNote', by: 'Ann', at, claimId: 'claim-1', note: { id: 'note-1', text, by: 'Ann', at } }
})

describe('describeInvalidInput', () => {
  it('says an over-long note in words, with the limit and its size', () => {
    expect(MAX_NOTE_CHARS).toBe(20_000)
    expect(problem('applyOperation', addNote('x'.repeat(25_000)))).toEqual({
      message: 'A note can be at most 20,000 characters; this one has 25,000.',
      field: 'note'
    })
  })

  it('says an empty note, and a note that is not text, in words', () => {
    expect(problem('applyOperation', addNote(''))).toEqual({ message: 'A note cannot be empty.', field: 'note' })
    expect(problem('applyOperation', addNote(42))).toEqual({ message: 'A note must be text, not a number.', field: 'note' })
  })

  it('names a list by what it holds', () => {
    const op = { type: 'claim.setTags', by: 'Ann', at, claimId: 'claim-1', tags: Array.from({ length: 60 }, (_, i) => `t${i}`), previous: [] }
    expect(problem('applyOperation', { articleId: 'a', op })).toEqual({ message: `A claim can have at most ${MAX_TAGS} tags; this one has 60.`, field: 'tags' })
  })

  it('quotes the size the schema checked: trimmed where the schema trims', () => {
    expect(problem('renameArticle', { id: 'a', title: `   ${'T'.repeat(501)}   ` })).toEqual({
      message: 'The article title can be at most 500 characters; this one has 501.',
      field: 'title'
    })
  })

  it('puts a field the reviewer fills in before a problem they cannot fix', () => {
    expect(problem('updateSettings', { reviewer: 'R'.repeat(150), claimReviewBaseUrl: 42 })).toMatchObject({ field: 'reviewer' })
    expect(problem('updateSettings', { claimReviewBaseUrl: 'ftp://reports' })).toEqual({
      message: 'The report address must start with https:// or http://.',
      field: 'claimReviewBaseUrl'
    })
  })

  it('tells the same field apart by channel: a source of an article is not a source of a claim', () => {
    expect(problem('updateArticle', { articleId: 'a', source: { kind: 'url', url: '' } })).toEqual({ message: 'The web address cannot be empty.', field: 'url' })
    const source = { id: 'src-1', url: 'u'.repeat(4_001), title: '', publisher: '', excerpt: '', stance: 'supports', accessedAt: '2024-03-31', by: 'Ann', at }
    expect(problem('applyOperation', { articleId: 'a', op: { type: 'claim.addSource', by: 'Ann', at, claimId: 'claim-1', source } })).toEqual({
      message: 'The source’s address can be at most 4,000 characters; this one has 4,001.',
      field: 'source.url'
    })
  })

  it.each([
    ['renameArticle', { id: 42, title: 'x' }, 'Factmark could not use that request: the article’s id should be text, not a number.'],
    ['renameArticle', { title: 'No id' }, 'Factmark could not use that request: the article’s id is missing.'],
    ['renameArticle', 'just a string', 'Factmark could not use that request: it should be a set of values, not text.'],
    ['importArticle', null, 'Factmark could not use that request: it was empty.'],
    ['importArticle', { kind: 'ftp', url: 'ftp://x' }, 'Factmark could not use that request: the kind of source is not one Factmark knows.'],
    ['applyOperation', { articleId: 'a', op: { type: 'claim.teleport' } }, 'Factmark could not use that request: the kind of change is not one Factmark knows.'],
    [
      'exportReport',
      { articleId: 'a', format: 'docx', choices: { includeUnreviewed: true, includeNotes: true, includeHistory: true, articleMode: 'full', csvBom: false } },
      'Factmark could not use that request: the report format is not one Factmark knows.'
    ]
  ] as const)('says a request the reviewer did not type in plain words, without a field (%s %j)', (channel, arg, message) => {
    expect(problem(channel, arg)).toEqual({ message })
  })

  it('formats sizes with thousands separators', () => {
    expect([count(5), count(1_000), count(25_000), count(10_000_000)]).toEqual(['5', '1,000', '25,000', '10,000,000'])
  })

  it('offers the field names the UI can rely on', () => {
    expect(INPUT_FIELDS).toContain('note')
    expect(INPUT_FIELDS).toContain('source.url')
    expect(new Set(INPUT_FIELDS).size).toBe(INPUT_FIELDS.length)
  })
})

describe('internalFailureMessage', () => {
  it('has one short plain sentence for every channel', () => {
    expect(internalFailureMessage('applyOperation')).toBe('Something went wrong while saving; nothing was changed.')
    for (const channel of channels) {
      expect(internalFailureMessage(channel)).toMatch(/^Something went wrong while [^:]+\.$/)
    }
  })
})
