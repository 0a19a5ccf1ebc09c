import type { AccountType } from '../domain/account.js'
import type { Bill, BillCurrency, PaymentStatus } from '../domain/bill.js'
import type { CalendarPaymentMethod } from '../domain/calendar-subscription.js'
import type { CoverageSelection } from '../domain/coverage.js'
import type { NameChangeReason } from '../domain/guided-requests.js'
import type { AmountZeroAnswer, Delivery, ReissueCheck } from '../domain/invoice-reissue.js'
import type { PlainDate, YearMonth } from '../domain/plain-date.js'
import { lastDayOf } from '../domain/plain-date.js'

/** The words for the domain's codes and values: labels, amounts, dates as the guide writes them. */

const COVERAGE_LABELS: Record<CoverageSelection, string> = { jp: '日本', g: 'グローバル', both: '両方' }

/** The Japanese label the guide's formats use: 日本 / グローバル / 両方. */
export function coverageLabel(coverage: CoverageSelection): string {
  return COVERAGE_LABELS[coverage]
}

const ACCOUNT_LABELS: Record<AccountType, string> = { corporate: '法人', individual: '個人' }

export function accountTypeLabel(type: AccountType): string {
  return ACCOUNT_LABELS[type]
}

export const CALENDAR_PAYMENT_LABELS: Record<CalendarPaymentMethod, string> = {
  invoice: '請求書払い（振込）',
  direct_debit: '口座振替',
  konbini: 'コンビニ払込票',
  card: 'クレジットカード',
}

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

/** `2027年04月30日`: how NP writes dates in its mail subjects. */
export function npDate(date: PlainDate): string {
  const [y, m, d] = date.split('-')
  return `${y}年${m}月${d}日`
}

/**
 * The subject of NP's invoice mail for a usage month, exactly as the guide gives it (§3.4.1);
 * the 締日 is the last day of the usage month.
 */
export function npInvoiceMailSubject(usageMonth: YearMonth): string {
  return `【NP 掛け払い】請求書送付のご案内(株式会社ソラコム ご利用分 締日：${npDate(lastDayOf(usageMonth))})`
}

/** `2027年4月`: months without zero padding everywhere but inside NP's mail subject (domain.md). */
export function usageMonthLabel(month: YearMonth): string {
  const [year, m] = month.split('-')
  return `${year}年${Number(m)}月`
}

/** `2027年4月30日`, for dates inside ticket text (no weekday, no zero padding). */
export function dateLabel(date: PlainDate): string {
  const [year, m, d] = date.split('-')
  return `${year}年${Number(m)}月${Number(d)}日`
}

export const CHECK_LABELS: Record<ReissueCheck, string> = {
  mail_searched: 'NP からの請求書メールを件名でメールボックス検索した',
  spam_checked: '迷惑メールフォルダに振り分けられていないか確認した',
  address_checked: '請求書送付先として登録したアドレス・住所が正しいことを確認した',
}

const CHECK_TODOS: Record<ReissueCheck, string> = {
  mail_searched: '上の件名で NP からの請求書メールをメールボックス検索する',
  spam_checked: '迷惑メールフォルダに振り分けられていないか確認する',
  address_checked: 'ユーザーコンソールの「お支払い方法」で、登録している請求書送付先が正しいか確認する',
}

/** A check that was done, as the ticket reports it. */
export function reissueCheckLabel(check: ReissueCheck): string {
  return CHECK_LABELS[check]
}

/** A check still to do, as the message suggests it. */
export function reissueCheckTodo(check: ReissueCheck): string {
  return CHECK_TODOS[check]
}

/** The address left blank, in a ticket to SORACOM (who can read the registered one). */

/** The same, to NP: NP has no access to SORACOM's console (domain.md, decided 2026-11). */

export const DELIVERY_LABELS: Record<Delivery, string> = { email: 'Eメール', post: '郵送' }

export const AMOUNT_LABELS: Record<AmountZeroAnswer, string> = {
  yes: '0 円',
  no: '0 円ではないことを確認済み',
  unknown: '未確認',
}

export const NAME_CHANGE_REASON_LABELS: Record<NameChangeReason, string> = {
  trade_name: '商号変更',
  merger: '買収・合併',
  transfer: '第三者への譲渡',
}
