import holidayJp from '@holiday-jp/holiday_jp'
import {
  addDays,
  addMonths,
  dayOfWeek,
  firstDayOf,
  lastDayOf,
  type PlainDate,
  type YearMonth,
} from './plain-date.js'

const holidayCache = new Map<PlainDate, boolean>()

/** 祝日: from the maintained `@holiday-jp/holiday_jp` table, looked up by the Japanese calendar date. */
export function isJapaneseHoliday(date: PlainDate): boolean {
  let holiday = holidayCache.get(date)
  if (holiday === undefined) {
    holiday = holidayJp.isHoliday(date)
    holidayCache.set(date, holiday)
  }
  return holiday
}

/** Banks close over the New Year on 31 December, 2 and 3 January (1 January is a national holiday). */
export function isBankNewYearClosure(date: PlainDate): boolean {
  const monthDay = date.slice(5)
  return monthDay === '12-31' || monthDay === '01-02' || monthDay === '01-03'
}

/**
 * 営業日: a Japanese bank business day — Monday to Friday, not a national holiday, not in the New
 * Year closure (domain.md "Billing calendar", decided 2026-11: the safer side for every reminder).
 */
export function isBusinessDay(date: PlainDate): boolean {
  const dow = dayOfWeek(date)
  return dow !== 0 && dow !== 6 && !isJapaneseHoliday(date) && !isBankNewYearClosure(date)
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`): "あと N 営業日". */
export function businessDaysUntil(from: PlainDate, to: PlainDate): number {
  let count = 0
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isBusinessDay(day)) count += 1
  return count
}

/** The n-th business day (1-based) of a month. */
export function nthBusinessDay(month: YearMonth, n: number): PlainDate {
  let date = firstDayOf(month)
  let count = isBusinessDay(date) ? 1 : 0
  while (count < n) {
    date = addDays(date, 1)
    if (isBusinessDay(date)) count += 1
  }
  return date
}

/** Moves by whole business days; from a non-business day, the first step lands on the nearest one. */
export function addBusinessDays(date: PlainDate, days: number): PlainDate {
  const step = days < 0 ? -1 : 1
  let left = Math.abs(days)
  let current = date
  while (left > 0) {
    current = addDays(current, step)
    if (isBusinessDay(current)) left -= 1
  }
  return current
}

/** The due date if it is a business day, else the last business day before it: when to pay by transfer. */
export function lastBusinessDayOnOrBefore(date: PlainDate): PlainDate {
  return isBusinessDay(date) ? date : addBusinessDays(date, -1)
}

export interface BillingDates {
  usageMonth: YearMonth
  /** 締日: the last day of the usage month (§4.1). */
  closingDate: PlainDate
  /** 請求金額確定日: the 2nd business day of the next month (§4.3). */
  amountFinal: PlainDate
  /** 請求書発行: around the 4th business day of the next month (§4.1.2). */
  invoiceIssued: PlainDate
  /** 支払期限: the last day of the month the invoice is issued in (§4.1.2), a calendar day. */
  paymentDue: PlainDate
}

/** The billing calendar of one usage month, for invoice payment (§4.1.2, §4.3). */
export function billingDatesFor(usageMonth: YearMonth): BillingDates {
  const next = addMonths(usageMonth, 1)
  return {
    usageMonth,
    closingDate: lastDayOf(usageMonth),
    amountFinal: nthBusinessDay(next, 2),
    invoiceIssued: nthBusinessDay(next, 4),
    paymentDue: lastDayOf(next),
  }
}
