import { defineConfig } from 'vitest/config'

// Tests that time main's event loop run one file at a time, after the others, so no other test file takes the CPU
// they measure; so do the desk's sync scenarios, whose in-process server and live replication would otherwise take it
// from the import tests' time limits (see `npm run test:unit`).
export default defineConfig({
  test: {
    include: ['test/**/*.serial.test.ts'],
    environment: 'node',
    fileParallelism: false
  }
})
