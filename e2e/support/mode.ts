import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type AppMode = 'electron' | 'chromium'

export const projectRoot = join(import.meta.dirname, '..', '..')

/**
 * The real Electron app where its binary is installed; otherwise Chromium with the same handlers bound into the page.
 * FACTMARK_E2E_MODE=electron|chromium forces one.
 */
export function detectMode(): { mode: AppMode; why: string } {
  const forced = process.env.FACTMARK_E2E_MODE
  if (forced === 'electron' || forced === 'chromium') return { mode: forced, why: 'FACTMARK_E2E_MODE' }
  const binary = electronBinary()
  return binary
    ? { mode: 'electron', why: `Electron binary at ${binary}` }
    : { mode: 'chromium', why: 'the Electron binary is not installed (it downloads on first launch, which needs the network)' }
}

/** Where node_modules/electron keeps its binary, if it has been downloaded. Never triggers the download. */
export function electronBinary(): string | null {
  const pkg = join(projectRoot, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

/** Chromium flags for this machine: no network chatter (refused here), no GPU, no OS sandbox (we run as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

/** Debian's Chromium when present; else Playwright's own (null lets Playwright choose). */
export function chromiumExecutable(): string | undefined {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
}
