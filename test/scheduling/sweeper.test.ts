import { describe, expect, it } from 'vitest'
import type { DeliveryReport } from '../../src/scheduling/reminder-delivery.js'
import { startReminderSweeps } from '../../src/scheduling/sweeper.js'

const EMPTY: DeliveryReport = { scheduled: 0, posted: 0, markedSent: 0, deferred: 0, failed: 0 }

describe('startReminderSweeps', () => {
  it('sweeps once at start-up, then on the schedule', async () => {
    let runs = 0
    const sweeps = startReminderSweeps(
      async () => {
        runs += 1
        return EMPTY
      },
      () => undefined,
      '* * * * * *',
    )
    await sweeps.firstRun
    expect(runs).toBe(1)

    await new Promise((resolve) => setTimeout(resolve, 1100))
    sweeps.stop()

    expect(runs).toBeGreaterThanOrEqual(2)
  })

  it('reports a failed sweep instead of crashing, and keeps going', async () => {
    const errors: unknown[] = []
    const sweeps = startReminderSweeps(
      async () => {
        throw new Error('Slack is down')
      },
      (error) => errors.push(error),
      '0 0 1 1 *',
    )

    await sweeps.firstRun
    sweeps.stop()

    expect(errors).toEqual([new Error('Slack is down')])
  })
})
