import type { AppDeps } from '../../app/deps.js'
import { type CommandListener, openFlowModal } from './open-flow-modal.js'

/** `/account-deletion [OP…]` opens the modal of アカウントの退会（flow 4, §6.4）, pre-filled from the text and the registry. */
export const accountDeletionCommand = (deps: AppDeps): CommandListener =>
  openFlowModal(deps, 'account_deletion')
