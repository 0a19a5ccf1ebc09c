import { Cron, type CronOptions } from 'croner'

/** A job run at start-up and then on a schedule; `stop` resolves once the run in flight is done. */
export interface Periodic {
  /** No new runs; resolves when the one running (if any) has finished, so a shutdown can wait. */
  stop: () => Promise<void>
  firstRun: Promise<void>
}

/**
 * Runs `job` now and then on croner's schedule, never two at a time (a run still going when the
 * next is due is skipped), its failures handed to `onError`. A shutdown awaits `stop()`: a run cut
 * off between posting a message and storing where it went would post it again after the restart.
 */
export function startPeriodic(
  job: () => Promise<unknown>,
  schedule: { pattern: string; options?: Omit<CronOptions, 'protect' | 'timezone'> },
  onError: (error: unknown) => void,
): Periodic {
  let running: Promise<void> | undefined
  let stopped = false
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    if (running) return running
    const current = job().then(
      () => undefined,
      (error: unknown) => onError(error),
    )
    running = current.finally(() => {
      running = undefined
    })
    return running
  }
  const cron = new Cron(schedule.pattern, { ...schedule.options, timezone: 'Asia/Tokyo' }, () => run())
  return {
    firstRun: run(),
    stop: async () => {
      stopped = true
      cron.stop()
      await running
    },
  }
}
