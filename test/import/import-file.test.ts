import { readFile, open, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { FactmarkError } from '../../src/core/errors'
import { importFile, importFileData } from '../../src/main/import/import-file'
import { MAX_IMPORT_BYTES } from '../../src/main/import/shared'
import { decodeText, importTextFile } from '../../src/main/import/text-file'
import { fixturePath, tempDir } from '../helpers/temp-dir'
import { blocksAreConsistent, blocksOf } from './helpers'

const ACTIVE = ['<script', 'onerror', 'onload', 'iframe', '<form', 'javascript:', '127.0.0.1:9', 'http://', 'https://', '__pwned']

async function rejection(promise: Promise<unknown>): Promise<FactmarkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(FactmarkError)
  return error as FactmarkError
}

describe('importing hostile-markup.html', () => {
  it('keeps title, author, date, heading, paragraphs, list and quote', async () => {
    const article = await importFile(fixturePath('hostile-markup.html'))
    expect(article.title).toBe('Council approves budget & "emergency" fund')
    expect(article.byline).toBe('Desk Reporter')
    expect(article.publishedAt).toMatch(/^2026-03-02/)
    expect(article.origin).toEqual({ kind: 'file', name: 'hostile-markup.html' })
    expect(blocksAreConsistent(article)).toBe(true)
    const blocks = blocksOf(article)
    expect(blocks[0]).toEqual(['h1', 'Council approves budget & "emergency" fund'])
    expect(blocks).toContainEqual(['p', 'The city council voted 7–2 on Monday to approve a $48.5 million budget, a rise of 12% on last year.'])
    expect(blocks).toContainEqual(['p', '"We have cut waste by a third," the mayor said. Read the statement.'])
    expect(blocks).toContainEqual(['p', 'Residents can comment until 15 March.'])
    expect(blocks).toContainEqual(['blockquote', 'Critics say the emergency fund of $2 million is "far too small" for a city of 140,000 people.'])
    expect(blocks.filter(([kind]) => kind === 'li').map(([, text]) => text.split(':')[0])).toEqual(['Schools', 'Roads', 'Other'])
    // Navigation and footer are not article text
    expect(article.body.text).not.toContain('Home')
    expect(article.body.text).not.toContain('Subscribe')
  })

  it('carries nothing active anywhere in the result', async () => {
    const json = JSON.stringify(await importFile(fixturePath('hostile-markup.html')))
    for (const needle of ACTIVE) expect(json.toLowerCase(), needle).not.toContain(needle.toLowerCase())
  })

  it('does the same from bytes, as when a file is dropped on the window', async () => {
    const bytes = await readFile(fixturePath('hostile-markup.html'))
    const article = await importFileData('hostile-markup.html', bytes, { title: 'My title' })
    expect(article.title).toBe('My title')
    expect(article.byline).toBe('Desk Reporter')
  })
})

describe('importing text in other encodings', () => {
  it('decodes the Windows-1251 fixture to the right Cyrillic, CRLF line ends handled', async () => {
    const raw = await readFile(fixturePath('cp1251-russian.txt'))
    const expected = iconv.decode(raw, 'windows-1251').replace(/\r\n/g, '\n')
    const article = await importFile(fixturePath('cp1251-russian.txt'))
    expect(article.body.text).toBe(expected.trim().split(/\n\s*\n+/).join('\n\n'))
    expect(article.body.text).toContain('товарооборот')
    expect(article.body.text).toContain('Беларусь и Казахстан')
    expect(article.body.text).not.toContain('\r')
    expect(article.body.blocks).toHaveLength(3)
  })

  it('keeps unicode-mixed.txt exactly, both forms of "café" byte for byte', async () => {
    const raw = await readFile(fixturePath('unicode-mixed.txt'), 'utf8')
    const article = await importFile(fixturePath('unicode-mixed.txt'))
    expect(article.body.text).toContain('"caf\u00e9" and "cafe\u0301"')
    const paragraphs = raw.split(/\n\s*\n+/).map((p) => p.trim()).filter(Boolean)
    expect(article.body.text).toBe(paragraphs.join('\n\n'))
    expect(article.body.text.normalize('NFC')).not.toBe(article.body.text) // the NFD form survived
  })
})

