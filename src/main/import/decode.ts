import iconv from 'iconv-lite'
import { detect } from 'jschardet'
import { FactmarkError } from '../../core/errors'

export interface DecodeOptions {
  /** The file name or URL, for messages. */
  name: string
  /** A charset the source declared (HTTP `Content-Type`, `<meta charset>`): used unless a byte-order mark says otherwise. */
  charset?: string
}

/**
 * jschardet 4 reports low confidences even when right (a Cyrillic sentence in windows-1251 scores about 0.4, a German one
 * in windows-1252 about 0.15); below this its guess is not used. The decoded text is checked as well (see `plausible`).
 */
export const MIN_DETECTION_CONFIDENCE = 0.1

/**
 * Bytes to text. A byte-order mark (UTF-8, UTF-16 LE/BE) decides; then a declared charset; then valid UTF-8 is taken as it is;
 * otherwise the encoding is detected (jschardet) and decoded (iconv-lite) when the guess is confident and the result is
 * plausible text. Characters are never normalised: NFC and NFD stay as they were.
 * Throws FactmarkError 'empty', 'binary' (NUL bytes outside UTF-16, or bytes the detector takes for a binary format) or 'encoding'.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): string {
  const { name } = options
  if (bytes.length === 0) throw new FactmarkError('empty', `${name} is empty.`)
  const binary = () => new FactmarkError('binary', `${name} looks like a binary file, not text.`)
  const undecodable = (detail: string) =>
    new FactmarkError('encoding', `${name} is not UTF-8 text and ${detail}; save it as UTF-8 and import it again.`)

  const bom = fromByteOrderMark(bytes)
  if (bom !== undefined) {
    if (bom === null) throw undecodable('its byte-order mark does not match its content')
    if (bom.includes('\0')) throw binary()
    return bom
  }

  const declared = options.charset ? iconvName(options.charset) : undefined
  if (declared === 'utf16le' || declared === 'utf16be') {
    const text = strictUtf16(bytes, declared === 'utf16be')
    if (text !== null && !text.includes('\0')) return text
  }

  if (bytes.includes(0)) {
    // UTF-16 without a byte-order mark is full of NUL bytes too; accept it only when the detector is sure and the text is clean.
    const guess = detect(bytes)
    const encoding = guess.encoding ? iconvName(guess.encoding) : undefined
    if ((encoding === 'utf16le' || encoding === 'utf16be') && guess.confidence >= 0.9) {
      const text = strictUtf16(bytes, encoding === 'utf16be')
      if (text !== null && plausible(text)) return text
    }
    throw binary()
  }

  if (declared && declared !== 'utf8' && iconv.encodingExists(declared)) {
    const text = iconv.decode(toBuffer(bytes), declared)
    if (plausible(text)) return text
  }

  const utf8 = strictUtf8(bytes)
  if (utf8 !== null) return utf8

  const guess = detect(bytes)
  if (guess.mimeType && !guess.mimeType.startsWith('text/')) throw binary()
  const encoding = guess.encoding ? iconvName(guess.encoding) : undefined
  if (!encoding || guess.confidence < MIN_DETECTION_CONFIDENCE) throw undecodable('its encoding could not be recognised')
  if (!iconv.encodingExists(encoding)) throw undecodable(`Factmark cannot decode its encoding (${guess.encoding})`)
  const text = iconv.decode(toBuffer(bytes), encoding)
  if (!plausible(text)) throw undecodable(`does not decode cleanly as ${guess.encoding}`)
  return text
}

/** The `charset` parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType ?? '')
  const charset = (match?.[1] ?? match?.[2])?.trim()
  return charset || undefined
}

/** The charset an HTML document declares in its first 1024 bytes (`<meta charset>` or `<meta http-equiv="Content-Type">`). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = toBuffer(bytes).subarray(0, 1024).toString('latin1')
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const match = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)/i.exec(tag)
    // A page cannot declare UTF-16 in its own ASCII-compatible bytes; HTML takes that to mean UTF-8
    if (match?.[1]) return /^utf-?16/i.test(match[1]) ? 'utf-8' : match[1]
  }
  return undefined
}

/** Decodes after a byte-order mark: the text, null when the bytes after the mark are invalid, undefined without a mark. */
function fromByteOrderMark(bytes: Uint8Array): string | null | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strictUtf16(bytes.subarray(2), false)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strictUtf16(bytes.subarray(2), true)
  return undefined
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function strictUtf16(bytes: Uint8Array, bigEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null
  let data = bytes
  if (bigEndian) {
    data = new Uint8Array(bytes.length)
    for (let i = 0; i < bytes.length; i += 2) {
      data[i] = bytes[i + 1]!
      data[i + 1] = bytes[i]!
    }
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(data)
  } catch {
    return null
  }
}

/** Text a person wrote: no replacement characters (bytes the encoding does not define) and no control characters but white space. */
function plausible(text: string): boolean {
  return !/[\uFFFD\u0000-\u0008\u000E-\u001F\u007F-\u009F]/.test(text)
}

/** A charset label (HTTP, HTML or jschardet spelling) as iconv-lite names it; labels HTML maps to windows-1252 go there. */
function iconvName(label: string): string {
  const name = label.trim().toLowerCase()
  if (['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819'].includes(name)) return 'windows-1252'
  if (name === 'utf-8' || name === 'utf8' || name === 'utf-8-sig' || name === 'unicode-1-1-utf-8') return 'utf8'
  const utf = /^utf-?(16|32)-?(le|be)$/.exec(name)
  if (utf) return `utf${utf[1]}${utf[2]}`
  if (name === 'x-cp1251') return 'windows-1251'
  return name
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
