import type { WebClient } from '@slack/web-api'
import { homeView } from '../render/home.js'
import type { ListenerDeps } from './deps.js'
import { slackErrorCode } from './post-message.js'

/**
 * Publishes the user's App Home as it stands now: their own tickets and reminders only. The Home
 * tab is a view of what is stored, so a failed publish loses nothing: it is logged, and the next
 * change or `app_home_opened` publishes again.
 */
export async function refreshHome(deps: ListenerDeps, client: WebClient, userId: string): Promise<void> {
  try {
    await client.views.publish({
      user_id: userId,
      view: homeView({
        tickets: deps.tickets.listByRequester(userId),
        reminders: deps.reminderService.pendingFor((r) => r.owner === userId),
      }),
    })
  } catch (error) {
    deps.logger?.warn('App Home not published', { error: slackErrorCode(error) ?? (error as Error).message })
  }
}
