import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The deployed start (node dist/main.js) is tested too: build it once, before any file runs.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest's default is one worker less than the cores: a single worker on the 2-core machines
    // CI runs on. Most slow files wait (on child processes, sockets, retry timers) rather than
    // compute, so three workers there took the run from 126 s to 52–54 s (three runs; 65 s with
    // a CPU-burning process beside it), all green.
    maxWorkers: Math.max(3, availableParallelism()),
  },
})
