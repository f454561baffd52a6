import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { checkSupported } from './file-formats'
import { parseInWorker } from './parse-in-worker'
import { MAX_IMPORT_BYTES } from './shared'

export { formatOfFile, SUPPORTED_EXTENSIONS, type FileFormat } from './file-formats'

/**
 * Reads a file into a new article: refuses a missing file ('not-found'), one over 20 MB before reading it ('too-large'),
 * then does what `importFileData` does.
 */
export async function importFile(path: string, options: { title?: string } = {}): Promise<NewArticle> {
  const name = basename(path)
  checkSupported(name)
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new FactmarkError('invalid-argument', `${name} is not a file.`)
    size = info.size
  } catch (error) {
    if (error instanceof FactmarkError) throw error
    throw fileError(name, error)
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge(name, size)
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw fileError(name, error)
  }
  return importFileData(name, bytes, options)
}

/**
 * A file's bytes (from disk, or dropped on the window) to a new article, by the extension of `name`: .txt/.text plain text,
 * .md/.markdown Markdown, .html/.htm/.xhtml HTML, .docx Word. Anything else is refused ('unsupported-type').
 * Titles: `options.title`, then what the format gives (first heading, page title), then the file name.
 * The decoding and parsing run in the import worker (see parse-in-worker.ts).
 */
export async function importFileData(name: string, bytes: Uint8Array, options: { title?: string } = {}): Promise<NewArticle> {
  checkSupported(name)
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(name, bytes.length)
  if (bytes.length === 0) throw new FactmarkError('empty', `${name} is empty.`)
  return parseInWorker({ kind: 'file', name, bytes, title: options.title })
}

/** `importFileData` for bytes the window sent as base64: decoded in the worker too. */
export async function importFileBase64(name: string, base64: string, options: { title?: string } = {}): Promise<NewArticle> {
  checkSupported(name)
  if (base64.length > MAX_BASE64) throw new FactmarkError('too-large', `${name} is over 20 MB, the limit.`)
  return parseInWorker({ kind: 'file', name, base64, title: options.title })
}

const MAX_BASE64 = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4

function tooLarge(name: string, size: number): FactmarkError {
  return new FactmarkError('too-large', `${name} is ${(size / 1048576).toFixed(1)} MB; the limit is 20 MB.`)
}

function fileError(name: string, error: unknown): FactmarkError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new FactmarkError('not-found', `${name}: no such file.`)
  if (code === 'EISDIR') return new FactmarkError('invalid-argument', `${name} is a folder, not a file.`)
  if (code === 'EACCES' || code === 'EPERM') return new FactmarkError('io', `${name} cannot be read: permission denied.`)
  return new FactmarkError('io', `${name} cannot be read (${(error as Error).message}).`)
}
