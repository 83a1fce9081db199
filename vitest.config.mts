import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // tests/renderer: the renderer's logic and hooks (jsdom where a file asks for it).
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    environment: 'node',
    // Builds out/ when it is older than the sources: the tests spawn the built CLI.
    globalSetup: ['tests/unit/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The briefing imports its stylesheet as text (`?raw`); vitest empties CSS unless told.
    css: { include: [/\/export\/briefing\/.*\.css/] }
  }
})
