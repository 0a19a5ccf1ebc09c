import { type Periodic, startPeriodic } from './periodic.js'

/**
 * The checks of linked operators: once at start-up, then every `minutes` (SORACOM_POLL_MINUTES;
 * 0 turns them off). A run still going when the next is due is skipped, not doubled.
 */
export function startSoracomChecks(
  check: () => Promise<unknown>,
  minutes: number,
  onError: (error: unknown) => void,
): Periodic {
  if (minutes <= 0) return { stop: async () => undefined, firstRun: Promise.resolve() }
  // The first scheduled run comes one interval after start-up: croner would otherwise fire at the
  // next whole second, a second full check right after the start-up one.
  const interval = minutes * 60
  return startPeriodic(
    check,
    { pattern: '* * * * * *', options: { interval, startAt: new Date(Date.now() + interval * 1000) } },
    onError,
  )
}
