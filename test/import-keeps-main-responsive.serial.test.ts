// The whole way from what the reviewer gave to a stored article, as main runs it (the importArticle handler): parsing in
// the worker, then the store checking and writing the new article in slices. A 5 ms timer in this thread, standing for
// main's event loop, must not wait more than 50 ms. Run on its own (vitest.serial.config.mts), so that other test files
// running at the same time do not take the CPU this measures.
import { afterEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../src/core/api'
import { createHandlers, type Services } from '../src/main/handlers'
import { openServices } from '../src/main/services'
import { watchEventLoop } from './helpers/event-loop'
import { dataDir, tempDir } from './helpers/temp-dir'

const opened: Services[] = []
afterEach(async () => {
  for (const services of opened.splice(0)) await services.workspace.close()
})

async function handlers(): Promise<Handlers> {
  const services = await openServices({
    workspaceDir: await tempDir(),
    dataDir,
    openExternal: async () => {},
    chooseSavePath: async () => null,
    printPdf: async () => new Uint8Array()
  })
  opened.push(services)
  return createHandlers(services)
}


const paragraph = (i: number) => `Paragraph ${i}: exports grew by ${i % 90} per cent in the first half of the year, the ministry said.`
const file = (name: string, text: string) => ({ kind: 'file' as const, name, base64: Buffer.from(text).toString('base64') })
function nestedPage(bytes: number): string {
  const units: string[] = []
  for (let size = 0; size < bytes; ) {
    const unit = `<div><p>${paragraph(units.length)}</p>`
    units.push(unit)
    size += unit.length + 6
  }
  return `<!doctype html><html><body>${units.join('')}${'</div>'.repeat(units.length)}</body></html>`
}

describe('importing never holds main’s event loop for more than 50 ms', () => {
  it.each([
    ['800 nested divs', () => file('deep.html', `<html><body>${'<div>'.repeat(800)}<p>At the bottom.</p>${'</div>'.repeat(800)}</body></html>`)],
    ['100,000 nested elements', () => file('deeper.html', `<html><body>${'<span>'.repeat(100_000)}At the bottom.${'</span>'.repeat(100_000)}</body></html>`)],
    ['a 5 MB page nested to the bottom', () => file('nested.html', nestedPage(5 * 1024 * 1024))],
    ['200,000 tiny paragraphs (refused)', () => file('tiny.html', `<html><body>${'<p>x</p>'.repeat(200_000)}</body></html>`)],
    ['a 5 MB paste', () => ({ kind: 'paste' as const, text: Array.from({ length: 48_000 }, (_, i) => paragraph(i)).join('\n\n') })]
  ])('%s', { timeout: 60_000 }, async (_name, source) => {
    const api = await handlers()
    await api.importArticle({ kind: 'paste', text: 'A first import starts the worker.' })
    const given = source()
    // Three imports of the same source. A step of ours that held the loop would show in every one; on a 2-core machine
    // the importer's own garbage collection (its helper threads are not lowered in priority) sometimes delays a timer
    // once, so the middle one must be under 50 ms and none may come near a frozen window.
    const gaps: number[] = []
    for (let run = 0; run < 3; run++) {
      const { value: result, longestGapMs } = await watchEventLoop(() => api.importArticle(given))
      expect(result.ok || /at most 100,000/.test(result.error.message)).toBe(true)
      gaps.push(longestGapMs)
    }
    gaps.sort((a, b) => a - b)
    expect(gaps[1], `longest gaps ${gaps.map(Math.round).join(', ')} ms`).toBeLessThan(50)
    expect(gaps[2]).toBeLessThan(100)
  })
})
