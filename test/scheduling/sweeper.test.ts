import { describe, expect, it } from 'vitest'
import type { DeliveryReport } from '../../src/scheduling/reminder-delivery.js'
import { startReminderSweeps } from '../../src/scheduling/sweeper.js'
import { eventually } from '../support/eventually.js'

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

    // The schedule's next second comes when it comes on a loaded machine: wait for it.
    await eventually(() => expect(runs).toBeGreaterThanOrEqual(2), 10_000)
    await sweeps.stop()
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
    await sweeps.stop()

    expect(errors).toEqual([new Error('Slack is down')])
  })

  it('never runs twice at a time, and stop() waits for the run in flight (a shutdown must not cut it off)', async () => {
    let runs = 0
    let finished = 0
    let release: () => void = () => undefined
    const sweeps = startReminderSweeps(
      async () => {
        runs += 1
        await new Promise<void>((resolve) => {
          release = resolve
        })
        finished += 1
        return EMPTY
      },
      () => undefined,
      '* * * * * *',
    )
    // Due again every second while the first run is held: skipped, not doubled.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(runs).toBe(1)

    let stopped = false
    const stopping = sweeps.stop().then(() => {
      stopped = true
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stopped).toBe(false)
    release()
    await stopping
    expect(finished).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(runs).toBe(1)
  })
})
