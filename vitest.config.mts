import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Electron's binary cannot be downloaded here, so the glue that imports 'electron' runs against a typed double.
    alias: [{ find: /^electron$/, replacement: fileURLToPath(new URL('./test/doubles/electron.ts', import.meta.url)) }]
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Those time main's event loop: they run alone, after these (vitest.serial.config.mts).
    exclude: ['test/**/*.serial.test.ts', '**/node_modules/**'],
    environment: 'node'
  }
})
