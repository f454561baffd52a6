/**
 * Runs `run` while a 5 ms timer watches this thread's event loop (standing for main's): how long it took, and the longest
 * the timer had to wait between two ticks. A thread that never blocks keeps that near 5 ms.
 */
export async function watchEventLoop<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; longestGapMs: number }> {
  let last = performance.now()
  let longestGapMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longestGapMs = Math.max(longestGapMs, now - last)
    last = now
  }, 5)
  const started = performance.now()
  try {
    const value = await run()
    return { value, ms: performance.now() - started, longestGapMs: Math.max(longestGapMs, performance.now() - last) }
  } finally {
    clearInterval(timer)
  }
}
