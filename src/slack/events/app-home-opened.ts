import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt'
import type { AppDeps } from '../../app/deps.js'
import { openHome } from '../../app/refresh-home.js'

/** Opening the App Home tab shows the user's requests and reminders, and linked operators' bills. */
export const appHomeOpened =
  (deps: AppDeps): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> =>
  async ({ event }) => {
    if (event.tab !== 'home') return
    await openHome(deps, event.user)
  }
