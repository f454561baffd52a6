import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { fileError } from '../io-messages'
import { writeFileDurably } from './durable-write'
import { jsonInSlices } from './sliced-json'

/** A lowdb adapter for one pretty-printed JSON file, written durably and one write at a time. */
export class DurableJsonFile<T> implements Adapter<T> {
  #queue: Promise<unknown> = Promise.resolve()

  constructor(readonly path: string) {}

  /**
   * Null when the file does not exist. Throws a FactmarkError ('io') when it cannot be read, and a SyntaxError in
   * words when it is not JSON (the caller decides what to do: the store moves such a file aside).
   */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw fileError(error, this.path, 'read')
    }
    try {
      // An editor may save a byte-order mark; JSON.parse refuses it, and the file would be moved aside for nothing.
      return JSON.parse(text.replace(/^\uFEFF/, '')) as T
    } catch (error) {
      throw notJson(error, text)
    }
  }

  /** The data is serialised when its turn comes, in slices (see sliced-json.ts); lowdb's data is replaced, never changed in place. */
  write(data: T): Promise<void> {
    const next = this.#queue.then(async () => writeFileDurably(this.path, [...(await jsonInSlices(data)), '\n']))
    this.#queue = next.catch(() => {})
    return next
  }
}

/**
 * Where the JSON goes wrong, in words ("there is a mistake at line 3, column 7"). V8's own message quotes the
 * file's text, which may be long or private, so it is only read for the position.
 */
export function notJson(error: unknown, text: string): SyntaxError {
  const raw = String((error as Error)?.message)
  const match = /at position (\d+)/.exec(raw)
  const position = match ? Number(match[1]) : undefined
  const where =
    text.trim() === '' ? 'the file is empty'
    : /Unexpected end of JSON input/.test(raw) || (position !== undefined && position >= text.trimEnd().length) ? 'the file breaks off before its end'
    : position !== undefined ? `there is a mistake at ${lineAndColumn(text, position)}`
    : 'there is a mistake in it'
  const failure = new SyntaxError(where)
  failure.cause = error
  return failure
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}
