import type { AppDeps } from '../../app/deps.js'
import type { BotApp } from '../context.js'
import { accountDeletionCommand } from './account-deletion.js'
import { billingCommand } from './billing.js'
import { directDebitCommand } from './direct-debit.js'
import { invoiceMergeCommand } from './invoice-merge.js'
import { invoiceReissueCommand } from './invoice-reissue.js'

/** Every slash command the manifest declares. */
export function registerCommands(app: BotApp, deps: AppDeps): void {
  app.command('/invoice-reissue', invoiceReissueCommand(deps))
  app.command('/invoice-merge', invoiceMergeCommand(deps))
  app.command('/direct-debit', directDebitCommand(deps))
  app.command('/account-deletion', accountDeletionCommand(deps))
  app.command('/billing', billingCommand(deps))
}
