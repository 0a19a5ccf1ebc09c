import type { BotApp } from '../context.js'
import { dispatcher, idPattern, type Route } from '../dispatch.js'
import { billingCommand } from './billing.js'
import { type CommandListener, openFlowModal } from './open-flow-modal.js'

/** Every slash command the manifest declares, by its name. */
export const COMMAND_ROUTES: ReadonlyArray<Route<CommandListener>> = [
  // The four flows (§3.4.1, §3.4.3, §3.5, §6.4): ack, then their modal, pre-filled from the text.
  ['/invoice-reissue', (deps) => openFlowModal(deps, 'invoice_reissue')],
  ['/invoice-merge', (deps) => openFlowModal(deps, 'invoice_merge')],
  ['/direct-debit', (deps) => openFlowModal(deps, 'direct_debit')],
  ['/account-deletion', (deps) => openFlowModal(deps, 'account_deletion')],
  ['/billing', (deps) => billingCommand(deps)],
]

/** One Bolt listener for every command, dispatching by name (slack/dispatch.ts says why). */
export function registerCommands(app: BotApp): void {
  app.command(
    idPattern(COMMAND_ROUTES),
    dispatcher(COMMAND_ROUTES, (args) => args.command.command),
  )
}
