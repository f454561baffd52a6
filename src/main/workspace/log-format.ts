// A log file: a header line, then one JSON value per line, each line ending in "\n". A line without its "\n" at the
// end of a file is torn (its writer was stopped mid-write) or still being written by its writer: it is not read.
// Lines are found by their bytes ("\n" never occurs inside a UTF-8 character), so reading on from an offset is exact.

export const LOG_FORMAT = 'factmark-log'
export const LOG_VERSION = 2

export interface LogHeader {
  format: typeof LOG_FORMAT
  version: number
  replica: string
}

export const headerLine = (replica: string) => `${JSON.stringify({ format: LOG_FORMAT, version: LOG_VERSION, replica } satisfies LogHeader)}\n`

/** What a stretch of a log holds. */
export interface LogChunk<T> {
  entries: { value: T; end: number }[]
  /** Offset just past the last whole line read (the stretch's start when there was none). */
  end: number
  /** Whole lines read, the header included. */
  lines: number
  /** Bytes after the last whole line: a torn or unfinished line. */
  tornBytes: number
  /** Line numbers (1-based, in the whole file) that are not JSON or not a valid entry. */
  badLines: number[]
  /** The header's version when it is newer than this Factmark's: nothing after it is read. */
  newerVersion: number | null
  /** The first line is not a Factmark log header: nothing is read. */
  notALog: boolean
}

/**
 * Reads the whole lines of `bytes`, which start at file offset `start`, line `linesBefore` (0 at the file's start,
 * where the header is). `parse` checks an entry, returning null for one it does not accept; it is told when the
 * line ends at or before `trustedEnd` (bytes a checkpoint vouches for, by their hash), which it may take as they are.
 */
export function parseLog<T>(bytes: Buffer, start: number, linesBefore: number, parse: (value: unknown, trusted: boolean) => T | null, trustedEnd = 0): LogChunk<T> {
  const chunk: LogChunk<T> = { entries: [], end: start, lines: 0, tornBytes: 0, badLines: [], newerVersion: null, notALog: false }
  let from = 0
  for (;;) {
    const newline = bytes.indexOf(0x0a, from)
    if (newline < 0) break
    const lineNumber = linesBefore + chunk.lines + 1
    const text = bytes.toString('utf8', from, newline)
    from = newline + 1
    chunk.lines++
    chunk.end = start + from
    if (lineNumber === 1) {
      const header = parseJson(text) as Partial<LogHeader> | undefined
      if (header?.format !== LOG_FORMAT || typeof header.version !== 'number') {
        chunk.notALog = true
        return chunk
      }
      if (header.version > LOG_VERSION) {
        chunk.newerVersion = header.version
        return chunk
      }
      continue
    }
    if (text.trim() === '') continue
    const value = parseJson(text)
    const entry = value === undefined ? null : parse(value, chunk.end <= trustedEnd)
    if (entry === null) chunk.badLines.push(lineNumber)
    else chunk.entries.push({ value: entry, end: chunk.end })
  }
  chunk.tornBytes = bytes.length - from
  return chunk
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
