import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { detectMode, projectRoot } from './mode'

export default function globalSetup(): void {
  if (!existsSync(join(projectRoot, 'out', 'renderer', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` first (npm test does).')
  }
  const { mode, why } = detectMode()
  console.log(`\ne2e mode: ${mode} (${why})\n`)
}
