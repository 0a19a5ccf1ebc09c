import { type BillingDates, billingDatesFor } from './billing-calendar.js'
import type { ChecklistStep } from './checklist.js'
import type { OperatorId } from './operator-id.js'
import { addDays, addMonths, type PlainDate, yearMonthOf } from './plain-date.js'

/** The steps of アカウントの退会 (§6.4), in the order they must be done. */
export const ACCOUNT_DELETION_STEPS: readonly ChecklistStep[] = [
  {
    key: 'sims_cancelled',
    title: 'すべての SIM を解約する（§6.4.1）',
    detail:
      'ユーザーコンソールの SIM 一覧で対象の SIM にチェック → 「操作」 → 「解約」。有効期限を設定して後日解約することもできます。',
  },
  {
    key: 'services_cancelled',
    title: 'SIM 以外のサービスをすべて解約する（§6.4.2）',
    detail:
      'Sigfox、Virtual Private Gateway (VPG)、SORACOM LTE-M Button powered by AWS、その他の有料サービス。すべて解約されたかは https://soracom.zendesk.com/hc/ja/articles/360050858631 で確認できます。',
  },
  {
    key: 'payments_complete',
    title: 'すべての支払いを完了する',
    detail:
      '月末締め・翌月払いのため、解約日までの利用料は翌月に請求されます。最終請求の支払いが済むまで退会できません。',
  },
  {
    key: 'account_deleted',
    title: 'アカウントを削除する',
    detail:
      'ユーザーコンソール → 右上の「サポート」 → 「アカウントの削除」 → すべての項目が OK なら「アカウントを削除する」。',
  },
]

/** Warnings the checklist message always carries (§6.2, §6.3, §6.4). */
export const ACCOUNT_DELETION_WARNINGS = [
  '一度解約した SIM を再度登録することはできません。',
  '未使用の SIM は、状態が「準備完了 (ready)」の間だけ別のアカウントへ譲渡できます。一度でも通信すると「使用中 (active)」になり、譲渡できなくなります。',
  'アカウントそのものを第三者へ譲渡することはできません。',
  'アカウントは一度削除すると二度と復活できません。削除の前に、ご利用状況をもう一度確認してください（参考: https://soracom.zendesk.com/hc/ja/articles/217917958 ）。',
] as const

/** How the account pays, when the requester said: card payers get no invoice (§4.1.1). */
export const DELETION_PAYMENT_METHODS = ['invoice', 'card'] as const
export type DeletionPaymentMethod = (typeof DELETION_PAYMENT_METHODS)[number]

export interface AccountDeletionRequest {
  operatorId: OperatorId
  cancelDate: PlainDate
  paymentMethod?: DeletionPaymentMethod
}

export interface AccountDeletionPlan {
  operatorId: OperatorId
  cancelDate: PlainDate
  paymentMethod?: DeletionPaymentMethod
  /** The invoice for usage up to the cancellation day, issued the month after (§6.4.1). */
  finalInvoice: BillingDates
}

export type AccountDeletionOutcome =
  | { kind: 'invalid'; field: 'cancelDate'; earliest: PlainDate; latest: PlainDate }
  | { kind: 'checklist'; plan: AccountDeletionPlan }

/** SORACOM was founded in November 2014: nothing to cancel before that. */
const EARLIEST = '2014-11-01' as PlainDate

/**
 * Plans the deletion: the final invoice follows from the cancellation day by the billing calendar
 * (month-end close, issued around the 4th business day of the next month, due at its end).
 */
export function planAccountDeletion(
  request: AccountDeletionRequest,
  today: PlainDate,
): AccountDeletionOutcome {
  const latest = addDays(`${addMonths(yearMonthOf(today), 12)}-01` as PlainDate, -1)
  if (request.cancelDate < EARLIEST || request.cancelDate > latest) {
    return { kind: 'invalid', field: 'cancelDate', earliest: EARLIEST, latest }
  }
  return {
    kind: 'checklist',
    plan: {
      operatorId: request.operatorId,
      cancelDate: request.cancelDate,
      ...(request.paymentMethod ? { paymentMethod: request.paymentMethod } : {}),
      finalInvoice: billingDatesFor(yearMonthOf(request.cancelDate)),
    },
  }
}
