// The check-worthiness data copied into the project (training/checkworthiness/, see its README).
import { readFileSync } from 'node:fs'

export interface Row {
  text: string
  label: 0 | 1
  source: string
  claimbuster_class?: 'CFS' | 'UFS' | 'NFS'
  debate?: string
}

export function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row)
}

/**
 * The event a sentence comes from, for grouped cross-validation. ClaimBuster names a debate by its date
 * ("2016-09-26.txt"), CLEF 2019 by date and name ("20160926_1pres.tsv"); three 2016 presidential debates are in
 * both sets (135, 127 and 121 shared sentences), so both copies of a debate fall in one group. The second 2016
 * debate was on 9 October; CLEF's file is dated the 10th.
 */
export function eventOf(row: Row): string {
  const debate = row.debate ?? row.source
  const dashed = /^(\d{4})-(\d{2})-(\d{2})/.exec(debate)
  if (dashed) return `${dashed[1]}${dashed[2]}${dashed[3]}`
  const compact = /^(\d{8})_/.exec(debate)
  if (compact) return compact[1] === '20161010' && debate.includes('2pres') ? '20161009' : compact[1]!
  return debate
}

/** Five (or k) folds of whole events, sizes balanced greedily, the same every run. */
export function groupedFolds(rows: readonly Row[], k: number): number[] {
  const sizes = new Map<string, number>()
  for (const row of rows) sizes.set(eventOf(row), (sizes.get(eventOf(row)) ?? 0) + 1)
  const events = [...sizes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const load = new Array<number>(k).fill(0)
  const foldOf = new Map<string, number>()
  for (const [event, size] of events) {
    let f = 0
    for (let i = 1; i < k; i++) if (load[i]! < load[f]!) f = i
    foldOf.set(event, f)
    load[f]! += size
  }
  return rows.map((row) => foldOf.get(eventOf(row))!)
}
