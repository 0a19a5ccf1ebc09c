import type { AccountType } from './account.js'
import { addBusinessDays, isBusinessDay, lastBusinessDayOnOrBefore } from './billing-calendar.js'
import type { CoverageSelection } from './coverage.js'
import type { OperatorId } from './operator-id.js'
import { addMonths, lastDayOf, type PlainDate, type YearMonth, yearMonthOf } from './plain-date.js'

export const INVOICE_PAYMENT_STATES = ['active', 'not_yet'] as const
export type InvoicePaymentState = (typeof INVOICE_PAYMENT_STATES)[number]

/** What the requester tells us; validated at the edge. */
export interface DirectDebitRequest {
  operatorId: OperatorId
  coverage: CoverageSelection
  accountType: AccountType
  invoicePayment: InvoicePaymentState
  consent: boolean
}

/** The direct-debit form as submitted: whether invoice payment is active may be left to SORACOM. */
export type DirectDebitDraft = Omit<DirectDebitRequest, 'invoicePayment'> & {
  invoicePayment?: InvoicePaymentState | undefined
}

export const DIRECT_DEBIT_FACT_QUESTIONS = ['invoicePayment'] as const

/** The request, when the user said whether invoice payment is active. */
export function answeredDirectDebit(draft: DirectDebitDraft): DirectDebitRequest | undefined {
  return draft.invoicePayment ? { ...draft, invoicePayment: draft.invoicePayment } : undefined
}

/**
 * The request with how SORACOM says the operator pays: invoice payment is active when it bills
 * through NP, not yet when it pays by card (口座振替 needs 請求書払い first, §3.5); unknown to
 * SORACOM, the user's answer stands.
 */
export function directDebitWithFacts(
  draft: DirectDebitDraft,
  facts: { paymentMethod?: 'invoice' | 'card' },
): DirectDebitRequest | undefined {
  const invoicePayment =
    facts.paymentMethod === 'invoice'
      ? 'active'
      : facts.paymentMethod === 'card'
        ? 'not_yet'
        : draft.invoicePayment
  return invoicePayment ? { ...draft, invoicePayment } : undefined
}

export type DirectDebitIneligibility = 'individual_account' | 'invoice_payment_required'

export type DirectDebitOutcome =
  | { kind: 'ticket' }
  | { kind: 'ineligible'; reason: DirectDebitIneligibility; operatorId: OperatorId }
  | { kind: 'consent_required' }

/**
 * Decides whether a direct-debit request can go to SORACOM support (§3.5, §3.5.1).
 * Individual accounts pay by card only (§3.1); invoice payment must be in place first (§3.5);
 * without 「上記の注意点: 同意」 the request is not valid — the guide would ask again.
 * Eligibility is judged before consent: someone who cannot switch need not agree to anything.
 */
export function evaluateDirectDebit(request: DirectDebitRequest): DirectDebitOutcome {
  if (request.accountType === 'individual') {
    return { kind: 'ineligible', reason: 'individual_account', operatorId: request.operatorId }
  }
  if (request.invoicePayment === 'not_yet') {
    return { kind: 'ineligible', reason: 'invoice_payment_required', operatorId: request.operatorId }
  }
  if (!request.consent) return { kind: 'consent_required' }
  return { kind: 'ticket' }
}

/**
 * Milestones the requester reports on a direct-debit ticket (§3.5.1 steps 3, 5, 6 and 9), in order.
 */
export const DIRECT_DEBIT_MILESTONES = ['sent', 'form_received', 'form_returned', 'switched'] as const
export type DirectDebitMilestone = (typeof DIRECT_DEBIT_MILESTONES)[number]

export interface FollowUpPlan {
  kind:
    | 'direct_debit_form_arrival'
    | 'direct_debit_form_return'
    | 'direct_debit_result_due'
    | 'direct_debit_invoice_due'
  key: string
  date: PlainDate
  /** For invoice due dates: the month whose last day is the due date. */
  month?: YearMonth
}

/**
 * Follow-ups after a milestone (§3.5.1): the form should arrive about 3 business days after the
 * request; a reminder to send it back a week after it arrived; the result about 2 months after
 * it went back. Everything earlier becomes moot.
 */
export function directDebitFollowUps(
  ticketId: string,
  milestone: DirectDebitMilestone,
  on: PlainDate,
): FollowUpPlan[] {
  switch (milestone) {
    case 'sent':
      return [
        {
          kind: 'direct_debit_form_arrival',
          key: `dd:${ticketId}:form_arrival`,
          // SORACOM first asks NP, then NP needs about 3 business days (§3.5.1 steps 4–5): ask after 5.
          date: addBusinessDays(on, 5),
        },
      ]
    case 'form_received':
      return [
        { kind: 'direct_debit_form_return', key: `dd:${ticketId}:form_return`, date: addBusinessDays(on, 5) },
      ]
    case 'form_returned': {
      const twoMonthsLater = `${addMonths(yearMonthOf(on), 2)}-${on.slice(8)}` as PlainDate
      const date = clampToMonth(twoMonthsLater)
      return [
        {
          kind: 'direct_debit_result_due',
          key: `dd:${ticketId}:result_due`,
          date: isBusinessDay(date) ? date : addBusinessDays(date, 1),
        },
      ]
    }
    case 'switched':
      return []
  }
}

/** Until debit starts (step 9), invoices are paid as usual: a reminder on each due date in the window. */
export function directDebitInvoiceDueDates(
  ticketId: string,
  from: PlainDate,
  until: PlainDate,
): FollowUpPlan[] {
  const plans: FollowUpPlan[] = []
  for (let month = yearMonthOf(from); month <= yearMonthOf(until); month = addMonths(month, 1)) {
    const date = lastBusinessDayOnOrBefore(lastDayOf(month))
    if (date >= from && date <= until) {
      plans.push({ kind: 'direct_debit_invoice_due', key: `dd:${ticketId}:due:${month}`, date, month })
    }
  }
  return plans
}

/** `2027-02-31` → `2027-02-28`: "two months later" on a shorter month. */
function clampToMonth(date: PlainDate): PlainDate {
  const month = date.slice(0, 7) as YearMonth
  const last = lastDayOf(month)
  return date > last ? last : date
}
