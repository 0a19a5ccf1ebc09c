import type { AppDeps } from '../../app/deps.js'
import type { BotApp } from '../context.js'
import { dispatch, idPattern, type Route } from '../dispatch.js'
import { billingCommand } from './billing.js'
import { type CommandListener, openFlowModal } from './open-flow-modal.js'

/** Every slash command the manifest declares, by its name. */
export function commandRoutes(deps: AppDeps): ReadonlyArray<Route<CommandListener>> {
  return [
    // The four flows (§3.4.1, §3.4.3, §3.5, §6.4): ack, then their modal, pre-filled from the text.
    ['/invoice-reissue', openFlowModal(deps, 'invoice_reissue')],
    ['/invoice-merge', openFlowModal(deps, 'invoice_merge')],
    ['/direct-debit', openFlowModal(deps, 'direct_debit')],
    ['/account-deletion', openFlowModal(deps, 'account_deletion')],
    ['/billing', billingCommand(deps)],
  ]
}

/** One Bolt listener for every command, dispatching by name (slack/dispatch.ts says why). */
export function registerCommands(app: BotApp, deps: AppDeps): void {
  const routes = commandRoutes(deps)
  app.command(idPattern(routes), (args) => dispatch(routes, args.command.command, args))
}
