import { type Periodic, startPeriodic } from './periodic.js'

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
): Periodic {
  return startPeriodic(sweep, { pattern }, onError)
}
