import { invoiceMergeModal } from '../../render/modals/invoice-merge.js'
import type { ListenerDeps } from '../deps.js'
import type { Router } from '../router.js'
import { type ModalBuilder, registerModalCommand } from './open-modal.js'

/** The merge modal; IDs after the command pre-fill the sources. */
export const buildInvoiceMergeModal: ModalBuilder = (_deps, { text, privateMetadata }) =>
  invoiceMergeModal({ sources: text.trim().slice(0, 2000) || undefined, privateMetadata })

/** `/invoice-merge [OP… OP…]` opens the merge modal (flow 2). */
export function registerInvoiceMergeCommand(app: Router, deps: ListenerDeps): void {
  registerModalCommand(app, deps, '/invoice-merge', buildInvoiceMergeModal)
}
