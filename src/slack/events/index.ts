import type { AppDeps } from '../../app/deps.js'
import type { BotApp } from '../context.js'
import { appHomeOpened } from './app-home-opened.js'
import { messageIm } from './message-im.js'

/** The events the manifest subscribes to. */
export function registerEvents(app: BotApp, deps: AppDeps): void {
  app.event('app_home_opened', appHomeOpened(deps))
  // Direct messages only (`message.im` in the manifest): the listener drops every other channel type.
  app.event('message', messageIm(deps))
}
