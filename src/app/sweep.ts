import { redeliverUnposted } from './deliver-record.js'
import type { AppDeps, HomePorts, PostingPorts } from './deps.js'
import { extendReminderWindows } from './reminders.js'

/**
 * The periodic sweep (at start-up, then every 5 minutes): archives old records, posts stored
 * records that have no message yet, extends the reminders' rolling windows, then hands Slack what
 * came within its horizon and posts what was missed while the bot was down.
 */
export async function sweep(
  deps: PostingPorts &
    HomePorts &
    Pick<AppDeps, 'subscriptions'> & { archiveOld?: (now: Date) => Promise<unknown> },
): Promise<void> {
  await deps.archiveOld?.(deps.clock.now())
  await redeliverUnposted(deps)
  await extendReminderWindows(deps)
  await deps.scheduler.sweep()
}
