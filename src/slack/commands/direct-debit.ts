import { operatorToPrefill } from '../../domain/operator-registry.js'
import { directDebitModal } from '../../render/modals/direct-debit.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdPrefill } from '../fields.js'
import type { Router } from '../router.js'
import { type ModalBuilder, registerModalCommand } from './open-modal.js'

/** The direct-debit modal, pre-filled from the command text or the operator registry. */
export const buildDirectDebitModal: ModalBuilder = (deps, { text, privateMetadata }) => {
  const typed = operatorIdPrefill(text)
  const known = operatorToPrefill(typed, deps.operators.operators())
  return directDebitModal({
    operatorId: typed ?? known?.operatorId,
    accountType: known?.accountType,
    invoicePayment: known ? (known.paymentMethod === 'card' ? 'not_yet' : 'active') : undefined,
    privateMetadata,
  })
}

/** `/direct-debit [OP…]` opens the direct-debit modal (flow 3). */
export function registerDirectDebitCommand(app: Router, deps: ListenerDeps): void {
  registerModalCommand(app, deps, '/direct-debit', buildDirectDebitModal)
}
