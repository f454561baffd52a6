// JSON.stringify(value, null, 2) (or, for log lines, JSON.stringify(value)), byte for byte, without holding the event loop: a 5 MB article with 50,000 blocks
// takes ~60 ms to serialise, which would freeze the window if done in one go. The walk gives the loop back every few
// milliseconds. Small parts (a block, a note, a source) are serialised in one call; only the big containers are walked.

import { nextTurn } from '../next-turn'

const SLICE_MS = 8

/** The same text in one string (tests, small files); `jsonInSlices` gives it in pieces, for writing. */
export async function stringifyInSlices(value: unknown, sliceMs = SLICE_MS): Promise<string> {
  return (await jsonInSlices(value, sliceMs)).join('')
}

/** Pieces of ~256 KB that, joined, are JSON.stringify(value, null, 2): a big file is written piece by piece. */
export function jsonInSlices(value: unknown, sliceMs = SLICE_MS): Promise<string[]> {
  return serialize(value, sliceMs, true)
}

/** Pieces that, joined, are JSON.stringify(value): one line of a log (an imported article's creation can be megabytes). */
export function compactJsonInSlices(value: unknown, sliceMs = SLICE_MS): Promise<string[]> {
  return serialize(value, sliceMs, false)
}

async function serialize(value: unknown, sliceMs: number, pretty: boolean): Promise<string[]> {
  const pieces: string[] = []
  let pending: string[] = []
  let pendingLength = 0
  const out = {
    push(text: string) {
      pending.push(text)
      pendingLength += text.length
      if (pendingLength >= PIECE_CHARS) flush()
    }
  }
  const flush = () => {
    if (pending.length) pieces.push(pending.join(''))
    pending = []
    pendingLength = 0
  }
  let deadline = performance.now() + sliceMs
  const breathe = async () => {
    if (performance.now() < deadline) return
    await nextTurn()
    deadline = performance.now() + sliceMs
  }

  /** Whether a value is walked piece by piece (big containers near the top) or serialised in one call. */
  const walked = (v: unknown, depth: number) =>
    v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 32 : depth < 2) && typeof (v as { toJSON?: unknown }).toJSON !== 'function'

  const whole = async (v: unknown, indent: string) => {
    if (typeof v === 'string' && v.length > PIECE_CHARS) return longString(v)
    // Inside a JSON string a line break is always escaped, so every raw "\n" is structure and can be re-indented.
    const text = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v)
    out.push(indent ? text.replace(/\n/g, `\n${indent}`) : text)
  }

  /** An article's text of megabytes, escaped a piece at a time, never splitting a surrogate pair. */
  const longString = async (text: string) => {
    out.push('"')
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + PIECE_CHARS)
      const last = text.charCodeAt(end - 1)
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
      out.push(JSON.stringify(text.slice(start, end)).slice(1, -1))
      start = end
      await breathe()
    }
    out.push('"')
  }

  const write = async (v: unknown, indent: string, depth: number): Promise<void> => {
    if (!walked(v, depth)) return whole(v, indent)
    // Compact output has no line breaks or indentation: `indent` stays '' and the separators are bare.
    const inner = pretty ? `${indent}  ` : ''
    const open = pretty ? '\n' : ''
    const comma = pretty ? ',\n' : ','
    const close = pretty ? '\n' : ''
    if (Array.isArray(v)) {
      out.push(`[${open}`)
      // Items that are not walked go a batch per JSON.stringify call: one call per paragraph of 50,000 costs ~20 µs
      // each in awaits alone. The batch's brackets are cut off and its lines re-indented to where the items sit.
      const alone = (item: unknown) => walked(item, depth + 1) || (typeof item === 'string' && item.length > PIECE_CHARS)
      for (let i = 0; i < v.length; ) {
        if (alone(v[i])) {
          out.push(inner)
          await write(v[i], inner, depth + 1)
          i++
        } else {
          let j = i + 1
          while (j < v.length && j - i < BATCH_ITEMS && !alone(v[j])) j++
          const batch = v.slice(i, j)
          out.push(pretty ? `${indent}${JSON.stringify(batch, null, 2).slice(2, -2).replace(/\n/g, `\n${indent}`)}` : JSON.stringify(batch).slice(1, -1))
          i = j
        }
        out.push(i < v.length ? comma : close)
        await breathe()
      }
      out.push(`${indent}]`)
      return
    }
    const record = v as Record<string, unknown>
    const keys = Object.keys(record).filter((k) => record[k] !== undefined && typeof record[k] !== 'function' && typeof record[k] !== 'symbol')
    if (keys.length === 0) return void out.push('{}')
    out.push(`{${open}`)
    for (const [i, key] of keys.entries()) {
      out.push(`${inner}${JSON.stringify(key)}:${pretty ? ' ' : ''}`)
      await write(record[key], inner, depth + 1)
      out.push(i < keys.length - 1 ? comma : close)
      await breathe()
    }
    out.push(`${indent}}`)
  }

  await write(value, '', 0)
  flush()
  return pieces
}

const PIECE_CHARS = 256 * 1024
const BATCH_ITEMS = 64