describe('importing Markdown and Word', () => {
  it('turns the Markdown fixture into blocks, its leading h1 becoming the title', async () => {
    const article = await importFile(fixturePath('sample.md'))
    expect(article.title).toBe("Mayor's claims on the 2026 budget")
    expect(blocksAreConsistent(article)).toBe(true)
    expect(blocksOf(article)).toEqual([
      ['p', 'The mayor said spending rose 12% on last year, citing the city report. Critics doubt it. Fees & charges were not included. See annex.'],
      ['h2', 'What was promised'],
      ['li', 'Schools: $14.0 million'],
      ['li', 'Roads: $6.6 million'],
      ['li', 'of which repairs: $2.1 million'],
      ['li', 'Other: 5.6 million'],
      ['h3', 'Details'],
      ['h4', 'Deeper heading'],
      ['blockquote', '"We have cut waste by a third," the mayor said.'],
      ['blockquote', 'Nobody checked.'],
      ['p', 'total = 14.0 + 6.6 + 5.6\n      = 26.2'],
      ['p', 'Raw HTML block']
    ])
    const json = JSON.stringify(article)
    for (const needle of ['<script', '__pwned', 'example.org', 'chart.png', '<span']) expect(json).not.toContain(needle)
  })

  it('keeps the leading h1 in the body when the user gives the title', async () => {
    const article = await importFile(fixturePath('sample.md'), { title: 'Budget' })
    expect(article.title).toBe('Budget')
    expect(blocksOf(article)[0]).toEqual(['h1', "Mayor's claims on the 2026 budget"])
  })

  it('reads the .docx fixture: headings, paragraphs, list, title from the first heading', async () => {
    const article = await importFile(fixturePath('sample.docx'))
    expect(article.title).toBe('Ministry reports record harvest')
    expect(article.origin).toEqual({ kind: 'file', name: 'sample.docx' })
    expect(article.dateline).toBe('MINSK, 3 October (BelTA)')
    expect(blocksAreConsistent(article)).toBe(true)
    expect(blocksOf(article)).toEqual([
      ['h1', 'Ministry reports record harvest'],
      ['p', 'MINSK, 3 October (BelTA) – The ministry said the grain harvest reached 9.1 million tonnes, up 12% on last year.'],
      ['h2', 'Regional figures'],
      ['li', 'Minsk region: 2.1 million tonnes'],
      ['li', 'Brest region: 1.8 million tonnes'],
      ['li', 'Gomel region: 1.5 million tonnes'],
      ['h3', 'Outlook'],
      ['p', 'Officials expect exports of “café-grade” barley to double.']
    ])
  })

  it('refuses a corrupt .docx with a clear message', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251)
    const error = await rejection(importFileData('report.docx', bytes))
    expect(error.code).toBe('unsupported-type')
    expect(error.message).toBe('report.docx is not a Word document Factmark can read (.docx); it may be damaged or in another format.')
  })
})

describe('refusing bad input', () => {
  it.each([
    ['empty.txt', new Uint8Array(), 'empty', 'empty.txt is empty.'],
    ['empty.md', new Uint8Array(), 'empty', 'empty.md is empty.'],
    ['blank.html', new TextEncoder().encode('<html><body><nav>Home</nav><script>x()</script></body></html>'), 'empty', 'blank.html has no article text.'],
    ['blank.md', new TextEncoder().encode('![only an image](a.png)\n\n---\n'), 'empty', 'blank.md has no article text.'],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary', 'image.txt looks like a binary file, not text.'],
    ['photo.jpg', new Uint8Array([0xff, 0xd8, 0xff]), 'unsupported-type', 'photo.jpg: unsupported file type ".jpg"; Factmark imports .txt, .md, .html and .docx files.'],
    ['README', new Uint8Array([0x41]), 'unsupported-type', 'README: unsupported file type "none"; Factmark imports .txt, .md, .html and .docx files.']
  ])('refuses %s (%s)', async (name, bytes, code, message) => {
    const error = await rejection(importFileData(name, bytes))
    expect(error.code).toBe(code)
    expect(error.message).toBe(message)
  })

  it('refuses bytes it cannot decode', async () => {
    const error = await rejection(importFileData('garbled.txt', new Uint8Array(64).fill(0xff)))
    expect(error.code).toBe('encoding')
    expect(error.message).toMatch(/^garbled\.txt is not UTF-8 text and .+; save it as UTF-8 and import it again\.$/)
  })

  it('refuses a file over 20 MB without reading it, and a missing file', async () => {
    const dir = await tempDir()
    const handle = await open(join(dir, 'huge.html'), 'w')
    await handle.truncate(MAX_IMPORT_BYTES + 1) // sparse: costs no disk
    await handle.close()
    const tooLarge = await rejection(importFile(join(dir, 'huge.html')))
    expect(tooLarge).toMatchObject({ code: 'too-large', message: 'huge.html is 20.0 MB; the limit is 20 MB.' })
    const missing = await rejection(importFile(join(dir, 'gone.md')))
    expect(missing).toMatchObject({ code: 'not-found', message: 'gone.md: no such file.' })
    await mkdir(join(dir, 'folder.txt'))
    expect((await rejection(importFile(join(dir, 'folder.txt')))).code).toBe('invalid-argument')
  })

  it('refuses an unsupported extension before looking at the file', async () => {
    const error = await rejection(importFile('/no/such/report.pdf'))
    expect(error).toMatchObject({ code: 'unsupported-type', message: expect.stringContaining('report.pdf: unsupported file type ".pdf"') })
  })
})

describe('the text-file exports kept for existing callers', () => {
  it('importTextFile reads .txt through the new importers and still refuses other types', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'note.txt'), '\uFEFFFirst line\r\nSecond line\r\n')
    const article = await importTextFile(join(dir, 'note.txt'), { title: 'Note' })
    expect(blocksOf(article)).toEqual([
      ['p', 'First line'],
      ['p', 'Second line']
    ])
    await expect(importTextFile(fixturePath('sample.md'))).rejects.toThrow('unsupported file type ".md"')
  })

  it('decodeText delegates to decode.ts', () => {
    expect(decodeText(iconv.encode('Привет, мир! Как дела у вас сегодня?', 'windows-1251'), 'x.txt')).toBe('Привет, мир! Как дела у вас сегодня?')
    expect(() => decodeText(new Uint8Array([0x41, 0, 0x42]), 'x.txt')).toThrow('x.txt looks like a binary file, not text.')
  })
})
