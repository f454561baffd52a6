import { execSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
export interface Summary {
  median: number
  min: number
  max: number
  n: number
  samples: number[]
}

export function summarize(samples: readonly number[]): Summary | null {
  const xs = samples.filter((x) => Number.isFinite(x))
  if (xs.length === 0) return null
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median: round(median, 2), min: round(sorted[0]!, 2), max: round(sorted.at(-1)!, 2), n: xs.length, samples: xs.map((x) => round(x, Math.abs(x) < 10 ? 2 : 1)) }
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const round = (x: number, digits = 1) => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** "123.4 (120.1–130.9)" */
export function fmt(s: Summary | null | undefined, digits = 1): string {
  if (!s) return '—'
  const r = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits))
  return s.n > 1 ? `${r(s.median)} (${r(s.min)}–${r(s.max)})` : r(s.median)
}

/** The middle sample (the upper of the two middle ones for an even count), as the Node benches report it. */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

/** What a result was measured at and on: the commit, and this machine's processor, memory and Node; and when. */
export function provenance(): { commit: string; machine: string; at: string } {
  const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()
  const machine = `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`
  return { commit, machine, at: new Date().toISOString() }
}
