import type { FactmarkApi } from '../../core/api'

declare global {
  interface Window {
    /** Built by the preload (or, in Chromium e2e mode, by the test fixture) from the IPC contract. */
    readonly factmark: FactmarkApi
  }
}
