import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The files that take longest (measured on the 2-core CI machine, 2026-12-02: the SIGKILL soak
 * 50 s, the process tests 37 s and 43 s, the demo and the SORACOM alerts ~27 s each, Socket Mode
 * 18 s), longest first. On a fresh clone vitest has no timings yet and runs bigger files first,
 * so the short-but-slow soak started last and ran alone at the end; starting these first lets
 * the quick files fill the other workers meanwhile.
 */
const SLOW_FIRST = [
  'test/reliability/durability.test.ts',
  'test/main-lifecycle.test.ts',
  'test/slack/soracom-alerts.test.ts',
  // After a worker frees: not beside the ten simultaneous starts that open main-lifecycle.
  'test/main.test.ts',
  'test/demo.test.ts',
  'test/slack/socket-mode.test.ts',
]

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const index = SLOW_FIRST.indexOf(relative(this.ctx.config.root, file.moduleId))
      return index === -1 ? SLOW_FIRST.length : index
    }
    return sorted
      .map((file, at) => ({ file, at }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.at - b.at)
      .map((x) => x.file)
  }
}
