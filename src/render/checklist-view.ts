import { billingDatesFor } from '../domain/billing-calendar.js'
import type { Checklist } from '../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../domain/checklist-definitions.js'
import { LOGIN_RECOVERY_MAIL } from '../domain/guided-requests.js'
import { type PlainDate, yearMonthOf } from '../domain/plain-date.js'
import { ACCOUNT_DELETION_WARNINGS, CHECKLIST_STEPS, type ChecklistStep } from './checklist-steps.js'
import { paymentErrorCauseText } from './guide-text.js'

/** What the renderer needs to draw a checklist message as it stands. */
export interface ChecklistView {
  checklist: Checklist
  steps: readonly ChecklistStep[]
  /** The last step can be ticked only after the others. */
  lastStepAfterOthers: boolean
  /** The guidance above the steps: `templates/guidance/<template>.njk` with this model. */
  header: { template: string; model: object }
  /** The notification text. */
  fallback: string
  /** Closed by the bot (SORACOM shows the payment made): no more ticking. */
  closed?: { at: string; reason: string }
}

/** Describes a stored checklist: when it is first posted and after every tick. */
export function describeChecklist(checklist: Checklist): ChecklistView {
  const definition = {
    steps: CHECKLIST_STEPS[checklist.kind],
    lastStepAfterOthers: CHECKLIST_DEFINITIONS[checklist.kind].lastStepAfterOthers,
  }
  if (checklist.kind === 'account_deletion') {
    const cancelDate = (checklist.cancelDate ?? checklist.createdAt.slice(0, 10)) as PlainDate
    const operatorId = checklist.operatorIds[0] ?? ''
    return {
      checklist,
      ...definition,
      header: {
        template: 'account-deletion-checklist',
        model: {
          operatorId,
          cancelDate,
          paymentMethod: checklist.deletionPaymentMethod ?? 'unknown',
          finalInvoice: billingDatesFor(yearMonthOf(cancelDate)),
          warnings: ACCOUNT_DELETION_WARNINGS,
        },
      },
      fallback: `アカウント退会のチェックリスト（${operatorId}）`,
    }
  }
  if (checklist.kind === 'login_recovery') {
    const operatorId = checklist.operatorIds[0]
    return {
      checklist,
      ...definition,
      // Only the steps this one has (the new-address step when the login address is unusable).
      steps: definition.steps.filter((s) => checklist.items.some((i) => i.key === s.key)),
      header: {
        template: 'login-recovery-checklist',
        model: { mail: LOGIN_RECOVERY_MAIL, operatorId, ...checklist.recovery },
      },
      fallback: 'ログイン情報の開示依頼のチェックリスト',
    }
  }
  if (checklist.kind !== 'bank_account_merge') {
    const operatorId = checklist.operatorIds[0] ?? ''
    const target = { operatorId, coverage: checklist.coverage ?? 'jp' }
    return {
      checklist,
      ...definition,
      header: {
        template: 'payment-error-checklist',
        model: {
          cause: paymentErrorCauseText(checklist.cause ?? { kind: 'reported' }, target),
          card: checklist.kind !== 'payment_error_invoice',
          individual: checklist.kind === 'payment_error_card_individual',
          watched: Boolean(checklist.alertKey),
        },
      },
      fallback: `支払いエラーの対応（${operatorId}）`,
      ...(checklist.closed ? { closed: checklist.closed } : {}),
    }
  }
  return {
    checklist,
    ...definition,
    header: {
      template: 'invoice-merge-self-service',
      model: { operatorIds: checklist.operatorIds, representative: checklist.representative },
    },
    fallback: '入金口座をまとめる手順（NP 掛け払いマイページ）',
  }
}
