// How long the suggestions take: loading the model, and scoring every sentence of a 1 MB article.
//   npx tsx training/bench-suggest.ts
// The article is made of varied news sentences (the sample BelTA article and the dev sentences, shuffled by a
// fixed rule), one paragraph a line, as scoreText reads pasted text.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

const t0 = performance.now()
const suggest = await import('../src/core/suggest/index')
const importMs = performance.now() - t0
const t1 = performance.now()
suggest.loadSuggestModel()
const loadMs = performance.now() - t1

const article = readFileSync(here('../test/fixtures/belta-2017-08-14-belarus-kazakhstan-trade.txt'), 'utf8').split('\n')
const dev = readFileSync(here('./checkworthiness/dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text)
const pool = [...article.flatMap((p) => p.split(/(?<=[.!?”"])\s+/)), ...dev]
const lines: string[] = []
let size = 0
for (let i = 0; size < 1_000_000; i++) {
  const paragraph = Array.from({ length: 3 + (i % 5) }, (_, k) => pool[(i * 31 + k * 17) % pool.length]).join(' ')
  lines.push(paragraph)
  size += paragraph.length + 1
}
const text = lines.join('\n')

const runs: number[] = []
let sentences = 0
for (let r = 0; r < 5; r++) {
  const start = performance.now()
  sentences = suggest.scoreText(text).length
  runs.push(performance.now() - start)
}
const sorted = [...runs].sort((a, b) => a - b)
console.log(
  JSON.stringify(
    {
      chars: text.length,
      sentences,
      importMs: Math.round(importMs),
      loadMs: Math.round(loadMs * 10) / 10,
      firstRunMs: Math.round(runs[0]!),
      medianMs: Math.round(sorted[2]!),
      runsMs: runs.map(Math.round)
    },
    null,
    2
  )
)
