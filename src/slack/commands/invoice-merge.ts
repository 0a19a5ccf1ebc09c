import type { AppDeps } from '../../app/deps.js'
import { type CommandListener, openFlowModal } from './open-flow-modal.js'

/** `/invoice-merge [OP…]` opens the modal of 請求書のおまとめ（flow 2, §3.4.3）, pre-filled from the text and the registry. */
export const invoiceMergeCommand = (deps: AppDeps): CommandListener => openFlowModal(deps, 'invoice_merge')
