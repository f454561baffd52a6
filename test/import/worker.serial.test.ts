import { describe, expect, it } from 'vitest'
import { FactmarkError } from '../../src/core/errors'
import { importFileData } from '../../src/main/import/import-file'
import { parseInWorker } from '../../src/main/import/parse-in-worker'
import type { NewArticle } from '../../src/main/workspace/workspace'
import { readArticleSource } from '../../src/main/read-source'
import { blocksOf } from './helpers'
import { watchEventLoop } from '../helpers/event-loop'
import { keepGcPausesShort } from '../../src/main/short-gc-pauses'

// Pages that froze the window for minutes, or crashed it, when they were parsed on the main thread (measured: 800 nested
// divs 57 s, 1,200 nested 153 s, a 5 MB nested page over 120 s, 200,000 paragraphs 90 s and 2.5 GB, 100,000 nested elements
// "Maximum call stack size exceeded"). Generated here rather than committed.

// As main does when it starts (openServices): this thread stands for main.
keepGcPausesShort()

const BOTTOM = 'The text at the bottom of the page.'
const nested = (depth: number) =>
  `<!doctype html><html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}<p>${BOTTOM}</p>${'</div>'.repeat(depth)}</body></html>`
const paragraph = (i: number) => `Paragraph ${i} of a page that nests every paragraph one level deeper.`
function nestedPage(bytes: number): { html: string; paragraphs: number } {
  const units: string[] = []
  let size = 0
  while (size < bytes) {
    const unit = `<div><p>${paragraph(units.length)}</p>`
    units.push(unit)
    size += unit.length + '</div>'.length
  }
  return { html: `<!doctype html><html><body>${units.join('')}${'</div>'.repeat(units.length)}</body></html>`, paragraphs: units.length }
}
const encode = (html: string) => new TextEncoder().encode(html)
const asFile = (name: string, html: string) => ({ kind: 'file' as const, name, base64: Buffer.from(html).toString('base64') })

/** Runs an import under the event-loop watch; a refusal (FactmarkError) is part of the result. */
async function watched(run: () => Promise<NewArticle>): Promise<{ ms: number; longestGapMs: number; article?: NewArticle; error?: FactmarkError }> {
  const { value, ms, longestGapMs } = await watchEventLoop(() =>
    run().then(
      (article) => ({ article }),
      (error: unknown) => {
        if (!(error instanceof FactmarkError)) throw error
        return { error }
      }
    )
  )
  return { ms, longestGapMs, ...value }
}

describe('no import freezes the app', () => {
  it('800 and 1,200 nested divs import in time, the caller never blocked', { timeout: 30_000 }, async () => {
    for (const depth of [800, 1200]) {
      const result = await watched(() => importFileData(`deep-${depth}.html`, encode(nested(depth))))
      expect(result.error).toBeUndefined()
      expect(result.article!.title).toBe('Deep page')
      expect(blocksOf(result.article!)).toEqual([['p', BOTTOM]])
      expect(result.ms).toBeLessThan(10_000)
      expect(result.longestGapMs).toBeLessThan(50)
    }
  })

  it('a 5 MB page nested to the bottom imports every paragraph, in order', { timeout: 30_000 }, async () => {
    const { html, paragraphs } = nestedPage(5 * 1024 * 1024)
    const source = asFile('nested.html', html)
    const result = await watched(() => readArticleSource(source))
    expect(result.error).toBeUndefined()
    const texts = blocksOf(result.article!).map(([, text]) => text)
    expect(texts).toHaveLength(paragraphs)
    expect(texts[0]).toBe(paragraph(0))
    expect(texts.at(-1)).toBe(paragraph(paragraphs - 1))
    expect(result.ms).toBeLessThan(10_000)
    expect(result.longestGapMs).toBeLessThan(50)
  })

  it('200,000 tiny paragraphs are refused, naming the limit', { timeout: 30_000 }, async () => {
    const html = `<!doctype html><html><body>${Array.from({ length: 200_000 }, (_, i) => `<p>Item ${i}.</p>`).join('')}</body></html>`
    const bytes = encode(html)
    const result = await watched(() => importFileData('paragraphs.html', bytes))
    expect(result.error).toMatchObject({
      code: 'too-large',
      message: 'paragraphs.html has more than 100,000 paragraphs, headings and list items; one article can hold at most 100,000.'
    })
    expect(result.ms).toBeLessThan(10_000)
    expect(result.longestGapMs).toBeLessThan(50)
  })

  it('100,000 nested elements import without overflowing any stack', { timeout: 30_000 }, async () => {
    const source = asFile('deepest.html', nested(100_000))
    const result = await watched(() => readArticleSource(source))
    expect(result.error).toBeUndefined()
    expect(blocksOf(result.article!)).toEqual([['p', BOTTOM]])
    expect(result.ms).toBeLessThan(10_000)
    expect(result.longestGapMs).toBeLessThan(50)
  })


  it('Markdown nested 100,000 quotes or 3,000 list levels deep imports in time', { timeout: 30_000 }, async () => {
    const quotes = encode(`${'> '.repeat(100_000)}deep`)
    const lists = encode(Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'))
    for (const [name, bytes, first] of [['quotes.md', quotes, ['blockquote', 'deep']], ['lists.md', lists, ['li', 'item 0']]] as const) {
      const result = await watched(() => importFileData(name, bytes))
      expect(result.error).toBeUndefined()
      expect(blocksOf(result.article!)[0]).toEqual(first)
      expect(result.ms).toBeLessThan(10_000)
      expect(result.longestGapMs).toBeLessThan(50)
    }
  })
})

describe('the import worker’s limits', () => {
  it('stops a source that takes too long, says so, and the next import works', { timeout: 30_000 }, async () => {
    const slow = { kind: 'file' as const, name: 'nested.html', bytes: encode(nestedPage(5 * 1024 * 1024).html) } // over a second to read
    const started = performance.now()
    await expect(parseInWorker(slow, { timeMs: 300 })).rejects.toMatchObject({
      code: 'too-large',
      message: 'nested.html is too complex to import: reading it took longer than 0.3 seconds.'
    })
    expect(performance.now() - started).toBeLessThan(2_000)
    const next = await readArticleSource({ kind: 'paste', text: 'The council met on Monday.' })
    expect(next.title).toBe('The council met on Monday.')
  })

  it('refuses a source that needs more memory than the worker has, without crashing the caller', { timeout: 30_000 }, async () => {
    const bytes = encode(`<!doctype html><html><body>${Array.from({ length: 100_000 }, (_, i) => `<p>Item ${i}.</p>`).join('')}</body></html>`)
    await expect(parseInWorker({ kind: 'file', name: 'heavy.html', bytes }, { memoryMb: 16 })).rejects.toMatchObject({
      code: 'too-large',
      message: 'heavy.html is too complex to import: reading it needed more than 16 MB of memory.'
    })
    expect((await importFileData('light.html', encode('<p>Still importing.</p>'))).title).toBe('light')
  })

  it('parses pasted text in the worker too, and refuses text beyond one article', { timeout: 30_000 }, async () => {
    // flat, as text from the window is: `repeat` makes a rope that its first use would flatten on this thread
    const text = Buffer.from('word '.repeat(2_100_000)).toString()
    const result = await watched(() => readArticleSource({ kind: 'paste', text }))
    expect(result.error).toMatchObject({
      code: 'too-large',
      message: 'The text has more than 10,000,000 characters of text; one article can hold at most 10,000,000.'
    })
    expect(result.longestGapMs).toBeLessThan(50)
  })
})
