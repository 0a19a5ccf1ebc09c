import { describe, expect, it } from 'vitest'
import { startSoracomChecks } from '../../src/scheduling/soracom-checks.js'
import { eventually } from '../support/eventually.js'

describe('startSoracomChecks', () => {
  it('checks at start-up, then once per interval — not again a second after start-up', async () => {
    const runs: number[] = []
    // An interval of 2 s (1/30 minute), so the test sees the schedule.
    const checks = startSoracomChecks(
      async () => {
        runs.push(performance.now())
      },
      1 / 30,
      () => undefined,
    )
    await checks.firstRun
    // croner starts on a whole second: the next run comes 2–3 s after start-up, later on a loaded
    // machine — never sooner, which is the guarantee (timed between the runs, not by a pause).
    await eventually(() => expect(runs).toHaveLength(2), 10_000)
    await checks.stop()
    expect((runs[1] ?? 0) - (runs[0] ?? 0)).toBeGreaterThanOrEqual(1900)
  })

  it('is off at 0 minutes', async () => {
    let runs = 0
    const checks = startSoracomChecks(
      async () => {
        runs += 1
      },
      0,
      () => undefined,
    )
    await checks.firstRun
    await checks.stop()
    expect(runs).toBe(0)
  })
})
