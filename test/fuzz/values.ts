// The values a fuzzed call is made of: what a renderer bug or a script in the window could send. Big values are made
// once (a 10 MB string is not generated for each run); generators pick among them.
import fc from 'fast-check'

const MB = 1024 * 1024

/** Objects that try to reach Object.prototype: as JSON.parse (and Electron's structured clone) make them, own keys. */
export const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"__proto__": {"polluted": "yes"}, "id": "abc", "articleId": "abc", "type": "claim.setTags"}'),
  Object.assign(Object.create(null), { polluted: 'yes', toString: 'not a function' })
]

/** A chain of nested objects or arrays `depth` deep. */
function nested(depth: number, array: boolean): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value }
  return value
}

export const DEEP: unknown[] = [nested(40, false), nested(10_000, true), nested(10_000, false)]

/** Strings that are hard on text handling: lone surrogates, controls, direction overrides, markup, huge ones. */
export const HARD_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  '\t\n\r',
  '\ud800',
  'a\udc00b',
  '\ud83d',
  '\u202egnp.exe',
  '\u2066isolate\u2069',
  '\ufeffbom',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'toString',
  '🇧🇾🇰🇿👨‍👩‍👧‍👦',
  'e\u0301\u0302\u0303',
  'x'.repeat(10_000),
  'word '.repeat(5_000),
  'y'.repeat(MB),
  'z'.repeat(10 * MB)
]

export const URLS: string[] = [
  'https://www.belstat.gov.by/en/',
  'http://example.org/a?b=c#d',
  'www.example.org/page',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'https://user:pass@example.org/',
  'https://example.org\u0000.evil/',
  'https://example.org/\u202egnp',
  'https://example.org:65536/',
  'http://[::1',
  'not a url',
  'https://',
  `https://example.org/${'a'.repeat(5_000)}`,
  `https://example.org/${'b'.repeat(10 * MB)}`
]

const NUMBERS: unknown[] = [0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, -0]

/** Any value at all: JSON-ish, the odd ones above, or fast-check's own. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTERS, ...DEEP) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HARD_STRINGS, ...URLS, ...NUMBERS, null, undefined, true, [], {}) }
)

/** A string as a field might hold: mostly ordinary, sometimes one of the hard ones. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HARD_STRINGS) }
)

/** Sometimes a value of the wrong kind in place of a well-formed one. */
export function orWrong<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: anyValue })
}

export const url: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...URLS) }, { weight: 1, arbitrary: fc.webUrl() }, { weight: 1, arbitrary: text })
