import { z } from 'zod'
import { BILL_CURRENCIES, type BillCurrency } from './bill.js'
import { addDays, lastDayOf, type PlainDate, type YearMonth } from './plain-date.js'

/**
 * Spend watch (issue 28): a monthly budget per linked operator and coverage, the month-end
 * forecast from the days so far, a day far above the usual (a spike), and which alerts are due.
 * SORACOM's daily figures (`GET /bills/{yyyyMM}/daily`) leave out fees charged monthly; the
 * running month's amount (`GET /bills/latest`) has them. Both are preliminary, about a day behind.
 */

/** A day's preliminary amount, from `GET /bills/{yyyyMM}/daily`. */
export interface DailyAmount {
  date: PlainDate
  amount: number
}

/** A service's cost this month (`GET /bills/summaries/bill_items`). */
export interface ServiceCost {
  name: string
  category?: string
  amount: number
}

/** A SIM's cost this month (`GET /bills/summaries/sims`). */
export interface SimCost {
  simId: string
  amount: number
}

/** A link's budget: the most the month should cost, in the bill's currency. */
export const budgetSchema = z.object({
  amount: z.number().positive(),
  currency: z.enum(BILL_CURRENCIES),
  setBy: z.string(),
  setAt: z.iso.datetime({ offset: true }),
  /**
   * Alerts not sent for the month the budget was set in, because what they would say was true
   * already then (the reply to the admin said so instead): a month over budget stays quiet.
   */
  quiet: z
    .object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      kinds: z.array(z.enum(['budget_80', 'budget_100', 'forecast_100', 'spike'])),
    })
    .optional(),
})
export type Budget = z.infer<typeof budgetSchema>

export const SPEND_ALERT_KINDS = ['budget_80', 'budget_100', 'forecast_100', 'spike'] as const
export type SpendAlertKind = (typeof SPEND_ALERT_KINDS)[number]

/** The share of the budget that gives the early alert. */
export const EARLY_SHARE = 0.8

/** How many of the latest days make the run rate. */
export const RUN_RATE_DAYS = 7

/**
 * How the forecast is made: the amount so far, plus the recent daily run rate (the mean of the
 * last `RUN_RATE_DAYS` days with figures, a spike among them counted as a usual day) times the
 * days left. Fees charged monthly (the amount so far less the days' sum) are counted once, never
 * extrapolated.
 */
export interface Forecast {
  total: number
  soFar: number
  /** The fees charged monthly in the amount so far (not in any day). */
  fixed: number
  dailyRate: number
  /** The last day with figures (SORACOM's daily figures lag by about a day). */
  through: PlainDate | undefined
  /** Days of the month after `through`. */
  remainingDays: number
  /** How many days the run rate is the mean of. */
  rateDays: number
}

export function forecastMonthEnd(month: YearMonth, soFar: number, days: readonly DailyAmount[]): Forecast {
  const mine = [...days].filter((d) => d.date.startsWith(month)).sort((a, b) => a.date.localeCompare(b.date))
  const usage = sum(mine.map((d) => d.amount))
  const fixed = Math.max(0, soFar - usage)
  // The two reads are aggregated apart: the days may be ahead of the month's amount.
  soFar = Math.max(soFar, usage)
  const recent = mine.slice(-RUN_RATE_DAYS).map((d) => d.amount)
  const usual = median(recent)
  const clipped = recent.map((a) => (usual > 0 && a >= SPIKE_FACTOR * usual ? usual : a))
  const dailyRate = clipped.length > 0 ? sum(clipped) / clipped.length : 0
  const through = mine.at(-1)?.date
  const daysInMonth = Number(lastDayOf(month).slice(8))
  const remainingDays = through ? daysInMonth - Number(through.slice(8)) : daysInMonth
  return {
    total: soFar + dailyRate * remainingDays,
    soFar,
    fixed,
    dailyRate,
    through,
    remainingDays,
    rateDays: clipped.length,
  }
}

/** The day the amount reaches the budget at the run rate, when it does within the month. */
export function budgetReachedOn(month: YearMonth, forecast: Forecast, budget: number): PlainDate | undefined {
  if (forecast.soFar >= budget) return forecast.through
  if (forecast.dailyRate <= 0 || forecast.total < budget) return undefined
  const days = Math.ceil((budget - forecast.soFar) / forecast.dailyRate)
  const from = forecast.through ?? addDays(`${month}-01` as PlainDate, -1)
  const date = addDays(from, days)
  return date <= lastDayOf(month) ? date : undefined
}

