// npx tsx test/numbers/score-cases.ts — precision and recall of the checker's verdicts on the arithmetic cases.
// --held-out: the second set (cases-held-out.ts); --fresh: the third (cases-fresh.ts); --all: all three. With --verbose, every case that does not come out as expected, with the checker's explanations.

import { CASES, type ArithmeticCase } from './cases'
import { FRESH } from './cases-fresh'
import { HELD_OUT } from './cases-held-out'
import { runCase, score } from './score'

const verbose = process.argv.includes('--verbose')
const which = process.argv.includes('--held-out') ? 'held-out' : process.argv.includes('--fresh') ? 'fresh' : process.argv.includes('--all') ? 'all' : 'main'
const set: ArithmeticCase[] =
  which === 'held-out' ? HELD_OUT : which === 'fresh' ? FRESH : which === 'all' ? [...CASES, ...HELD_OUT, ...FRESH] : CASES
console.log(`${which} set: ${set.length} cases`)
const results = set.map(runCase)
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
for (const status of ['inconsistent', 'consistent', 'not-checkable'] as const) {
  const s = score(results, status)
  console.log(
    `${status.padEnd(14)} precision ${pct(s.precision)} (${s.truePositives}/${s.truePositives + s.falsePositives})  recall ${pct(s.recall)} (${s.truePositives}/${s.truePositives + s.falseNegatives})`
  )
}
const failed = results.filter((r) => !r.ok)
console.log(`${results.length - failed.length}/${results.length} cases as expected`)
for (const r of failed) {
  const c = set.find((x) => x.id === r.id)!
  const fmt = (l: { kind: string; status: string }[]): string => (l.length ? l.map((f) => `${f.kind}:${f.status}`).join(', ') : 'none')
  console.log(`- ${r.id}${c.failing ? ' (known: ' + c.failing + ')' : ''}: expected ${fmt(r.expected)}, got ${fmt(r.got)}`)
  if (verbose) for (const f of r.findings) console.log(`    ${f.explanation}`)
}
