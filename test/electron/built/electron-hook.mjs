// A module resolve hook (node:module `register`): wherever the built main imports 'electron', it gets the typed double.
// Plain JavaScript because it runs in Node's loader thread, before any TypeScript loader could be relied on.
const DOUBLE = new URL('../../doubles/electron.ts', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: DOUBLE, format: 'module', shortCircuit: true }
  return nextResolve(specifier, context)
}
