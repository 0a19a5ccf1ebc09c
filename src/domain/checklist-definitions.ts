import { ACCOUNT_DELETION_STEPS } from './account-deletion.js'
import type { ChecklistKind, ChecklistStep } from './checklist.js'
import { loginRecoverySteps } from './guided-requests.js'
import { BANK_ACCOUNT_MERGE_STEPS } from './invoice-merge.js'
import {
  PAYMENT_ERROR_CARD_INDIVIDUAL_STEPS,
  PAYMENT_ERROR_CARD_STEPS,
  PAYMENT_ERROR_INVOICE_STEPS,
} from './payment-error.js'

export interface ChecklistDefinition {
  steps: readonly ChecklistStep[]
  /** Account deletion: 「アカウントを削除する」 only once everything else is done (§6.4). */
  lastStepAfterOthers: boolean
}

export const CHECKLIST_DEFINITIONS: Record<ChecklistKind, ChecklistDefinition> = {
  account_deletion: { steps: ACCOUNT_DELETION_STEPS, lastStepAfterOthers: true },
  bank_account_merge: { steps: BANK_ACCOUNT_MERGE_STEPS, lastStepAfterOthers: false },
  payment_error_card: { steps: PAYMENT_ERROR_CARD_STEPS, lastStepAfterOthers: false },
  payment_error_card_individual: { steps: PAYMENT_ERROR_CARD_INDIVIDUAL_STEPS, lastStepAfterOthers: false },
  payment_error_invoice: { steps: PAYMENT_ERROR_INVOICE_STEPS, lastStepAfterOthers: false },
  // The new-address step is there only when the login address is unusable: the stored items say which.
  login_recovery: { steps: loginRecoverySteps(false), lastStepAfterOthers: false },
}
