import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileDurably } from './durable-write'

/** A lowdb adapter for one pretty-printed JSON file, written durably and one write at a time. */
export class DurableJsonFile<T> implements Adapter<T> {
  #queue: Promise<unknown> = Promise.resolve()

  constructor(readonly path: string) {}

  /** Null when the file does not exist; throws on unreadable or malformed JSON (the caller decides what to do). */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return JSON.parse(text) as T
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2) + '\n'
    const next = this.#queue.then(() => writeFileDurably(this.path, text))
    this.#queue = next.catch(() => {})
    return next
  }
}
