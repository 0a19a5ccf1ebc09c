import type { ListenerDeps } from '../deps.js'
import { refreshHome } from '../home.js'
import type { Router } from '../router.js'

/** Opening the App Home tab shows the user's requests and reminders. */
export function registerAppHomeOpened(app: Router, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return
    await refreshHome(deps, client, event.user)
  })
}
