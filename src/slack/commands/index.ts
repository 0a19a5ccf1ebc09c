import type { ListenerDeps } from '../deps.js'
import type { Router } from '../router.js'
import { registerAccountDeletionCommand } from './account-deletion.js'
import { registerBillingCommand } from './billing.js'
import { registerDirectDebitCommand } from './direct-debit.js'
import { registerInvoiceMergeCommand } from './invoice-merge.js'
import { registerInvoiceReissueCommand } from './invoice-reissue.js'

export function registerCommands(app: Router, deps: ListenerDeps): void {
  registerInvoiceReissueCommand(app, deps)
  registerInvoiceMergeCommand(app, deps)
  registerDirectDebitCommand(app, deps)
  registerAccountDeletionCommand(app, deps)
  registerBillingCommand(app, deps)
}
