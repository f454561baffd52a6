import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { decodeBytes } from './decode'
import { articleFromDocx } from './docx'
import { articleFromHtml, decodeHtml } from './html'
import { articleFromMarkdown } from './markdown'
import { MAX_IMPORT_BYTES } from './shared'
import { articleFromText } from './text'

export type FileFormat = 'text' | 'markdown' | 'html' | 'docx'

const FORMATS: Record<string, FileFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx'
}

/** The extensions `importFile` accepts, lower case with their dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS)

/** The format a file name's extension stands for, or undefined when Factmark does not import it. */
export function formatOfFile(name: string): FileFormat | undefined {
  return FORMATS[extname(name).toLowerCase()]
}

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
 */
export async function importFileData(name: string, bytes: Uint8Array, options: { title?: string } = {}): Promise<NewArticle> {
  const format = checkSupported(name)
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(name, bytes.length)
  if (bytes.length === 0) throw new FactmarkError('empty', `${name} is empty.`)
  const meta = { title: options.title, origin: { kind: 'file' as const, name } }
  switch (format) {
    case 'text':
      return articleFromText(decodeBytes(bytes, { name }), meta)
    case 'markdown':
      return articleFromMarkdown(decodeBytes(bytes, { name }), meta)
    case 'html':
      return articleFromHtml(decodeHtml(bytes, { name }), meta)
    case 'docx':
      return articleFromDocx(bytes, meta)
  }
}

function checkSupported(name: string): FileFormat {
  const format = formatOfFile(name)
  if (!format) {
    const ext = extname(name).toLowerCase()
    throw new FactmarkError(
      'unsupported-type',
      `${name}: unsupported file type "${ext || 'none'}"; Factmark imports .txt, .md, .html and .docx files.`
    )
  }
  return format
}

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
