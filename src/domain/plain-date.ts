import dayjs from 'dayjs'
import { calendarDay, japanClock, japanInstant } from './japan-time.js'
import { type Parsed, parsed, rejected } from './result.js'

/**
 * A calendar date without a time or zone, `YYYY-MM-DD`. Billing dates are Japanese calendar days:
 * arithmetic happens on these, and an instant (09:00 JST) is made from one only at the end.
 */
export type PlainDate = string & { readonly __brand: 'PlainDate' }

/** A usage month (ご利用月), `YYYY-MM`. */
export type YearMonth = string & { readonly __brand: 'YearMonth' }

/** Today's date in Japan at the given instant, whatever the server's time zone. */
export function tokyoDate(instant: Date): PlainDate {
  return japanClock(instant).format('YYYY-MM-DD') as PlainDate
}

/** 09:00 Japan time on the given day: when reminders are due. */
export function tokyoNineAm(date: PlainDate): Date {
  return japanInstant(date, 9)
}

const ISO_DAY = 'YYYY-MM-DD'

export function plainDate(year: number, month: number, day: number): PlainDate {
  return dayjs.utc(Date.UTC(year, month - 1, day)).format(ISO_DAY) as PlainDate
}

/**
 * The calendar asks the same few thousand days again and again (every ticket's reminders fall on
 * the same months' business days): each answer is computed with dayjs once and then remembered,
 * which makes the lookups cheaper than plain Date arithmetic was (docs/benchmarks.md). Bounded.
 */
const MEMO_LIMIT = 100_000
const addDaysMemo = new Map<string, PlainDate>()
const weekdayMemo = new Map<string, number>()

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, value)
  return value
}

export function addDays(date: PlainDate, days: number): PlainDate {
  const key = `${date}${days}`
  return (
    addDaysMemo.get(key) ??
    remember(addDaysMemo, key, calendarDay(date).add(days, 'day').format(ISO_DAY) as PlainDate)
  )
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  return weekdayMemo.get(date) ?? remember(weekdayMemo, date, calendarDay(date).day())
}

export function yearMonthOf(date: PlainDate): YearMonth {
  return date.slice(0, 7) as YearMonth
}

export function addMonths(month: YearMonth, months: number): YearMonth {
  return calendarDay(`${month}-01`).add(months, 'month').format('YYYY-MM') as YearMonth
}

export function firstDayOf(month: YearMonth): PlainDate {
  return `${month}-01` as PlainDate
}

export function lastDayOf(month: YearMonth): PlainDate {
  return calendarDay(`${month}-01`).endOf('month').format(ISO_DAY) as PlainDate
}

/** Accepts `2027-04`, `2027/4`, `2027年4月`, `2027.04`, full-width digits too. */
export function parseYearMonth(raw: string): Parsed<YearMonth> {
  const text = raw.normalize('NFKC').trim()
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text)
  const month = Number(match?.[2])
  if (!match || month < 1 || month > 12) {
    return rejected({ code: 'year_month_malformed' })
  }
  return parsed(`${match[1]}-${String(month).padStart(2, '0')}` as YearMonth)
}

/** Accepts a real calendar date `YYYY-MM-DD` (as Slack's datepicker sends it). */
export function parsePlainDate(raw: string): Parsed<PlainDate> {
  const text = raw.normalize('NFKC').trim()
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match) {
    const date = plainDate(Number(match[1]), Number(match[2]), Number(match[3]))
    if (date === text) return parsed(date)
  }
  return rejected({ code: 'plain_date_malformed' })
}
