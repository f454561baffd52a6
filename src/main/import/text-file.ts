import { extname, basename } from 'node:path'
import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { decodeBytes } from './decode'
import { importFile } from './import-file'

// Kept for existing callers (CLI, handlers, samples); the importers proper live in import-file.ts, decode.ts, text.ts, ….
export { MAX_IMPORT_BYTES } from './shared'
export { articleFromText } from './text'

const TEXT_EXTENSIONS = new Set(['.txt', '.text'])

/** Reads a plain-text file into a new article (any encoding decode.ts recognises); refuses other file types. See `importFile` for all types. */
export async function importTextFile(path: string, options: { title?: string } = {}): Promise<NewArticle> {
  const ext = extname(path).toLowerCase()
  if (!TEXT_EXTENSIONS.has(ext)) {
    throw new FactmarkError('unsupported-type', `${basename(path)}: unsupported file type "${ext || 'none'}"; Factmark imports .txt files.`)
  }
  return importFile(path, options)
}

/** Bytes to text for a file called `name` (BOMs, UTF-8, legacy encodings detected); see decode.ts. */
export function decodeText(bytes: Uint8Array, name: string): string {
  return decodeBytes(bytes, { name })
}
