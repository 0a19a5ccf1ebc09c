import type { ListenerDeps } from '../deps.js'
import type { Router } from '../router.js'
import { registerAccountDeletionSubmission } from './account-deletion.js'
import { registerDirectDebitSubmission } from './direct-debit.js'
import { registerInvoiceMergeSubmission } from './invoice-merge.js'
import { registerInvoiceReissueSubmission } from './invoice-reissue.js'
import { registerOperatorSubmission } from './operator-register.js'

export function registerViews(app: Router, deps: ListenerDeps): void {
  registerInvoiceReissueSubmission(app, deps)
  registerInvoiceMergeSubmission(app, deps)
  registerDirectDebitSubmission(app, deps)
  registerAccountDeletionSubmission(app, deps)
  registerOperatorSubmission(app, deps)
}
