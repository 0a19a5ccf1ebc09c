import { describe, expect, it } from 'vitest'
import { startSoracomChecks } from '../../src/scheduling/soracom-checks.js'
import { eventually } from '../support/eventually.js'

describe('startSoracomChecks', () => {
  it('checks at start-up, then once per interval — not again a second after start-up', async () => {
    let runs = 0
    // An interval of 2 s (1/30 minute), so the test sees the schedule.
    const checks = startSoracomChecks(
      async () => {
        runs += 1
      },
      1 / 30,
      () => undefined,
    )
    await checks.firstRun
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(runs).toBe(1)
    // croner starts on a whole second: the next run comes 2–3 s after start-up.
    await eventually(() => expect(runs).toBe(2), 5000)
    await checks.stop()
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
