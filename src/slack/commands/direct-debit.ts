import type { AppDeps } from '../../app/deps.js'
import { type CommandListener, openFlowModal } from './open-flow-modal.js'

/** `/direct-debit [OP…]` opens the modal of 口座振替（flow 3, §3.5）, pre-filled from the text and the registry. */
export const directDebitCommand = (deps: AppDeps): CommandListener => openFlowModal(deps, 'direct_debit')
