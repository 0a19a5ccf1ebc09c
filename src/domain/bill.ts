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

/** What each payment status means for the billing desk, in Japanese. */
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  // The guide says nothing of what becomes of such an amount; it points to SORACOM's page on the
  // statuses (§4.4), so the label does too rather than guess.
  lessThanMinimumCharge:
    '最低請求金額未満（ステータスの説明: https://soracom.zendesk.com/hc/ja/articles/360029337031 ）',
  paying: '支払い手続き中',
  paid: '支払い済み',
  fail: '支払いエラー（決済できませんでした）',
  refunding: '返金手続き中',
  refunded: '返金済み',
  refund_fail: '返金エラー',
  delegating_to_third_party: '請求書払い（NP 掛け払い）へ引き渡し中',
  delegated_to_third_party: '請求書払い（NP 掛け払いで請求・回収）',
  charging: '請求手続き中',
  canceling: '請求の取り消し手続き中',
  cancelled: '請求取り消し済み',
  cancel_failed: '請求の取り消しエラー',
}

export const BILL_STATE_LABELS: Record<Bill['state'], string> = { temporary: '集計中', closed: '確定' }

/**
 * The payment method on file (`GET /payment_methods/current`). `errorCode` `success` or
 * `processing` is a usable card; anything else is a card SORACOM cannot charge.
 */
export interface PaymentMethodFacts {
  /** `WebPay` is SORACOM's card processor: the operator pays by credit card. */
  providerType?: string
  errorCode?: string
}

/** Payment-method error codes (`GetPaymentMethodResult.errorCode`) in Japanese, for alerts. */
export const PAYMENT_METHOD_ERROR_LABELS: Record<string, string> = {
  invalid_request: 'カード情報の登録に不備があります',
  invalid_number: 'カード番号が正しくありません',
  incorrect_number: 'カード番号が正しくありません',
  invalid_name: 'カード名義が正しくありません',
  invalid_expiry_month: '有効期限（月）が正しくありません',
  invalid_expiry_year: '有効期限（年）が正しくありません',
  invalid_expiry: '有効期限が正しくないか、期限が切れています',
  incorrect_expiry: '有効期限が正しくないか、期限が切れています',
  invalid_cvc: 'セキュリティコードが正しくありません',
  incorrect_cvc: 'セキュリティコードが正しくありません',
  card_declined: 'カード会社に決済を断られました（利用限度額の超過や利用停止など）',
  missing: 'カードが登録されていません',
  processing_error: '決済処理でエラーが起きました',
}

/** Whether the method on file is a card SORACOM cannot charge (an alert, §3.8.1). */
export function paymentMethodFailing(method: PaymentMethodFacts | undefined): boolean {
  return (
    method?.errorCode !== undefined && method.errorCode !== 'success' && method.errorCode !== 'processing'
  )
}

/** `28,734 円` for yen; other currencies as billed (`12.34 USD`). */
export function formatAmount(amount: number, currency: BillCurrency): string {
  if (currency === 'JPY') return `${Math.round(amount).toLocaleString('en-US')} 円`
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`
}

/** `+3.2 %`, `-10.0 %`, `±0.0 %`; undefined when there is nothing to compare (no bill, 0, another currency). */
export function changeAgainst(current: Bill, previous: Bill | undefined): string | undefined {
  if (!previous || previous.currency !== current.currency || previous.amount === 0) return undefined
  const percent = Math.round(((current.amount - previous.amount) / previous.amount) * 1000) / 10
  if (percent === 0) return '±0.0 %'
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)} %`
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
