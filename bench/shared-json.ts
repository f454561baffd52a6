// The bench's transport of main's answers into the page: JSON text (Playwright's own serialisation of a 10 MB object
// graph takes tens of seconds), but keeping what Electron's IPC keeps: its structured clone sends an object met twice
// once, and the window gets one object for both places (the article's claims and the log's creations share theirs).
// An object met more than once is written the first time as { "$id": n, "$v": … } and after that as { "$ref": n };
// the page reads it back with SHARED_JSON_READER. Factmark's documents have no keys "$id", "$v" or "$ref".

/** `value` as JSON text with its shared objects written once. */
export function sharedJson(value: unknown): string {
  const seen = new Set<object>()
  const shared = new Set<object>()
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return
    if (seen.has(v)) {
      shared.add(v)
      return
    }
    seen.add(v)
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child)
  }
  visit(value)
  if (shared.size === 0) return JSON.stringify(value)
  const ids = new Map<object, number>()
  const wrappers = new WeakSet<object>()
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    if (typeof v !== 'object' || v === null || !shared.has(v)) return v
    if (key === '$v' && wrappers.has(this as object)) return v // the first time, inside its own wrapper
    const id = ids.get(v)
    if (id !== undefined) return { $ref: id }
    ids.set(v, ids.size)
    const wrapper = { $id: ids.size - 1, $v: v }
    wrappers.add(wrapper)
    return wrapper
  })
}

/** The page's reader of sharedJson's text (plain JavaScript: it runs in the page). */
export const SHARED_JSON_READER = `(json) => {
  if (json.indexOf('"$ref":') < 0) return JSON.parse(json);
  const ids = [];
  return JSON.parse(json, function (key, value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    if ('$ref' in value) return ids[value.$ref];
    if ('$id' in value && '$v' in value) { ids[value.$id] = value.$v; return value.$v; }
    return value;
  });
}`
