import { Cron } from 'croner'

/**
 * The checks of linked operators: once at start-up, then every `minutes` (SORACOM_POLL_MINUTES;
 * 0 turns them off). A run still going when the next is due is skipped, not doubled.
 */
export function startSoracomChecks(
  check: () => Promise<unknown>,
  minutes: number,
  onError: (error: unknown) => void,
): { stop: () => void; firstRun: Promise<void> } {
  if (minutes <= 0) return { stop: () => undefined, firstRun: Promise.resolve() }
  const run = () => check().then(() => undefined, onError)
  const job = new Cron('* * * * * *', { interval: minutes * 60, protect: true, timezone: 'Asia/Tokyo' }, run)
  return { stop: () => job.stop(), firstRun: run() }
}
