import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { FactmarkError } from '../../core/errors'
import { bodyFromPlainText, findDateline } from '../../core/plain-text'
import type { NewArticle } from '../workspace/workspace'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
const TEXT_EXTENSIONS = new Set(['.txt', '.text'])

/** Reads a UTF-8 plain-text file into a new article; refuses empty, binary, oversized and non-UTF-8 files. */
export async function importTextFile(path: string, options: { title?: string } = {}): Promise<NewArticle> {
  const name = basename(path)
  const ext = extname(path).toLowerCase()
  if (!TEXT_EXTENSIONS.has(ext)) {
    throw new FactmarkError('unsupported-type', `${name}: unsupported file type "${ext || 'none'}"; Factmark imports .txt files.`)
  }
  let size: number
  try {
    size = (await stat(path)).size
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new FactmarkError(code === 'ENOENT' ? 'not-found' : 'io', `${name}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  if (size > MAX_IMPORT_BYTES) throw new FactmarkError('too-large', `${name} is ${(size / 1048576).toFixed(1)} MB; the limit is 20 MB.`)
  const text = decodeText(await readFile(path), name)
  return articleFromText(text, { title: options.title, origin: { kind: 'file', name } })
}

export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new FactmarkError('empty', `${name} is empty.`)
  if (bytes.includes(0)) throw new FactmarkError('binary', `${name} looks like a binary file, not text.`)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new FactmarkError('encoding', `${name} is not UTF-8 text; save it as UTF-8 and import it again.`)
  }
}

export function articleFromText(text: string, meta: { title?: string; origin: NewArticle['origin'] }): NewArticle {
  const body = bodyFromPlainText(text)
  if (body.blocks.length === 0) throw new FactmarkError('empty', `${meta.origin.name ?? 'The text'} has no text.`)
  const first = body.text.slice(body.blocks[0]!.start, body.blocks[0]!.end)
  return {
    title: meta.title?.trim() || titleFromName(meta.origin.name) || first.slice(0, 80),
    body,
    origin: meta.origin,
    dateline: findDateline(first)
  }
}

/** "belta-2017-08-14-trade.txt" → "belta 2017 08 14 trade": better than nothing when no title is given. */
function titleFromName(name: string | undefined): string {
  return name ? basename(name, extname(name)).replace(/[-_]+/g, ' ').trim() : ''
}
