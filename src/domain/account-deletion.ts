import { type BillingDates, billingDatesFor } from './billing-calendar.js'
import type { OperatorId } from './operator-id.js'
import { addDays, addMonths, type PlainDate, yearMonthOf } from './plain-date.js'

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
