import { Cron } from 'croner'

/**
 * Every 5 minutes (Slack allows 30 scheduled messages per channel per 5 minutes), extend the
 * rolling windows and hand reminders that came within Slack's 120-day horizon to Slack. Runs once
 * at start-up too, which posts whatever came due while the bot was down. A run still going when
 * the next is due is skipped, not doubled.
 */
export function startReminderSweeps(
  sweep: () => Promise<unknown>,
  onError: (error: unknown) => void,
  pattern = '*/5 * * * *',
): { stop: () => void; firstRun: Promise<void> } {
  const run = () => sweep().then(() => undefined, onError)
  const job = new Cron(pattern, { protect: true, timezone: 'Asia/Tokyo' }, run)
  return { stop: () => job.stop(), firstRun: run() }
}
