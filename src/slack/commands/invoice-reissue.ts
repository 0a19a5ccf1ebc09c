import type { App } from '@slack/bolt'
import { addMonths, tokyoDate, yearMonthOf } from '../../domain/plain-date.js'
import { invoiceReissueModal } from '../../render/modals/invoice-reissue.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdPrefill } from '../fields.js'
import { registerModalCommand } from './open-modal.js'

/** `/invoice-reissue [OP…]` opens the reissue modal (flow 1), the usage month set to last month. */
export function registerInvoiceReissueCommand(app: App, deps: ListenerDeps): void {
  registerModalCommand(app, '/invoice-reissue', (command, privateMetadata) =>
    invoiceReissueModal({
      operatorId: operatorIdPrefill(command.text),
      usageMonth: addMonths(yearMonthOf(tokyoDate(deps.clock.now())), -1),
      privateMetadata,
    }),
  )
}
