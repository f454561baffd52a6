const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789' // no look-alikes (l/1, o/0): ids get typed into the CLI

/** A short random id, e.g. `k7m2x9qa4t`. Uses the Web Crypto API, present in Node and in browsers. */
export function newId(length = 10): string {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let id = ''
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length]
  return id
}
