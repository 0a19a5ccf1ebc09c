import type { AppDeps } from '../../app/deps.js'
import { type CommandListener, openFlowModal } from './open-flow-modal.js'

/** `/invoice-reissue [OP…]` opens the modal of 請求書の再発行（flow 1, §3.4.1）, pre-filled from the text and the registry. */
export const invoiceReissueCommand = (deps: AppDeps): CommandListener =>
  openFlowModal(deps, 'invoice_reissue')
