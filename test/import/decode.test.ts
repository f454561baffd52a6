import { readFile } from 'node:fs/promises'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { FactmarkError } from '../../src/core/errors'
import { charsetFromContentType, decodeBytes, sniffHtmlCharset } from '../../src/main/import/decode'
import { fixturePath } from '../helpers/temp-dir'

const decode = (bytes: Uint8Array, charset?: string) => decodeBytes(bytes, { name: 'a.txt', ...(charset ? { charset } : {}) })
const codeOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(FactmarkError)
    return (error as FactmarkError).code
  }
  return 'no error'
}

describe('decoding bytes to text', () => {
  it('takes valid UTF-8 as it is, never normalising (NFC and NFD stay)', () => {
    const text = 'caf\u00e9 cafe\u0301 Привет 🌍\r\n'
    expect(decode(new TextEncoder().encode(text))).toBe(text)
  })

  it('honours byte-order marks: UTF-8, UTF-16 LE and BE', () => {
    const text = 'Экспорт — café'
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text)
    expect(decode(new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]))).toBe(text)
    expect(decode(new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]))).toBe(text)
  })

  it('detects Windows-1251 Cyrillic and keeps CRLF for the paragraph splitter to handle', async () => {
    const raw = await readFile(fixturePath('cp1251-russian.txt'))
    const text = decode(raw)
    expect(text).toBe(iconv.decode(raw, 'windows-1251'))
    expect(text.startsWith('Беларусь и Казахстан')).toBe(true)
  })

  it('detects other legacy encodings when the guess is confident', () => {
    const greek = 'Η κυβέρνηση ανακοίνωσε ότι οι εξαγωγές αυξήθηκαν κατά 12% το πρώτο εξάμηνο.'
    expect(decode(iconv.encode(greek, 'windows-1253'))).toBe(greek)
    const french = 'Le café est une boisson très populaire en France et dans le monde entier. Les élèves préfèrent le thé.'
    expect(decode(iconv.encode(french, 'windows-1252'))).toBe(french)
  })

  it('uses a declared charset, and the BOM over it', () => {
    const text = 'Привет'
    expect(decode(iconv.encode(text, 'koi8-r'), 'KOI8-R')).toBe(text)
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'windows-1251')).toBe(text)
    // a page that says utf-8 but is not: detection steps in
    const russian = 'Экспорт Беларуси в Казахстан в январе составил 252,6 млн долларов, сообщил премьер-министр.'
    expect(decode(iconv.encode(russian, 'windows-1251'), 'utf-8')).toBe(russian)
  })

  it('refuses empty, binary and undecodable input with the right codes', () => {
    expect(codeOf(() => decode(new Uint8Array()))).toBe('empty')
    expect(codeOf(() => decode(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])))).toBe('binary')
    expect(codeOf(() => decode(new Uint8Array(64).fill(0xff)))).toBe('encoding')
    expect(codeOf(() => decode(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x41])))).toBe('encoding') // UTF-8 BOM, then junk
    expect(codeOf(() => decode(new Uint8Array([0xff, 0xfe, 0x41])))).toBe('encoding') // odd-length UTF-16
  })

  it('accepts UTF-16 without a BOM only when it is clearly text', () => {
    const text = 'Hello world, this is a test of UTF-16 without a byte-order mark.'
    expect(decode(iconv.encode(text, 'utf-16le'))).toBe(text)
  })

  it('reads charsets from Content-Type and <meta>', () => {
    expect(charsetFromContentType('text/html; charset=windows-1251')).toBe('windows-1251')
    expect(charsetFromContentType('text/html;charset="UTF-8"')).toBe('UTF-8')
    expect(charsetFromContentType('text/html')).toBeUndefined()
    expect(charsetFromContentType(null)).toBeUndefined()
    const html = (head: string) => new TextEncoder().encode(`<!doctype html><html><head>${head}</head></html>`)
    expect(sniffHtmlCharset(html('<meta charset="windows-1251">'))).toBe('windows-1251')
    expect(sniffHtmlCharset(html('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'))).toBe('koi8-r')
    expect(sniffHtmlCharset(html('<title>none</title>'))).toBeUndefined()
  })
})
