import { stat } from 'node:fs/promises'

/** `base + ext`, or `base-2 + ext`, `base-3 + ext`…: the first name not taken, so that nothing kept is replaced. */
export async function freeName(base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = n === 1 ? `${base}${ext}` : `${base}-${n}${ext}`
    if (!(await stat(path).then(() => true, () => false))) return path
  }
}
