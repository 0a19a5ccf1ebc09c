import type { WebClient } from '@slack/web-api'
import { homeView } from '../render/home.js'
import type { ListenerDeps } from './deps.js'

/** Publishes the user's App Home as it stands now: their own tickets and reminders only. */
export async function refreshHome(deps: ListenerDeps, client: WebClient, userId: string): Promise<void> {
  await client.views.publish({
    user_id: userId,
    view: homeView({
      tickets: deps.tickets.listByRequester(userId),
      reminders: deps.reminderService.pendingFor((r) => r.owner === userId),
    }),
  })
}
