import { errorCode } from '../errors.js'
import type { AppDeps } from './deps.js'
import { pendingReminders } from './reminders.js'

/**
 * Publishes the user's App Home as it stands now: their own tickets and reminders only. The Home
 * tab is a view of what is stored, so a failed publish loses nothing: it is logged, and the next
 * change or `app_home_opened` publishes again.
 */
export async function refreshHome(deps: AppDeps, userId: string): Promise<void> {
  try {
    await deps.notifier.publishHome(userId, {
      tickets: deps.tickets.listByRequester(userId),
      reminders: pendingReminders(deps, (r) => r.owner === userId),
    })
  } catch (error) {
    deps.logger.warn('App Home not published', { error: errorCode(error) })
  }
}