/** A spike: at least this many times the usual day … */
export const SPIKE_FACTOR = 2
/** … the usual day being the median of up to this many days before it … */
export const SPIKE_BASELINE_DAYS = 14
/** … of which at least this many must have figures (a new link has no usual yet) … */
export const SPIKE_MIN_BASELINE = 7
/** … and above the usual by at least this much, so that a quiet account's ¥30 day is no news. */
export const SPIKE_FLOOR: Record<BillCurrency, number> = { JPY: 1000, USD: 10, EUR: 10 }
/** Only a recent day is news: one this many days or fewer before the newest figures. */
export const SPIKE_RECENT_DAYS = 2

export interface Spike {
  date: PlainDate
  amount: number
  /** The median of the days before it. */
  usual: number
}

/**
 * The newest day of the month far above the usual (≥ SPIKE_FACTOR × the median of the
 * SPIKE_BASELINE_DAYS before it, and SPIKE_FLOOR above it), among the latest days; `days` may
 * reach into the month before, for the baseline.
 */
export function findSpike(
  month: YearMonth,
  days: readonly DailyAmount[],
  currency: BillCurrency,
): Spike | undefined {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date))
  const newest = sorted.at(-1)?.date
  if (!newest) return undefined
  const earliest = addDays(newest, -SPIKE_RECENT_DAYS)
  for (let i = sorted.length - 1; i >= 0; i--) {
    const day = sorted[i] as DailyAmount
    if (day.date < earliest || !day.date.startsWith(month)) break
    const from = addDays(day.date, -SPIKE_BASELINE_DAYS)
    const before = sorted.slice(0, i).filter((d) => d.date >= from)
    if (before.length < SPIKE_MIN_BASELINE) continue
    const usual = median(before.map((d) => d.amount))
    if (day.amount >= SPIKE_FACTOR * usual && day.amount - usual >= SPIKE_FLOOR[currency]) {
      return { date: day.date, amount: day.amount, usual }
    }
  }
  return undefined
}

/** What a check found for a link's running month. */
export interface SpendFacts {
  month: YearMonth
  forecast: Forecast
  spike: Spike | undefined
}

/**
 * The alerts this month's figures call for, before asking which were sent already: 80 % reached
 * (but not 100 %: then only that one is news), 100 % reached, the forecast passing 100 % while
 * the amount has not, and a spike (with or without a budget). A budget's `quiet` kinds stay
 * silent for the month it was set in.
 */
export function spendAlertsDue(facts: SpendFacts, budget: Budget | undefined): SpendAlertKind[] {
  const due: SpendAlertKind[] = []
  if (budget) {
    const { soFar, total } = facts.forecast
    if (soFar >= budget.amount) due.push('budget_100')
    else if (soFar >= EARLY_SHARE * budget.amount) due.push('budget_80')
    if (soFar < budget.amount && total >= budget.amount) due.push('forecast_100')
  }
  if (facts.spike) due.push('spike')
  const quiet = budget?.quiet?.month === facts.month ? budget.quiet.kinds : []
  return due.filter((k) => !quiet.includes(k))
}

/** Setting a budget: which of its alerts would be old news for the running month (said in the reply instead). */
export function alreadyTrue(facts: SpendFacts, amount: number): SpendAlertKind[] {
  const { soFar, total } = facts.forecast
  const kinds: SpendAlertKind[] = []
  if (soFar >= EARLY_SHARE * amount) kinds.push('budget_80')
  if (soFar >= amount) kinds.push('budget_100')
  if (total >= amount) kinds.push('forecast_100')
  return kinds
}

/** The biggest few, largest first. */
export function topCosts<T extends { amount: number }>(items: readonly T[], count: number): T[] {
  return [...items]
    .filter((i) => i.amount > 0)
    .sort((a, b) => b.amount - a.amount)
    .slice(0, count)
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

/** What a spend chart shows: the months as billed, and the running month's days with the forecast. */
export interface SpendChartData {
  operatorId: string
  currency: BillCurrency
  /** Up to 12 months, oldest first. */
  months: Array<{ month: YearMonth; amount: number; closed: boolean }>
  running?: {
    month: YearMonth
    days: DailyAmount[]
    forecast: Forecast
    budget?: number
  }
}

/** The last 12 months as billed, oldest first, the running one (when given) last. */
export function chartMonths(
  bills: ReadonlyArray<{ month: YearMonth; amount: number; state: 'temporary' | 'closed' }>,
  running?: { month: YearMonth; amount: number },
): SpendChartData['months'] {
  const byMonth = new Map(
    bills.map((b) => [b.month, { month: b.month, amount: b.amount, closed: b.state === 'closed' }]),
  )
  if (running) byMonth.set(running.month, { month: running.month, amount: running.amount, closed: false })
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)).slice(-12)
}

/** A drawn chart: a PNG and what to call it. */
export interface ChartImage {
  bytes: Uint8Array
  filename: string
  title: string
  /** What the picture shows, for screen readers. */
  altText: string
}
