import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI is built beside the app so `bin/factmark.js` runs the same services without Electron; the import worker
        // is its own file (out/main/import-worker.js), which parse-in-worker.ts starts as a worker thread.
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/index.ts'),
          'import-worker': resolve('src/main/import/import-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle everything (zod included) into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [svelte({ configFile: resolve('svelte.config.js') }), devServerInlineStyles()]
  }
})

/**
 * What `npm run dev` needs from index.html's Content-Security-Policy: Vite's dev server injects every stylesheet
 * (Svelte components' too) as an inline <style>, which style-src 'self' blocks, so its copy of the page also allows
 * inline styles. Its module scripts and HMR websocket are same-origin, so 'self' covers them. The build keeps the
 * policy as it is.
 */
function devServerInlineStyles(): Plugin {
  return {
    name: 'factmark:dev-server-inline-styles',
    apply: 'serve',
    transformIndexHtml(html) {
      const relaxed = html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      if (relaxed === html) throw new Error("index.html's Content-Security-Policy has no style-src 'self' to extend")
      return relaxed
    }
  }
}
