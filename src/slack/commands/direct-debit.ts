import type { App } from '@slack/bolt'
import { directDebitModal } from '../../render/modals/direct-debit.js'
import { operatorIdPrefill } from '../fields.js'
import { registerModalCommand } from './open-modal.js'

/** `/direct-debit [OP…]` opens the direct-debit modal (flow 3). */
export function registerDirectDebitCommand(app: App): void {
  registerModalCommand(app, '/direct-debit', (command, privateMetadata) =>
    directDebitModal({ operatorId: operatorIdPrefill(command.text), privateMetadata }),
  )
}
