import type { App } from '@slack/bolt'
import { tokyoDate } from '../../domain/plain-date.js'
import { accountDeletionModal } from '../../render/modals/account-deletion.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdPrefill } from '../fields.js'
import { registerModalCommand } from './open-modal.js'

/** `/account-deletion [OP…]` opens the deletion modal (flow 4). */
export function registerAccountDeletionCommand(app: App, deps: ListenerDeps): void {
  registerModalCommand(app, '/account-deletion', (command, privateMetadata) =>
    accountDeletionModal({
      operatorId: operatorIdPrefill(command.text),
      today: tokyoDate(deps.clock.now()),
      privateMetadata,
    }),
  )
}
