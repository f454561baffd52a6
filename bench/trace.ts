// Diagnostic only: where the renderer's main thread spends an open, from a Chromium trace. Self time of
// each trace event between two user-timing marks, grouped into script / style / layout / paint / GC.

import { readFile } from 'node:fs/promises'

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'blink']

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: Record<string, unknown> & { name?: string; beginData?: Record<string, unknown> }
}

function category(name: string): string {
  if (/GC|Scavenge|MarkCompact|Sweep/i.test(name)) return 'gc'
  if (/UpdateLayoutTree|updateStyle|recalcStyle|rebuildLayoutTree|Style/i.test(name)) return 'style'
  if (/Layout|Shape|layout/.test(name)) return 'layout'
  if (/Paint|Layerize|Commit|Raster|CompositingInputs|UpdateLayer|Composit/i.test(name)) return 'paint'
  if (/FunctionCall|EvaluateScript|RunMicrotasks|v8\.|V8\.|Compile|TimerFire|FireAnimationFrame|EventDispatch|ParseHTML|evaluateModule|Script/i.test(name)) return 'script'
  return 'other'
}

export interface TraceBreakdown {
  windowMs: number
  byCategory: Record<string, number>
  topEvents: { name: string; selfMs: number }[]
  layoutObjects: number | null
  styleElements: number | null
}

/** Self time per category on the renderer main thread between the marks `from` and `to`. */
export async function breakdown(path: string, from: string, to: string): Promise<TraceBreakdown | null> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? [])
  const markOf = (name: string) => events.find((e) => e.name === name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b' || e.ph === 'X'))
  const startMark = markOf(from)
  const endMark = markOf(to)
  if (!startMark || !endMark) return null
  const start = startMark.ts
  const end = endMark.ts
  // The page's main thread: the one the marks were made on (other renderers' main threads may be in the trace).
  const mains = new Set([`${startMark.pid}:${startMark.tid}`])
  const xs = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`) && e.ts + e.dur! > start && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  // Self time: each event's duration (clipped to the window) minus its children's.
  const self = new Map<TraceEvent, number>()
  const stack: TraceEvent[] = []
  const clip = (e: TraceEvent) => Math.max(0, Math.min(e.ts + e.dur!, end) - Math.max(e.ts, start))
  for (const e of xs) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop()
    const parent = stack.at(-1)
    if (parent && parent.pid === e.pid && parent.tid === e.tid) self.set(parent, (self.get(parent) ?? 0) - clip(e))
    self.set(e, (self.get(e) ?? 0) + clip(e))
    stack.push(e)
  }
  const byCategory: Record<string, number> = {}
  const byName = new Map<string, number>()
  for (const [e, us] of self) {
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue // idle-ish wrappers: counted as 'other' below
    const c = category(e.name)
    byCategory[c] = (byCategory[c] ?? 0) + us / 1000
    byName.set(e.name, (byName.get(e.name) ?? 0) + us / 1000)
  }
  const layout = xs.filter((e) => e.name === 'Layout').map((e) => Number(e.args?.beginData?.totalObjects ?? 0))
  const style = xs.filter((e) => e.name === 'UpdateLayoutTree').map((e) => Number((e.args as { elementCount?: number } | undefined)?.elementCount ?? 0))
  return {
    windowMs: (end - start) / 1000,
    byCategory,
    topEvents: [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, selfMs]) => ({ name, selfMs })),
    layoutObjects: layout.length ? Math.max(...layout) : null,
    styleElements: style.length ? Math.max(...style) : null
  }
}
