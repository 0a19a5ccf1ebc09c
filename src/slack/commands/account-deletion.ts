import { operatorToPrefill } from '../../domain/operator-registry.js'
import { tokyoDate } from '../../domain/plain-date.js'
import { accountDeletionModal } from '../../render/modals/account-deletion.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdPrefill } from '../fields.js'
import type { Router } from '../router.js'
import { type ModalBuilder, registerModalCommand } from './open-modal.js'

/** The deletion modal, the cancellation day defaulting to today (Japan time). */
export const buildAccountDeletionModal: ModalBuilder = (deps, { text, privateMetadata }) => {
  const typed = operatorIdPrefill(text)
  return accountDeletionModal({
    operatorId: typed ?? operatorToPrefill(undefined, deps.operators.operators())?.operatorId,
    today: tokyoDate(deps.clock.now()),
    privateMetadata,
  })
}

/** `/account-deletion [OP…]` opens the deletion modal (flow 4). */
export function registerAccountDeletionCommand(app: Router, deps: ListenerDeps): void {
  registerModalCommand(app, deps, '/account-deletion', buildAccountDeletionModal)
}
