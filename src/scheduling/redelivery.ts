import type { Redelivery } from '../app/ports.js'
import { retryAfterMs } from '../errors.js'

export interface RedeliveryTiming {
  /** The first wait; each further one doubles. */
  firstMs: number
  /** No wait is longer: the sweep interval, after which the sweep would try anyway. */
  maxMs: number
}

/** 2 s, 4 s, 8 s … up to the sweep's 5 minutes. */
export const REDELIVERY_TIMING: RedeliveryTiming = { firstMs: 2_000, maxMs: 5 * 60_000 }

/**
 * Tries again what Slack failed for a moment — a post, App Home, a reminder hand-over — on its own
 * schedule, instead of leaving it to the next sweep (minutes later). One timer per key: asking
 * again for a key already waiting keeps the earlier attempt. Each try is the caller's own step,
 * which re-reads what is stored, so a record the sweep posted meanwhile is not posted twice.
 * Timers do not hold the process open; `stop()` drops them (the next start's sweep has the rest)
 * and waits for a try already running, which writes to the store: nothing writes after shutdown.
 */
export class TimedRedelivery implements Redelivery {
  private readonly waiting = new Map<string, NodeJS.Timeout>()
  private readonly attempts = new Map<string, number>()
  private readonly running = new Set<Promise<unknown>>()
  private stopped = false

  constructor(
    private readonly onError: (key: string, error: unknown) => void,
    private readonly timing: RedeliveryTiming = REDELIVERY_TIMING,
  ) {}

  later(key: string, error: unknown, attempt: () => Promise<'done' | 'again'>): void {
    if (this.stopped || this.waiting.has(key)) return
    const n = this.attempts.get(key) ?? 0
    this.attempts.set(key, n + 1)
    const backoff = Math.min(this.timing.firstMs * 2 ** n, this.timing.maxMs)
    const wait = Math.min(Math.max(backoff, retryAfterMs(error) ?? 0), this.timing.maxMs)
    const timer = setTimeout(() => {
      this.waiting.delete(key)
      const run = attempt().then(
        (result) => {
          if (result === 'done') this.attempts.delete(key)
        },
        (failure: unknown) => this.onError(key, failure),
      )
      this.running.add(run)
      void run.finally(() => this.running.delete(run))
    }, wait)
    timer.unref()
    this.waiting.set(key, timer)
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const timer of this.waiting.values()) clearTimeout(timer)
    this.waiting.clear()
    await Promise.all([...this.running])
  }
}
