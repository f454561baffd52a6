// Reading values out of JSON nobody vouched for: every accessor answers undefined rather than throw, whatever the shape.

export type JsonObject = { [key: string]: unknown }

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** One value or a list of them (JSON-LD writes both), as a list. */
export const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value])

export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export const integer = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined

/** A JSON-LD type or purpose, with or without its prefix ("oa:TextualBody"), lower-cased. */
export const termsOf = (value: unknown): string[] =>
  listOf(value)
    .map(text)
    .filter((t): t is string => t !== undefined)
    .map((t) => t.replace(/^(?:oa:|as:|https?:\/\/www\.w3\.org\/ns\/oa#)/i, '').toLowerCase())

/** An ISO time the annotation gave, as UTC ISO; undefined when it is not one. */
export function isoTime(value: unknown): string | undefined {
  const given = text(value)
  if (!given || !/^\d{4}-\d{2}-\d{2}/.test(given)) return undefined
  const time = new Date(given)
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString()
}
