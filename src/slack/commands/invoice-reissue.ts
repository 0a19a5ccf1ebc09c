import { operatorToPrefill } from '../../domain/operator-registry.js'
import { addMonths, tokyoDate, yearMonthOf } from '../../domain/plain-date.js'
import { invoiceReissueModal } from '../../render/modals/invoice-reissue.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdPrefill } from '../fields.js'
import type { Router } from '../router.js'
import { type ModalBuilder, registerModalCommand } from './open-modal.js'

/** The reissue modal: the usage month set to last month, the operator from the text or the registry. */
export const buildInvoiceReissueModal: ModalBuilder = (deps, { text, privateMetadata }) => {
  const typed = operatorIdPrefill(text)
  const known = operatorToPrefill(typed, deps.operators.operators())
  return invoiceReissueModal({
    operatorId: typed ?? known?.operatorId,
    coverage: known && known.coverage !== 'both' ? known.coverage : undefined,
    paymentMethod: known ? (known.paymentMethod === 'card' ? 'card' : 'invoice') : undefined,
    usageMonth: addMonths(yearMonthOf(tokyoDate(deps.clock.now())), -1),
    privateMetadata,
  })
}

/** `/invoice-reissue [OP…]` opens the reissue modal (flow 1). */
export function registerInvoiceReissueCommand(app: Router, deps: ListenerDeps): void {
  registerModalCommand(app, deps, '/invoice-reissue', buildInvoiceReissueModal)
}
