import { redeliverUnposted } from './deliver-record.js'
import type { AppDeps } from './deps.js'
import { extendReminderWindows } from './reminders.js'

/**
 * The periodic sweep (at start-up, then every 5 minutes): archives old records, posts stored
 * records that have no message yet, extends the reminders' rolling windows, then hands Slack what
 * came within its horizon and posts what was missed while the bot was down.
 */
export async function sweep(
  deps: Pick<
    AppDeps,
    | 'alerts'
    | 'awaitingPost'
    | 'checklists'
    | 'clock'
    | 'links'
    | 'logger'
    | 'newId'
    | 'notifier'
    | 'operators'
    | 'queue'
    | 'redelivery'
    | 'reminders'
    | 'renderer'
    | 'scheduler'
    | 'subscriptions'
    | 'tickets'
  > & { archiveOld?: (now: Date) => Promise<unknown> },
): Promise<void> {
  await deps.archiveOld?.(deps.clock.now())
  await redeliverUnposted(deps)
  await extendReminderWindows(deps)
  await deps.scheduler.sweep()
}
