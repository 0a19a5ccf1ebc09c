import { addBusinessDays, type BillingDates, billingDatesFor } from './billing-calendar.js'
import type { Destination } from './contacts.js'
import type { Coverage } from './coverage.js'
import type { OperatorId } from './operator-id.js'
import { type PlainDate, type YearMonth, yearMonthOf } from './plain-date.js'

export const REISSUE_PAYMENT_METHODS = ['invoice', 'card'] as const
export type ReissuePaymentMethod = (typeof REISSUE_PAYMENT_METHODS)[number]

/** 送付方法 (§3.3.1): e-mail, or post at 200 yen per letter. */
export const DELIVERIES = ['email', 'post'] as const
export type Delivery = (typeof DELIVERIES)[number]

export const AMOUNT_ZERO_ANSWERS = ['yes', 'no', 'unknown'] as const
export type AmountZeroAnswer = (typeof AMOUNT_ZERO_ANSWERS)[number]

/** What the guide asks the customer to check before asking for a reissue (§3.4.1). */
export const REISSUE_CHECKS = ['mail_searched', 'spam_checked', 'address_checked'] as const
export type ReissueCheck = (typeof REISSUE_CHECKS)[number]

/** Mail and spam checks only make sense for e-mail delivery. */
export function checksFor(delivery: Delivery): ReissueCheck[] {
  return delivery === 'email' ? [...REISSUE_CHECKS] : ['address_checked']
}

export interface InvoiceReissueRequest {
  operatorId: OperatorId
  coverage: Coverage
  usageMonth: YearMonth
  paymentMethod: ReissuePaymentMethod
  delivery: Delivery
  /** The registered invoice address (e-mail or postal), when the user gave it. */
  address: string | undefined
  amountZero: AmountZeroAnswer
  checks: ReissueCheck[]
  destination: Destination
  /** The customer's company as registered with NP: NP identifies buyers by company name. */
  companyName?: string | undefined
}

/** The reissue form as submitted: how the month was paid and whether it was 0 yen may be left to SORACOM. */
export type InvoiceReissueDraft = Omit<InvoiceReissueRequest, 'paymentMethod' | 'amountZero'> & {
  paymentMethod?: ReissuePaymentMethod | undefined
  amountZero?: AmountZeroAnswer | undefined
}

/** The questions SORACOM can answer for a linked operator, by the draft's field. */
export const REISSUE_FACT_QUESTIONS = ['paymentMethod', 'amountZero'] as const

/** The request, when the user answered every question themselves. */
export function answeredReissue(draft: InvoiceReissueDraft): InvoiceReissueRequest | undefined {
  const { paymentMethod, amountZero } = draft
  return paymentMethod && amountZero ? { ...draft, paymentMethod, amountZero } : undefined
}

/**
 * The request with what SORACOM knows in: its answers win over the user's (SORACOM knows). A
 * 0-yen month has no invoice however it is paid, so it needs no payment method; a card payer has
 * none whatever the amount, so it needs no amount (§3.4.1, §5.4.2). Undefined: a question is
 * still open.
 */
export function reissueWithFacts(
  draft: InvoiceReissueDraft,
  facts: { paymentMethod?: ReissuePaymentMethod; amountZero?: 'yes' | 'no' },
): InvoiceReissueRequest | undefined {
  const amountZero = facts.amountZero ?? draft.amountZero
  const paymentMethod =
    facts.paymentMethod ?? draft.paymentMethod ?? (amountZero === 'yes' ? 'invoice' : undefined)
  if (paymentMethod === 'card') return { ...draft, paymentMethod, amountZero: amountZero ?? 'unknown' }
  return paymentMethod && amountZero ? { ...draft, paymentMethod, amountZero } : undefined
}

/** What every outcome tells the user: the month's dates (and so NP's mail subject), and checks still undone. */
export interface ReissueContext {
  operatorId: OperatorId
  dates: BillingDates
  pendingChecks: ReissueCheck[]
  delivery: Delivery
}

export type NoInvoiceReason = 'zero_amount' | 'card_payment'

export type InvoiceReissueOutcome =
  /** A month after this one (`latest`: the newest allowed), or NP asked without a company name. */
  | { kind: 'invalid'; field: 'usageMonth'; latest: YearMonth }
  | { kind: 'invalid'; field: 'companyName' }
  | { kind: 'no_invoice'; reasons: NoInvoiceReason[]; context: ReissueContext }
  /**
   * `waitUntil`: the last day the invoice is not yet late (e-mail +2, post +5 business days);
   * `remindOn`: the first business day a reissue request is accepted, when a reminder should come;
   * `issued`: the expected issue day is today or past (the message then speaks of it in the past).
   */
  | {
      kind: 'too_early'
      expectedOn: PlainDate
      waitUntil: PlainDate
      remindOn: PlainDate
      issued: boolean
      context: ReissueContext
    }
  /** `companyName`: cleaned (NP tickets need it); `address`: as typed, cleaned (undefined: not given). */
  | { kind: 'ticket'; context: ReissueContext; companyName: string; address: string | undefined }

/**
 * Business days after the expected issue day before an invoice counts as late (domain.md,
 * decided 2026-11): e-mail 2, post 5 (transit).
 */
export const LATE_AFTER_BUSINESS_DAYS: Record<Delivery, number> = { email: 2, post: 5 }

/**
 * Walks the checks of §3.4.1 before a reissue request:
 * no invoice exists for a 0-yen or coupon-covered month (§3.4.1, §4.2.1) nor for card payment
 * (§5.4.2); before the month's invoice date (around the 4th business day of the next month,
 * §4.1.2) the invoice is not late. Only then does a reissue ticket make sense.
 * Every reason that applies is reported, in the guide's order, so the user learns all of them.
 */
export function evaluateInvoiceReissue(
  request: InvoiceReissueRequest,
  today: PlainDate,
): InvoiceReissueOutcome {
  if (request.usageMonth > yearMonthOf(today)) {
    return { kind: 'invalid', field: 'usageMonth', latest: yearMonthOf(today) }
  }
  const dates = billingDatesFor(request.usageMonth)
  const context: ReissueContext = {
    operatorId: request.operatorId,
    dates,
    pendingChecks: checksFor(request.delivery).filter((c) => !request.checks.includes(c)),
    delivery: request.delivery,
  }
  // Card payers get no invoice at all: the answer is the 請求明細書 PDF alone (§5.4.2).
  if (request.paymentMethod === 'card') return { kind: 'no_invoice', reasons: ['card_payment'], context }
  if (request.amountZero === 'yes') return { kind: 'no_invoice', reasons: ['zero_amount'], context }
  const waitUntil = addBusinessDays(dates.invoiceIssued, LATE_AFTER_BUSINESS_DAYS[request.delivery])
  if (today <= waitUntil) {
    return {
      kind: 'too_early',
      expectedOn: dates.invoiceIssued,
      waitUntil,
      remindOn: addBusinessDays(waitUntil, 1),
      issued: today >= dates.invoiceIssued,
      context,
    }
  }
  const companyName = request.companyName?.replace(/\s+/g, ' ').trim() ?? ''
  if (request.destination === 'np' && companyName === '') {
    return { kind: 'invalid', field: 'companyName' }
  }

  // The address is an optional field: the contract's fixed fields do not include it (the ticket
  // then says so: SORACOM reads the registered one from its console, NP from its records).
  const address = request.address?.replace(/\s+/g, ' ').trim() || undefined
  return { kind: 'ticket', context, companyName, address }
}
