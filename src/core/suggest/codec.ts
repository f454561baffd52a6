// How weights travel in weights.json: the used buckets of a hashed weight vector as base64 of
// (varint gaps between bucket indices) and (Int16 little-endian quantised weights, weight = q * scale).
// Pure: no Buffer, no atob, so it runs the same in Node, the renderer and a worker.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i

export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + '=='
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + '='
  }
  return out
}

export function decodeBase64(text: string): Uint8Array {
  let length = text.length
  while (length > 0 && text.charCodeAt(length - 1) === 61) length-- // '='
  if (length % 4 === 1) throw new Error('weights: base64 cut short')
  const out = new Uint8Array(Math.floor((length * 3) / 4))
  let bad = 0 // any character outside the alphabet makes this negative
  let o = 0
  let i = 0
  for (; i + 3 < length; i += 4) {
    const a = DECODE[text.charCodeAt(i) & 127]! | (text.charCodeAt(i) & ~127 ? -1 : 0)
    const b = DECODE[text.charCodeAt(i + 1) & 127]! | (text.charCodeAt(i + 1) & ~127 ? -1 : 0)
    const c = DECODE[text.charCodeAt(i + 2) & 127]! | (text.charCodeAt(i + 2) & ~127 ? -1 : 0)
    const d = DECODE[text.charCodeAt(i + 3) & 127]! | (text.charCodeAt(i + 3) & ~127 ? -1 : 0)
    bad |= a | b | c | d
    const n = (a << 18) | (b << 12) | (c << 6) | d
    out[o++] = n >>> 16
    out[o++] = (n >>> 8) & 255
    out[o++] = n & 255
  }
  const rest = length - i
  if (rest >= 2) {
    const a = DECODE[text.charCodeAt(i) & 127]! | (text.charCodeAt(i) & ~127 ? -1 : 0)
    const b = DECODE[text.charCodeAt(i + 1) & 127]! | (text.charCodeAt(i + 1) & ~127 ? -1 : 0)
    const c = rest === 3 ? DECODE[text.charCodeAt(i + 2) & 127]! | (text.charCodeAt(i + 2) & ~127 ? -1 : 0) : 0
    bad |= a | b | c
    const n = (a << 18) | (b << 12) | (c << 6)
    out[o++] = n >>> 16
    if (rest === 3) out[o++] = (n >>> 8) & 255
  }
  if (bad < 0) throw new Error('weights: not base64')
  return out
}

export interface PackedWeights {
  /** base64 of the varint gaps between successive used bucket indices */
  index: string
  /** base64 of Int16 little-endian quantised weights, one per used bucket */
  value: string
  scale: number
}

/** Pack a dense weight vector, keeping the buckets whose quantised weight is not 0. */
export function packWeights(dense: ArrayLike<number>): PackedWeights {
  let max = 0
  for (let i = 0; i < dense.length; i++) max = Math.max(max, Math.abs(dense[i]!))
  const scale = max > 0 ? max / 32767 : 1
  const gaps: number[] = []
  const values: number[] = []
  let last = -1
  for (let i = 0; i < dense.length; i++) {
    const q = Math.round(dense[i]! / scale)
    if (q === 0) continue
    let gap = i - last
    last = i
    while (gap >= 128) {
      gaps.push((gap & 127) | 128)
      gap >>>= 7
    }
    gaps.push(gap)
    values.push(q)
  }
  const valueBytes = new Uint8Array(values.length * 2)
  values.forEach((q, k) => {
    valueBytes[2 * k] = q & 255
    valueBytes[2 * k + 1] = (q >> 8) & 255
  })
  return { index: encodeBase64(Uint8Array.from(gaps)), value: encodeBase64(valueBytes), scale }
}

/** The dense Float32 weight vector of `size` buckets. */
export function unpackWeights(packed: PackedWeights, size: number): Float32Array {
  const dense = new Float32Array(size)
  const gaps = decodeBase64(packed.index)
  const values = decodeBase64(packed.value)
  let at = -1
  let g = 0
  for (let k = 0; 2 * k + 1 < values.length; k++) {
    let gap = 0
    let shift = 0
    for (;;) {
      const b = gaps[g++]!
      gap |= (b & 127) << shift
      if (b < 128) break
      shift += 7
    }
    at += gap
    let q = values[2 * k]! | (values[2 * k + 1]! << 8)
    if (q >= 32768) q -= 65536
    if (at < 0 || at >= size) throw new Error('weights: a bucket index is out of range')
    dense[at] = q * packed.scale
  }
  return dense
}
