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
  return startPeriodic(check, { pattern: '* * * * * *', options: { interval: minutes * 60 } }, onError)
}
