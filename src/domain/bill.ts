import type { Coverage } from './coverage.js'
import type { YearMonth } from './plain-date.js'

/**
 * A month's bill as SORACOM's Billing API reports it (`MonthlyBill`, `GET /bills/{yyyyMM}`), in the
 * bot's own terms: the month as `YYYY-MM`, the amount as billed (after coupons) in its currency.
 */
export interface Bill {
  month: YearMonth
  amount: number
  currency: BillCurrency
  /** The coupon amount used against this month, when any. */
  couponAmount?: number
  /** `temporary`: still being aggregated (集計中); `closed`: final (確定). */
  state: 'temporary' | 'closed'
  paymentStatus?: PaymentStatus
}

export const BILL_CURRENCIES = ['JPY', 'USD', 'EUR'] as const
export type BillCurrency = (typeof BILL_CURRENCIES)[number]

/** Every value of `MonthlyBill.paymentStatus` in SORACOM's API reference. */
export const PAYMENT_STATUSES = [
  'lessThanMinimumCharge',
  'paying',
  'paid',
  'fail',
  'refunding',
  'refunded',
  'refund_fail',
  'delegating_to_third_party',
  'delegated_to_third_party',
  'charging',
  'canceling',
  'cancelled',
  'cancel_failed',
] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/**
 * The payment method on file (`GET /payment_methods/current`). `errorCode` `success` or
 * `processing` is a usable card; anything else is a card SORACOM cannot charge.
 */
export interface PaymentMethodFacts {
  /** `WebPay` is SORACOM's card processor: the operator pays by credit card. */
  providerType?: string
  errorCode?: string
}

/** Whether the method on file is a card SORACOM cannot charge (an alert, §3.8.1). */
export function paymentMethodFailing(method: PaymentMethodFacts | undefined): boolean {
  return (
    method?.errorCode !== undefined && method.errorCode !== 'success' && method.errorCode !== 'processing'
  )
}

/** `202208` (the API's month) ↔ `2022-08` (the bot's). */
export function apiMonth(month: YearMonth): string {
  return month.replace('-', '')
}

export function monthFromApi(yyyyMM: string): YearMonth | undefined {
  const match = /^(\d{4})(\d{2})$/.exec(yyyyMM)
  return match ? (`${match[1]}-${match[2]}` as YearMonth) : undefined
}

/**
 * How an operator pays, as far as SORACOM's answers show it (domain.md, decided 2026-11): a bill
 * handed to NP is invoice payment; a method on file with the card processor is card payment;
 * anything else is not known, and the flow asks.
 */
export function paymentMethodFromFacts(
  bill: Bill | undefined,
  method: PaymentMethodFacts | undefined,
): 'invoice' | 'card' | undefined {
  if (
    bill?.paymentStatus === 'delegated_to_third_party' ||
    bill?.paymentStatus === 'delegating_to_third_party'
  )
    return 'invoice'
  if (method?.providerType === 'WebPay') return 'card'
  return undefined
}

/** What SORACOM told the reissue flow about a month (all optional: each unknown is asked). */
export interface ReissueFacts {
  operatorId: string
  coverage: Coverage
  month: YearMonth
  bill?: Bill
  paymentMethod?: 'invoice' | 'card'
  /** The amount question, answered: only from a closed month. */
  amountZero?: 'yes' | 'no'
  /** The coupon paid the whole month (amount 0 after a coupon). */
  couponCovered: boolean
}

export function reissueFacts(input: {
  operatorId: string
  coverage: Coverage
  month: YearMonth
  bill: Bill | undefined
  method: PaymentMethodFacts | undefined
}): ReissueFacts {
  const { bill } = input
  const paymentMethod = paymentMethodFromFacts(bill, input.method)
  const closed = bill?.state === 'closed'
  return {
    operatorId: input.operatorId,
    coverage: input.coverage,
    month: input.month,
    ...(bill ? { bill } : {}),
    ...(paymentMethod ? { paymentMethod } : {}),
    ...(closed ? { amountZero: bill.amount === 0 ? ('yes' as const) : ('no' as const) } : {}),
    couponCovered: closed && bill.amount === 0 && (bill.couponAmount ?? 0) > 0,
  }
}
