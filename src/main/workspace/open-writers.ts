// Each log being written keeps its file open, so a change costs one write. A process that touches many articles
// (a CLI run importing a folder of them) would run out of file handles, so at most MAX stay open: the one used
// longest ago is closed, and opened again (at its known end) when next written to.

const MAX = 64

interface Closable {
  closeWriter(): Promise<void>
}

const open = new Set<Closable>()

/** `folder` is writing now: it becomes the most recently used; the least recently used beyond MAX is closed. */
export function usedWriter(folder: Closable): void {
  open.delete(folder)
  open.add(folder)
  if (open.size <= MAX) return
  const oldest = open.values().next().value!
  open.delete(oldest)
  void oldest.closeWriter()
}

export function closedWriter(folder: Closable): void {
  open.delete(folder)
}
