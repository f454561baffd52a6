// A checkpoint's checksum covers the file's text except its own line, so any change made outside Factmark (an edit
// by hand, a tool that rewrites the file) shows. The checksum line is always the last member, written by us.
import { createHash } from 'node:crypto'
import { nextTurn } from '../next-turn'

const SLICE_CHARS = 256 * 1024
const CHECKSUM_TAIL = /,\n {2}"checksum": "([^"\n]*)"\n\}\n?$/

/** The hash of pieces that, joined, are the text the checksum covers; the event loop breathes between pieces. */
export async function checksumOf(pieces: readonly string[]): Promise<string> {
  const hash = createHash('sha256')
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i += SLICE_CHARS) {
      hash.update(piece.slice(i, i + SLICE_CHARS))
      await nextTurn()
    }
  }
  return `sha256-${hash.digest('hex')}`
}

/**
 * Pieces of `JSON.stringify(body, null, 2)` (pretty JSON of an object) turned into the file's text: the checksum of
 * that JSON added as its last member.
 */
export function withChecksum(pieces: readonly string[], checksum: string): string[] {
  const copy = [...pieces]
  // The closing "\n}" may straddle the last two pieces.
  while (copy.length > 1 && copy.at(-1)!.length < 2) copy.splice(-2, 2, copy.at(-2)! + copy.at(-1)!)
  const last = copy.pop() ?? ''
  if (!last.endsWith('\n}')) throw new Error('a checkpoint is a JSON object')
  return [...copy, `${last.slice(0, -2)},\n  "checksum": ${JSON.stringify(checksum)}\n}\n`]
}

/** Whether a file's text carries the checksum of the rest of it (false for one without a checksum line). */
export async function checksumHolds(text: string): Promise<boolean> {
  const match = CHECKSUM_TAIL.exec(text)
  if (!match) return false
  const covered = `${text.slice(0, match.index)}\n}`
  return (await checksumOf([covered])) === match[1]
}
