import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import SlowFirstSequencer from './test/support/sequencer.js'

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
    // Files share their worker's module cache instead of loading src/ again each: the tail of ~50
    // small files spent a second each on imports (152 s → 99 s for the whole run, 770 tests green).
    // Safe because no test changes process-wide state (env, timers, cwd) or module state it keeps.
    isolate: false,
    // The slowest files first, also on a fresh clone without vitest's timings (test/support/sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
  },
})
