// When checkpoints are written: never on the path of a change, but in the background after every 200 operations an
// article took in, 5 seconds after the first one since the last checkpoint, when the checkpoint on disk is unusable,
// and on close. One write at a time per article; a write that fails is tried again at the next occasion (the logs
// hold everything, so a missing checkpoint only costs a longer open).
import type { StoredArticle } from './stored-article'
import { nextTurn } from '../next-turn'

export const CHECKPOINT_EVERY_OPS = 200
export const CHECKPOINT_AFTER_MS = 5000

export class CheckpointSchedule {
  readonly #chains = new Map<string, Promise<void>>()
  readonly #timers = new Map<string, NodeJS.Timeout>()
  readonly #again = new Set<string>()
  #stopped = false

  constructor(private readonly options: { everyOps: number; afterMs: number } = { everyOps: CHECKPOINT_EVERY_OPS, afterMs: CHECKPOINT_AFTER_MS }) {}

  /** An article took in operations (or its checkpoint turned out unusable). */
  touched(article: StoredArticle): void {
    if (this.#stopped || article.readOnly) return
    if (article.stale || article.pending >= this.options.everyOps) return void this.write(article)
    if (article.pending > 0 && !this.#timers.has(article.id)) {
      const timer = setTimeout(() => {
        this.#timers.delete(article.id)
        void this.write(article)
      }, this.options.afterMs)
      timer.unref()
      this.#timers.set(article.id, timer)
    }
  }

  /** Waits for a write in progress (before the article's folder is moved). */
  async settled(id: string): Promise<void> {
    await this.#chains.get(id)
  }

  /** At close: stops scheduling, then writes every article whose checkpoint lacks operations, and waits. */
  async flush(articles: Iterable<StoredArticle>): Promise<void> {
    this.stop()
    await Promise.all(this.#chains.values())
    for (const article of articles) if (article.pending > 0 || article.stale) void this.write(article)
    await Promise.all(this.#chains.values())
  }

  stop(): void {
    this.#stopped = true
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
  }

  forget(id: string): void {
    clearTimeout(this.#timers.get(id))
    this.#timers.delete(id)
    this.#again.delete(id)
  }

  /** One write at a time per article: asked for while one runs, it is considered again once that one is done. */
  private write(article: StoredArticle): Promise<void> {
    this.forget(article.id)
    const running = this.#chains.get(article.id)
    if (running) {
      this.#again.add(article.id)
      return running
    }
    const next = (async () => {
      // Not in the turn of the change that asked for it: that change's caller gets its answer first.
      await nextTurn()
      if (!article.readOnly && (article.pending > 0 || article.stale)) await article.writeCheckpoint().catch(() => {})
    })().finally(() => {
      this.#chains.delete(article.id)
      if (this.#again.delete(article.id)) this.touched(article)
    })
    this.#chains.set(article.id, next)
    return next
  }
}
