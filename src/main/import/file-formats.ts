import { extname } from 'node:path'
import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { decodeBytes } from './decode'
import { articleFromDocx } from './docx'
import { articleFromHtml, decodeHtml } from './html'
import { articleFromMarkdown } from './markdown'
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

/** The extensions Factmark imports, lower case with their dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS)

/** The format a file name's extension stands for, or undefined when Factmark does not import it. */
export function formatOfFile(name: string): FileFormat | undefined {
  return FORMATS[extname(name).toLowerCase()]
}

/** The format of `name`, or FactmarkError 'unsupported-type' naming the extensions Factmark takes. */
export function checkSupported(name: string): FileFormat {
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

/** A file's bytes to an article by its format (the parsing itself: run it in the import worker). */
export async function articleFromFile(name: string, bytes: Uint8Array, options: { title?: string } = {}): Promise<NewArticle> {
  const format = checkSupported(name)
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
