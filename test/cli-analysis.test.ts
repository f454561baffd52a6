import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { SUGGEST_THRESHOLD } from '../src/core/suggest'
import { fixturePath, tempDir } from './helpers/temp-dir'

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env })
  return { code, out, err }
}

const SAMPLE = fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt')

describe('factmark suggest', () => {
  it('--json gives every sentence of a text file in order, with offsets into the file’s own text', async () => {
    const text = await readFile(SAMPLE, 'utf8')
    const { code, out, err } = await cli(['suggest', SAMPLE, '--json'])
    expect({ code, err }).toEqual({ code: 0, err: [] })
    const sentences = JSON.parse(out.join('\n')) as { start: number; end: number; text: string; score: number; kinds: string[] }[]
    expect(sentences.length).toBeGreaterThan(20)
    for (const [i, s] of sentences.entries()) {
      expect(Object.keys(s).sort()).toEqual(['end', 'kinds', 'score', 'start', 'text'])
      expect(text.slice(s.start, s.end)).toBe(s.text)
      expect(s.score).toBeGreaterThanOrEqual(0)
      expect(s.score).toBeLessThanOrEqual(1)
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end)
    }
    const trade = sentences.find((s) => s.text.includes('$294.6 million'))!
    expect(trade.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD)
    expect(trade.kinds).toContain('quantity')
  })

  it('prints score, whether to check, reasons and sentence, one line each; an article of a workspace too', async () => {
    const plain = await cli(['suggest', SAMPLE])
    expect(plain.code).toBe(0)
    const trade = plain.out.find((l) => l.includes('$294.6 million'))!
    expect(trade).toMatch(/^[01]\.\d{3}\tcheck\t[^\t]*quantity[^\t]*\tIn January-June the trade soared/)

    const dir = await tempDir()
    const imported = await cli(['import', SAMPLE, '--workspace', dir, '--title', 'Trade talk'])
    const article = await cli(['suggest', 'Trade talk', '--workspace', dir, '--json'])
    expect(article.code).toBe(0)
    const sentences = JSON.parse(article.out.join('\n')) as { text: string }[]
    expect(sentences.some((s) => s.text.includes('eight joint plants'))).toBe(true)
    expect(imported.code).toBe(0)
  })

  it('bad input: a missing file, binary bytes, an empty file: one line on stderr, non-zero', async () => {
    const dir = await tempDir()
    const missing = await cli(['suggest', join(dir, 'nowhere.txt')])
    expect(missing.code).not.toBe(0)
    expect(missing.err).toHaveLength(1)
    expect(missing.err[0]).toMatch(/^factmark: no file ".*nowhere\.txt"/)

    const binary = join(dir, 'image.txt')
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10, 0x00, 0x00, 0x01]))
    const refused = await cli(['suggest', binary])
    expect(refused.code).not.toBe(0)
    expect(refused.err).toHaveLength(1)
    expect(refused.err[0]).toMatch(/^factmark: .+/)

    const empty = join(dir, 'empty.txt')
    await writeFile(empty, '')
    expect(await cli(['suggest', empty, '--json'])).toEqual({ code: 1, out: [], err: ['factmark: empty.txt is empty.'] })
    expect((await cli(['suggest'])).code).toBe(2)
  })
})

describe('factmark check-numbers', () => {
  it('finds the trade sum consistent, and a changed copy inconsistent with the computed total', async () => {
    const ok = await cli(['check-numbers', SAMPLE, '--json'])
    expect(ok.code).toBe(0)
    const findings = JSON.parse(ok.out.join('\n')) as { status: string; kind: string; computed?: number; quantities: { start: number; end: number; text: string; value: number }[] }[]
    const sum = findings.find((f) => f.kind === 'sum' && f.quantities.some((q) => q.text.includes('252.6')))!
    expect(sum.status).toBe('consistent')
    const text = await readFile(SAMPLE, 'utf8')
    for (const q of sum.quantities) expect(text.slice(q.start, q.end)).toBe(q.text)

    const dir = await tempDir()
    const changed = join(dir, 'changed.txt')
    await writeFile(changed, text.replace('the imports reached $42 million', 'the imports reached $52 million'))
    const bad = await cli(['check-numbers', changed, '--json'])
    const wrong = (JSON.parse(bad.out.join('\n')) as typeof findings).find((f) => f.kind === 'sum')!
    expect(wrong.status).toBe('inconsistent')
    expect(wrong.computed).toBeCloseTo(304.6e6, 0)

    const plain = await cli(['check-numbers', changed])
    expect(plain.out.some((l) => /^✗ inconsistent\tsum\t.*304\.6/.test(l))).toBe(true)
  })
})
