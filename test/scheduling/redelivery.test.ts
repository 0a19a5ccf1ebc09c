import { describe, expect, it } from 'vitest'
import { TimedRedelivery } from '../../src/scheduling/redelivery.js'
import { eventually } from '../support/eventually.js'

describe('TimedRedelivery', () => {
  it('at stop, drops the tries still waiting and waits for the one running (it writes to the store)', async () => {
    const redelivery = new TimedRedelivery(() => undefined, { firstMs: 10, maxMs: 10_000 })
    let finished = false
    let release: () => void = () => undefined
    let started = false
    redelivery.later('running', new Error('x'), async () => {
      started = true
      await new Promise<void>((resolve) => {
        release = resolve
      })
      finished = true
      return 'done'
    })
    let waitingRan = false
    // Slack asked for a longer pause on this one: still waiting when stop comes.
    redelivery.later('waiting', Object.assign(new Error('x'), { retryAfter: 5 }), async () => {
      waitingRan = true
      return 'done'
    })
    await eventually(() => expect(started).toBe(true))

    let stopped = false
    const stopping = redelivery.stop().then(() => {
      stopped = true
    })
    await new Promise((r) => setTimeout(r, 30))
    expect(stopped).toBe(false)
    release()
    await stopping

    expect(finished).toBe(true)
    await new Promise((r) => setTimeout(r, 150))
    expect(waitingRan).toBe(false)
  })

  it('waits at least Retry-After, and at most the longest wait', async () => {
    const redelivery = new TimedRedelivery(() => undefined, { firstMs: 10, maxMs: 1000 })
    const asked = performance.now()
    let ranAt = 0
    redelivery.later('k', Object.assign(new Error('rate limited'), { retryAfter: 0.3 }), async () => {
      ranAt = performance.now()
      return 'done'
    })

    await eventually(() => expect(ranAt).toBeGreaterThan(0), 5000)

    expect(ranAt - asked).toBeGreaterThanOrEqual(290)
    await redelivery.stop()
  })
})
