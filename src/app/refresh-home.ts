import { errorCode } from '../errors.js'
import type { AppDeps } from './deps.js'
import { pendingReminders } from './reminders.js'

/**
 * Publishes the user's App Home as it stands now: their own tickets and reminders only. The Home
 * tab is a view of what is stored, so a failed publish loses nothing: a view Slack refuses is
 * published again in its smallest form; Slack being down is logged, and the next change or
 * `app_home_opened` publishes again.
 */
export async function refreshHome(deps: AppDeps, userId: string): Promise<void> {
  const home = {
    tickets: deps.tickets.listByRequester(userId),
    reminders: pendingReminders(deps, (r) => r.owner === userId),
  }
  try {
    await deps.notifier.publishHome(userId, home)
  } catch (error) {
    const code = errorCode(error)
    deps.logger.warn('App Home not published', { error: code })
    // Slack refused the view itself: publish the smallest form, which points to the lists.
    if (!code.startsWith('invalid_')) return
    await deps.notifier
      .publishHome(userId, { ...home, compact: true })
      .catch((again: unknown) =>
        deps.logger.warn('compact App Home not published', { error: errorCode(again) }),
      )
  }
}
