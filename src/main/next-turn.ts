// Long work in main gives the event loop a turn now and then, so that the window's requests, timers and file events
// never wait behind it for long.

/** Resolves after whatever else is waiting for main has had its turn (I/O callbacks included). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Work between turns: well under the 50 ms a reader would notice. */
export const TURN_MS = 10

/** Pieces gathered into one string up to about this size (writing them one by one never holds main long either). */
const CHUNK_CHARS = 256 * 1024

/**
 * Gathers `pieces` into chunks of about CHUNK_CHARS, giving the event loop a turn whenever TURN_MS of work has gone
 * by: the text of a long report, ready to be written chunk by chunk (joining 12 MB in one go holds main ~35 ms).
 */
export const chunksInTurns = (pieces: Iterable<string>): Promise<string[]> => finishInTurns(gatherChunks(pieces))

function* gatherChunks(pieces: Iterable<string>): Generator<void, string[]> {
  const chunks: string[] = []
  let chunk: string[] = []
  let size = 0
  for (const piece of pieces) {
    chunk.push(piece)
    size += piece.length
    if (size >= CHUNK_CHARS) {
      chunks.push(chunk.join(''))
      chunk = []
      size = 0
    }
    yield
  }
  if (chunk.length) chunks.push(chunk.join(''))
  return chunks
}

/** Runs `work` to its end, giving the event loop a turn whenever it pauses after TURN_MS of work. */
export async function finishInTurns<T>(work: Generator<unknown, T>): Promise<T> {
  let since = performance.now()
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
    if (performance.now() - since < TURN_MS) continue
    await nextTurn()
    since = performance.now()
  }
}
