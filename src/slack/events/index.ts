import type { BotApp, Workspace } from '../context.js'
import { perWorkspace } from '../dispatch.js'
import { appHomeOpened } from './app-home-opened.js'
import { messageIm } from './message-im.js'

/**
 * The events the manifest subscribes to. `app_uninstalled` and `tokens_revoked` (the bot's own
 * token) end the workspace's installation: `onUninstalled` says what that means for the mode.
 */
export function registerEvents(
  app: BotApp,
  onUninstalled: (workspace: Workspace, event: 'app_uninstalled' | 'tokens_revoked') => Promise<void>,
): void {
  const home = perWorkspace(appHomeOpened)
  app.event('app_home_opened', (args) => home(args.context)(args))
  // Direct messages only (`message.im` in the manifest): the listener drops every other channel type.
  const im = perWorkspace(messageIm)
  app.event('message', (args) => im(args.context)(args))
  app.event('app_uninstalled', async ({ context }) => {
    if (context.workspace) await onUninstalled(context.workspace, 'app_uninstalled')
  })
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only the bot's token matters: user tokens are never asked for.
    if (!context.workspace || (event.tokens.bot ?? []).length === 0) return
    await onUninstalled(context.workspace, 'tokens_revoked')
  })
}
