import fs from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import buildStamp from './bin/build-stamp.js'

/*
 * out/.source-hash names the sources a build was made from (bin/build-stamp.js): removed
 * when the build starts, written once its last part (the renderer) is on disk, so that a
 * failed or interrupted build never looks current.
 */
const builtFrom = buildStamp.sourceHash()
const stamp = (when: 'start' | 'end'): Plugin => ({
  name: `attest-build-stamp-${when}`,
  apply: 'build',
  ...(when === 'start'
    ? { buildStart: () => fs.rmSync(buildStamp.stampFile, { force: true }) }
    : { writeBundle: () => fs.writeFileSync(buildStamp.stampFile, `${builtFrom}\n`) })
})

export default defineConfig({
  main: {
    plugins: [stamp('start')],
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/server/cli.ts'),
          storeWorker: resolve(__dirname, 'src/server/store/worker.ts'),
          bench: resolve(__dirname, 'src/server/bench.ts'),
          soak: resolve(__dirname, 'src/server/soak.ts')
        },
        // Shared chunks sit beside the entries, so __dirname finds storeWorker.js.
        output: { chunkFileNames: '[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') }
      }
    },
    plugins: [react(), stamp('end')]
  }
})
