import type { App } from '@slack/bolt'
import { invoiceMergeModal } from '../../render/modals/invoice-merge.js'
import { registerModalCommand } from './open-modal.js'

/** `/invoice-merge [OP… OP…]` opens the merge modal (flow 2); IDs after the command pre-fill the sources. */
export function registerInvoiceMergeCommand(app: App): void {
  registerModalCommand(app, '/invoice-merge', (command, privateMetadata) =>
    invoiceMergeModal({ sources: command.text.trim().slice(0, 2000) || undefined, privateMetadata }),
  )
}
