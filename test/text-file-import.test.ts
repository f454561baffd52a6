import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importTextFile, MAX_IMPORT_BYTES } from '../src/main/import/text-file'
import { fixturePath, tempDir } from './helpers/temp-dir'

describe('importing a text file', () => {
  it('reads UTF-8 text into paragraphs, titled from the file name when no title is given', async () => {
    const article = await importTextFile(fixturePath('unicode-mixed.txt'))
    expect(article.title).toBe('unicode mixed')
    expect(article.body.blocks).toHaveLength(7)
    expect(article.body.text).toContain('"caf\u00e9" and "cafe\u0301"') // NFC then NFD, as in the file
  })

  it.each([
    ['empty.txt', new Uint8Array(), 'empty.txt is empty.'],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'image.txt looks like a binary file, not text.'],
    ['blank.txt', new TextEncoder().encode('  \n\n \t\n'), 'blank.txt has no text.']
  ])('refuses %s with a clear message', async (name, bytes, message) => {
    const dir = await tempDir()
    await writeFile(join(dir, name), bytes)
    await expect(importTextFile(join(dir, name))).rejects.toThrow(message)
  })

  it('reads Windows-1251 text as readable Cyrillic, not mojibake', async () => {
    const article = await importTextFile(fixturePath('cp1251-russian.txt'))
    expect(article.body.text).toContain('товарооборот вырос почти на 80%')
    expect(article.body.text).not.toMatch(/[\uFFFD\r]/)
  })

  it('refuses a file over 20 MB without reading it', async () => {
    const dir = await tempDir()
    const handle = await open(join(dir, 'huge.txt'), 'w')
    await handle.truncate(MAX_IMPORT_BYTES + 1) // sparse: costs no disk
    await handle.close()
    await expect(importTextFile(join(dir, 'huge.txt'))).rejects.toThrow('huge.txt is 20.0 MB; the limit is 20 MB.')
  })

  it('refuses an unsupported file type and a missing file', async () => {
    await expect(importTextFile(fixturePath('hostile-markup.html'))).rejects.toThrow('unsupported file type ".html"')
    await expect(importTextFile('/no/such/file.txt')).rejects.toThrow('file.txt: no such file')
  })
})
