import type { ChecklistKind } from './checklist.js'
import { LOGIN_RECOVERY_STEP_KEYS } from './guided-requests.js'

export interface ChecklistDefinition {
  /** The steps' keys, in the order they are done (render/checklist-steps.ts words them). */
  steps: readonly string[]
  /** Account deletion: 「アカウントを削除する」 only once everything else is done (§6.4). */
  lastStepAfterOthers: boolean
}

const CARD_STEPS = ['coverage', 'card', 'repay'] as const

export const CHECKLIST_DEFINITIONS: Record<ChecklistKind, ChecklistDefinition> = {
  // §6.4: SIMs, other services, payments, then the account.
  account_deletion: {
    steps: ['sims_cancelled', 'services_cancelled', 'payments_complete', 'account_deleted'],
    lastStepAfterOthers: true,
  },
  // §3.4.3 ②: NP MyPage, the keys on each invoice, registered, then checked on the next invoices.
  bank_account_merge: {
    steps: ['mypage_registered', 'keys_found', 'keys_registered', 'account_confirmed'],
    lastStepAfterOthers: false,
  },
  // §3.8.1: the coverage, the card, re-payment; invoice payers follow NP.
  payment_error_card: { steps: CARD_STEPS, lastStepAfterOthers: false },
  payment_error_card_individual: { steps: CARD_STEPS, lastStepAfterOthers: false },
  payment_error_invoice: { steps: ['np_contact', 'pay', 'np_desk'], lastStepAfterOthers: false },
  // The new-address step is there only when the login address is unusable: the stored items say which.
  login_recovery: { steps: LOGIN_RECOVERY_STEP_KEYS, lastStepAfterOthers: false },
}
